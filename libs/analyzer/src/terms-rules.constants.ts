import { ClauseRule, rule } from './clause-rule.types';

// Cues for the terms-of-service clause types and the type-free stance cues. Same scale as privacy-rules.
export const termsRules: ClauseRule[] = [
  // eligibility
  // An age, not a period or a quantity: "at least 30 days' notice" names no age.
  rule('eligibility', 'minimum-age', /\b(?:at least|over|older than|under(?! (?:article|art\.?|section|sections|§|clause|paragraph|rule)\b)|age of|aged?|minimum age|younger than)\b[^.;]{0,15}\b(?:\d{2}|thirteen|sixteen|eighteen|twenty-one|majority)\b(?!\s*(?:\(\w+\)\s*)?(?:days?|weeks?|months?|hours?|minutes?|seconds?|percent|%|characters?|times|items?|people|users|members|dollars|euros?|usd|eur|[mgk]b|years? of (?:experience|expertise|operation|history))\b)|\b\d{2} (?:years )?(?:or|and) (?:older|over|above)\b|\b\d{2}\s*(?:\(\w+\)\s*)?years? (?:of age|old)\b|\bage of (?:majority|consent|digital consent)\b|\blegal age\b|\bold enough to\b|\b(?:must|need to|have to) be (?:1[3-9]|2[01]|thirteen|sixteen|eighteen|twenty-one)\b(?!\s*(?:characters?|digits?|%|percent|days?|weeks?|months?|hours?)\b)/, 3),
  // Who may use the service at all ("not intended for anyone under 13"), as opposed to how children's data is handled.
  rule('eligibility', 'age-restriction', /\b(?:designed|intended|directed|meant|available|open|permitted|allowed|eligible|use|register|sign up|create an account)\b[^.;]{0,40}\b(?:children|kids|minors|individuals|anyone|persons|people|users)\b[^.;]{0,12}\b(?:under|below|younger than)\b[^.;]{0,15}\b(?:\d{2}|thirteen|sixteen|eighteen)\b/, 2),
  // An age floor named without a number: "the service is only for adults", "you must be an adult".
  // The same floor with the excluded named first: "minors may not use the service".
  rule('eligibility', 'minors-excluded', /\b(?:minors|children|kids)\b[^.;]{0,20}\b(?:may|can|must|are|is) not\b[^.;]{0,20}\b(?:use|access|register|create|join|sign up|open)\b|\bnot (?:available|open|permitted|allowed) (?:to|for) (?:minors|children|kids)\b/, 3),
  rule('eligibility', 'adults-only', /\b(?:service|services|app|platform|site|website|accounts?|it)\b[^.;]{0,30}\b(?:for|to|by) adults\b|\badults? only\b|\b(?:must|need to|have to) be an? (?:adult|legal adult)\b/, 3),
  rule('eligibility', 'non-commercial', /\bnon-?commercial\b|\b(?:personal|private) purposes\b(?! (?:of|such)\b)|\b(?:personal|individual|private) (?:and |, )?(?:non-?commercial )?use\b|\bfor your (?:own )?personal\b/, 3),
  // Checking who the user is ("verify your identity", "identity verification") is a check, not a rule on who may use it.
  rule('eligibility', 'identity', /\bpseudonym\w*|\breal names?\b|\blegal names?\b|\btrue (?:name|identity)\b|(?<!\b(?:verif\w*|confirm\w*|prov(?:e|ing)|proof of|check\w*|authenticat\w*)(?: your| the user's| their| a user's)? )\bidentity\b(?! (?:verification|checks?|documents?|theft|providers?|services?)\b)|(?<!\b(?:data|information|statistics) (?:is|are) )\banonymous(?:ly)?\b(?! (?:data|information|statistics|usage data)\b)|\bscreen names?\b/, 2.5),
  rule('eligibility', 'registration', /\bregist(?:er|ration|ered)\b|\bcreate an account\b|\bsign[- ]?up\b|\b(?:one|single|multiple|alternative|additional|another|new) accounts?\b|\baccurate,? (?:current|complete)\b|\baccount requirements\b|\b(?:one|single) (?:\w+ ){0,2}per (?:person|household|customer|user|individual|device)\b/, 2),
  // The account rule that what the user registers with is true and kept current ("accurate, complete and up to date").
  rule('eligibility', 'accurate-info', /\b(?:true|accurate|truthful|correct)\b[^.;]{0,30}\b(?:current|complete|up[- ]to[- ]date)\b[^.;]{0,40}\b(?:information|details|data)\b|\b(?:information|details|data)\b[^.;]{0,60}\b(?:true|accurate|truthful|correct)\b[^.;]{0,30}\b(?:current|complete|up[- ]to[- ]date)\b/, 2.5),
  rule('eligibility', 'eligible', /\beligib\w+\b|\byou represent (?:and warrant )?that you\b|\bcapacity to (?:enter|form)\b|\blegally binding contract\b|\bwho (?:may|can) use\b|\b(?:available|open|offered|limited|restricted) (?:only )?to (?:residents|citizens|persons|individuals|people|users) (?:of|in|located in|living in|based in|resident in)\b|\b(?:must|need to|have to) be (?:a )?(?:residents?|citizens?|nationals?) of\b/, 2.5),
  // The account holder's duties: "you are responsible for all activity under your account", "keep your password confidential".
  rule('eligibility', 'account-duties', /\byou(?: are| will be|'re)? (?:solely |fully )?(?:responsible|liable)\b[^.;]{0,40}\b(?:passwords?|login credentials|(?:all )?activit(?:y|ies) (?:that (?:occurs?|takes? place) )?(?:under|on|through|in) your account)\b/, 2.5, -0.3),

  // account-termination
  // Not across a clause on the user's own act: in "we delete your data when you close your account" the account is
  // closed by the user, not by the platform.
  rule('account-termination', 'terminate-account', /\b(?:terminat\w*|suspen\w+|deactivat\w+|disabl\w+|ban(?:ned|s)?|revok\w+|cancel\w*|clos(?:e|ing)|delet\w+|lock\w*|block\w*|reclaim\w*|recycl\w*)\b(?:(?!\b(?:when|if|after|once|until|before|unless) you\b)[^.;]){0,60}\b(?:accounts?|usernames?|user names?|handles?|access(?! to (?:the |any |such |that |this )?(?:content|materials?|posts?|videos?|files?|works?)\b)|membership|registration|subscriptions?|profiles?|use of the|licen[cs]e to (?:use|access)|rights? to (?:use|access))\b|\bend(?:s|ed|ing)? (?:your|their|the user's|a user's|any user's) (?:accounts?|membership|access|use of)\b/, 3, -1, { userActorStance: 2 }),
  rule('account-termination', 'account-terminated', /\baccounts?\b[^.;]{0,50}\b(?:terminat\w+|suspen\w+|disabl\w+|banned|closed|deleted|deactivated|removed|restricted|locked|blocked)\b|\b(?:users?|members?|players?|you)\b (?:is |are |get |gets |has been |have been |will be |may be |can be )(?:permanently |temporarily )?(?:banned|suspended|blocked)\b|\b(?:users?|members?|players?|you)\b[^.;]{0,40}\b(?:be|been|is|are|get|gets) (?:permanently |temporarily )?(?:removed|expelled|excluded|kicked out) from (?:the|our) (?:service|platform|site|community|app|game|forum|network)s?\b|\binactiv\w+\b[^.;]{0,50}\b(?:closed|deleted|terminated|deactivated|removed|reclaimed|disabled|suspended)\b/, 2.5, -0.5),
  // The penalties themselves, as enforcement lists name them: "a permanent ban", "temporary suspensions", "account restrictions".
  rule('account-termination', 'account-penalty', /\b(?:permanent(?:ly)?|temporar(?:y|ily)|indefinite(?:ly)?)\b[^.;]{0,12}\b(?:bans?|banned|suspen\w+|terminat\w+|deactivat\w+|disabl\w+|restrict\w*|lock\w*)|\baccount (?:bans?|suspensions?|terminations?|restrictions?|removals?|deactivations?|locks?)\b|\bbann?(?:ed)? from (?:the|our|using)\b|\bban (?:any |the )?(?:users?|members?|players?|accounts?)\b|\bstrikes? (?:against|on) (?:your|the|an) account\b|\bloss of (?:your|the|an?) (?:account|membership)\b/, 2.5, -1, { userActorStance: 2 }),
  // Ending the contract ends the account with it: "we may end this agreement with you at any time". Either party may hold
  // that power, so the cue has no stance of its own (notice, discretion and the like say how it is used).
  rule('account-termination', 'end-agreement', /\b(?:end|ending|ends|terminat\w*|cancel\w*)\b (?:this|these|the|our|your) (?:agreement|contract|relationship|terms)\b/, 2.5, 0),
  // Access ending or refused, or the user put out: "your access will end", "we may refuse service to anyone", "remove you
  // from the community", "your account may be frozen".
  rule('account-termination', 'access-ends', /\b(?:access|accounts?|membership|right to use|licen[cs]e to use)\b[^.;]{0,20}\b(?:will|may|shall|can|would)(?: \w+)? (?:end|cease|expire|lapse|be (?:frozen|put on hold|revoked|withdrawn))\b|\b(?:refuse|deny|denying|refusing|withdraw|withdrawing) (?:you )?(?:service|access)\b|\b(?:kick|throw|expel|exclude|remove)\w* (?:you|users?|members?|people|anyone)\b (?:out|from)\b|\bfreez\w+ (?:your |the |an |any )?accounts?\b|\b(?:put|puts|putting|place|places|placing)\b (?:your |the |an |any )?accounts? on hold\b|\b(?:restrict|limit)\w* (?:your|the user's|a user's|their|any user's) access\b|\b(?:access|accounts?|membership|(?:right|licen[cs]e|authori[sz]ation|permission) to (?:access|use))\b[^.;]{0,30}\b(?:automatically |immediately )?(?:terminates|ends|ceases|expires|is (?:terminated|revoked|suspended))\b/, 3, -1, { userActorStance: 2 }),
  rule('account-termination', 'stop-service', /\b(?:discontinu\w+|(?:stop|cease)(?: \([^).]{0,40}\))? (?:to )?(?:provid|offer|operat)\w*|modify,? suspend|suspend or discontinue|shut (?:down|off)|clos\w+ (?:the |our |this )?(?:services?|app|platform|site|website) down)\b|\b(?:suspend|stop|cease)\b[^.;]{0,15}\b(?:the|a|any|all|our) (?:services?|features?|functionalit\w+)\b/, 3, -1, { userActorStance: 1 }),
  rule('account-termination', 'you-leave', /\byou (?!(?:can|may) not\b)(?:can|may|are free to|have the right to)\b[^.;]{0,30}\b(?:close|cancel|terminate|delete|deactivate|stop using|leave)\b/, 2, 2.5),
  rule('account-termination', 'termination', /\bterminat(?:e|ion|ed)\b|\bsuspension\b|\bbann(?:ed|ing)\b|\bre-?regist\w+|\bnew account\b/, 1.2),

  // content-license
  rule('content-license', 'license', /(?<!\bdriv(?:ing|er'?s) )\b(?:sub-?)?licen[cs](?:e|es|ed|ing|able)\b/, 2.5, -0.5),
  rule('content-license', 'broad-terms', /\b(?:royalty[- ]free|perpetual|irrevocabl[ey]|worldwide|world-wide|sub-?licensable|transferable|fully[- ]paid)\b/, 1.5, -1),
  // A licence granted in other words: "you give us the right to reproduce, distribute and modify it", "you agree to give
  // users the limited right to reproduce and remix that content".
  rule('content-license', 'right-to-reproduce', /\b(?:give|gives|giving|grant|grants|granting|confer|confers)\b[^.;]{0,40}\b(?:the|a|an)? ?(?:(?:limited|non-exclusive|exclusive|worldwide|perpetual|irrevocable|royalty-free|transferable) )*(?:rights?|permission) to (?:use|reproduce|distribute|modify|display|perform|publish|remix|copy|adapt|exploit|view|share|host|store)\b[^.;]{0,60}\b(?:content|posts?|photos|videos|uploads?|submissions?|materials?|works?|it|them)\b|\b(?:give|gives|giving|grant|grants|granting|confer|confers)\b[^.;]{0,40}\b(?:the|a|an)? ?(?:(?:limited|non-exclusive|exclusive|worldwide|perpetual|irrevocable|royalty-free|transferable) )*rights? to (?:use|reproduce|distribute|modify|display|perform|publish|remix|copy|adapt|exploit)\b|\b(?:authori[sz]e|allow|permit)s? (?:us|the company|other users|others|anyone)\b[^.;]{0,10}\bto (?:use|host|store|reproduce|copy|distribute|display|publish|modify|adapt|view and share|share)\b[^.;]{0,40}\b(?:your|user|public) (?:content|posts?|photos|videos|uploads?|submissions?|materials?|works?)\b/, 3, -1),
  rule('content-license', 'rights-granted', /\b(?:reproduce|distribute|publicly (?:display|perform)|derivative works|adapt|publish|translate|modify)\b/, 1.2, -0.5),
  rule('content-license', 'moral-rights', /\bmoral rights\b/, 4, -2, { negatedStance: -2 }),
  rule('content-license', 'feedback', /\b(?:feedback|suggestions?|ideas|submissions)\b/, 1.5, -0.3),
  // What the user sends in (feedback, ideas, unsolicited material) the platform may use as it likes, unpaid: a licence in all but name.
  rule('content-license', 'feedback-use', /\b(?:feedback|suggestions?|ideas|submissions|unsolicited)\b[^.;]{0,200}(?:\bwithout (?:any )?(?:\w+ )?(?:compensation|obligation|restriction|attribution|payment|remuneration)\b|\b(?:not (?:be )?entitled to|not receive|no) (?:any )?(?:compensation|payment|remuneration)\b|\bfree to (?:use|reproduce|disclose|exploit|distribute|publish)\b|\bfreely\b|\bfor any purpose\b|\bnon-?confidential\b)/, 3.5, -1.5),
  rule('content-license', 'grant', /\bgrant\w*\b[^.;]{0,80}\b(?:rights?|licen[cs]es?|permission)\b/, 2, -1.5, { negatedStance: 0 }),
  // A licence confined to running the service ("solely for the purpose of operating and providing the service") takes
  // no more than the service needs: the favourable kind of licence, however broad its other words.
  rule('content-license', 'purpose-limited-license', /\b(?:licen[cs]e[ds]?|grant\w*)\b[^.;]{0,200}\b(?:solely|only|exclusively|limited purposes?)\b(?: (?:for|to|of))?(?: the(?: limited)? purposes? of| the extent (?:necessary|needed|required) (?:for|to))?\b[^.;]{0,20}\b(?:operat|provid|display|run|host|deliver|improv|promot|perform)\w*/, 1, 2),
  rule('content-license', 'any-media', /\b(?:any (?:and all )?media|now known or (?:hereafter|later)|any form,? format)\b/, 2, -1),
  rule('content-license', 'free-license', /\bcreative commons\b|\bcc[- ]by\b|\bopen[- ]source\b|\b(?:gnu|gpl|mit|apache) (?:license|licence)\b|\bfree (?:software )?licen[cs]e\b/, 2.5, 1.5),
  // A licence granted to the user to use the service is not a licence over the user's content; its scope ("personal,
  // non-commercial use") is an eligibility rule.
  rule('content-license', 'license-to-user', /\b(?:grants?|granted|gives?|provides?)\b[^.;]{0,15}\b(?:to )?(?:you|users?|the user|members?)\b[^.;]{0,60}\blicen[cs]e\b|\b(?:grants?|gives?|provides?) (?:to )?you\b[^.;]{0,120}\b(?:licen[cs]e|right to (?:access|use))\b|\blicen[cs]e(?:d)? to (?:you|the user|users)\b|\byour (?:limited |personal )?licen[cs]e to (?:access|use)\b/, -5, 0.5),
  rule('content-license', 'your-content', /\b(?:your|user|member|customer) (?:content|submissions?|materials?|posts?|contributions?|uploads?)\b|\bcontent (?:you|that you) (?:post|submit|upload|provide)\b/, 1.5),

  // content-ownership
  rule('content-ownership', 'you-own', /\b(?:you|users?|customers?|members?|authors?)\b[^.;]{0,30}\b(?:own|owns|retain\w*|keep|maintain|remain the owner|hold)\b[^.;]{0,40}\b(?:ownership|rights?|title|intellectual property|copyrights?)\b/, 3.5, 2),
  rule('content-ownership', 'ownership', /(?<!\b(?:change|transfer) (?:of|in) )\bownership\b|\bowner of\b|\bwho owns (?:the |your |any |all )?(?:content|posts?|photos|videos|uploads?|works?|materials?|submissions?|data|outputs?|ideas|designs|files)\b|\b(?:is|are|remains?) (?:your|the user's) (?:property|own)\b/, 2, 0.5),
  // Ownership stated without the word: "your content belongs to you", "the customer will own all customer data", and the
  // same in French ("propriété du client").
  rule('content-ownership', 'belongs-to-user', /\bbelongs? to (?:you|the user|users|the customer|customers|its (?:author|creator|owner))\b|\b(?:you|the user|users|(?:the )?customers?|members?)\b (?:will |shall |continue to |still )?own (?:all |any )?(?:of )?(?:your |their |the |its )?(?:customer |user )?(?:content|data|materials?|works?|posts?|uploads?|submissions?|files|outputs?|inputs?|creations|it|them)\b|\bpropri[ée]t[ée] (?:du client|de l'utilisateur|des utilisateurs|de l'auteur)\b|\b(?:rights?|ownership|title|copyrights?)\b[^.;]{0,40}\b(?:remains?|stays?) (?:with (?:you|the user|users|the customer|its (?:author|creator|owner))|yours)\b|\b(?:content|posts?|photos|videos|uploads?|works?|materials?|files|data)\b (?:remains?|stays?|is still|are still|will (?:remain|stay|always be)) (?:yours|your own|your property)\b/, 3, 2),
  rule('content-ownership', 'claim-ownership', /\bclaim\w*\b[^.;]{0,20}\b(?:any )?(?:ownership|rights? (?:in|to|over))\b/, 3, -1.5),
  // The platform, not the user, named the owner of what users post: "the company owns all content you post". The user as
  // owner ("you own the content you post") is 'belongs-to-user'.
  rule('content-ownership', 'platform-owns', /(?<!\b(?:you|users?|customers?|members?|authors?|creators?)\b(?: \w+){0,2} )\bowns? (?:all |any |the )*(?:rights? (?:in|to) )?(?:the )?(?:content|materials?|posts?|submissions?|uploads?|works?|photos|videos|anything|everything|whatever) (?:that )?(?:you|users?|members?|customers?) (?:post|submit|upload|create|share|provide|publish|store|save)\w*/, 3.5, -2),
  rule('content-ownership', 'become-property', /\bbecomes? (?:the )?(?:sole |exclusive )?property of\b|\bassign\w*\b[^.;]{0,30}\b(?:all )?(?:right,? title|ownership)\b/, 2.5, -2),
  // The user's rights in their work passed to the platform: "transfers the copyright in your work to us".
  rule('content-ownership', 'transfer-rights', /\b(?:transfer|assign|cede)\w*\b[^.;]{0,20}\b(?:the |your |all |any )*(?:copyrights?|ownership|intellectual property rights?)\b[^.;]{0,40}\bto (?:us|the company|the platform|the service|the provider)\b/, 3, -2),

  // content-moderation
  rule('content-moderation', 'remove-content', /\b(?:remov\w+|delet\w+|edit\w*|refus\w+|reject\w*|block\w*|screen\w*|moderat\w+|censor\w*|take down|taken down|disabl\w+|hid(?:e|ing)|filter\w*|declin\w+ to (?:publish|post|display|host|show))\b[^.;]{0,60}\b(?:content|posts?|materials?|submissions?|messages|videos|comments|communications|images|uploads|reviews?|listings?|articles?)\b/, 3, -1, { userActorStance: 1 }),
  // Access to content restricted rather than the content removed: "restrict access to content that is not suitable for minors".
  rule('content-moderation', 'restrict-content', /\brestrict\w* (?:access to|the (?:visibility|availability) of) (?:\w+ ){0,2}(?:content|posts?|videos|images|materials?|listings?|uploads|comments)\b/, 3, -1),
  // The passive of the same, content first: "posts that break these rules will be taken down".
  rule('content-moderation', 'content-removed', /\b(?:content|posts?|materials?|submissions?|videos|comments|images|uploads|listings?|reviews?|photos)\b[^.;]{0,60}\b(?:be|is|are|was|were|been|being|get|gets|got)\b (?:\w+ )?(?:removed|taken down|hidden|blocked|restricted|demoted|labell?ed|filtered|made unavailable|age-restricted)\b/, 3, -1),
  // Less reach instead of removal: "limit its visibility", "reduced distribution", "demote".
  // A name the user chose, refused or changed: "we may reject or change any username" (an inactive one reclaimed is the account's end).
  rule('content-moderation', 'username', /\b(?:reject|refus|chang|remov|renam|disallow|edit)\w*\b[^.;]{0,30}\b(?:usernames?|user names?|display names?|screen names?|handles)\b|\b(?:usernames?|user names?|display names?|screen names?|handles)\b[^.;]{0,40}\bbe (?:rejected|changed|removed|renamed|refused)\b/, 3.5, -1),
  rule('content-moderation', 'reduce-reach', /\b(?:limit\w*|reduc\w+|restrict\w*|lower\w*)\b[^.;]{0,30}\b(?:visibility|reach|distribution|discoverability)\b|\bdemot(?:e|es|ed|ing|ion)\b|\bdown-?rank\w*/, 3, -1),
  rule('content-moderation', 'reported', /\b(?:report(?:ed|ing)?|flag(?:ged|ging)?) (?:(?:these|this|such|any|the) )?(?:content|posts?|videos|comments|accounts?|violations?|abuse|behaviou?rs?|conduct|users?|members?|profiles?)\b|\bblock(?:ing)? (?:anyone|someone|other (?:users|members)|users?|members?|accounts?|profiles?)\b|\b(?:content|posts?|videos|comments|messages) (?:that (?:is|are|have been|has been) |you )?(?:report(?:ed)?|flagged)\b/, 2, 0),
  rule('content-moderation', 'moderation', /\bmoderat\w+|\bcensor\w*|\bappeal\w*\b|\bcounter-?notices?\b|\bcontent decisions?\b/, 2, -0.3),
  // Acting on a breach of the platform's rules: "we may take enforcement action against accounts that violate them". Enforcing
  // rules already published takes nothing new from the user: no stance of its own.
  rule('content-moderation', 'enforcement', /\benforcement (?:actions?|measures?|decisions?)\b|\b(?:enforce|enforcing|enforced)\b (?:\w+ )?(?:community )?(?:guidelines|rules|standards|content polic(?:y|ies))\b/, 2.5, 0),
  rule('content-moderation', 'no-obligation', /\b(?:no|any) (?:obligation|duty) to (?:monitor|review|post|screen|moderate)\b|\bnot (?:obliged|obligated|required|under (?:any )?(?:obligation|duty)) to (?:monitor|review|screen|pre-?screen|moderate)\b|\bright (?:but not the obligation )?to (?:monitor|review|remove|refuse)\b/, 2, -1),

  // ip-infringement
  rule('ip-infringement', 'dmca', /\bdmca\b|\bdigital millennium\b|\bcopyright (?:designated )?(?:agent|infringement|claims?|complaints?)\b|\bdesignated agent\b|\bcounter[- ]?notices?\b|\bcounter[- ]?notifications?\b|\bnotices? of (?:claimed )?infringement\b|\binfring\w+\b|\brepeat infringers?\b|\b(?:trademark|intellectual property|ip) (?:infringements?|violations?|claims?|complaints?|disputes?)\b|\bcopyrighted (?:works?|materials?)\b|\bcopyright polic(?:y|ies)\b|\bnotice[- ]and[- ]take-?down\b|\btake-?down (?:notices?|requests?|procedures?)\b|\b(?:rights?[- ]?holders?|copyright (?:owners?|holders?))\b/, 2.5),

  // acceptable-use
  rule('acceptable-use', 'prohibited', /\byou (?:agree|shall|will|must|may) not\b(?! be (?:able|bound|charged|liable|responsible|required|eligible|entitled)\b)|\bagree not to\b|\bprohibit\w*\b|\bnot (?:permitted|allowed)\b|\bmust not\b|\bforbidden\b|\brefrain from\b|\b(?:users?|members?|participants?|players?|customers?) (?:may|shall|will|can) not\b(?! be (?:able|bound|charged|liable|responsible|required|eligible|entitled)\b)/, 2, -0.3),
  rule('acceptable-use', 'bad-content', /\b(?:illegal|unlawful|harass\w*|threaten\w*|defamat\w+|libel\w*|slander\w*|obscen\w+|pornograph\w*|sexually explicit|hateful|hate speech|abusive|violen\w+|extremis\w+|terroris\w+|racist|offensive|infringing|deceptive|phishing)\b/, 2),
  // Using the service to break the law (as opposed to which country's law governs the contract).
  rule('acceptable-use', 'break-law', /\b(?:violat\w*|break\w*|contraven\w+)\b[^.;]{0,15}\b(?:any|all|the)? ?(?:applicable |local |national |international )*(?:laws?|regulations?|legislation)\b|\b(?:unlawful|illegal|lawful) (?:purposes?|activit\w+|manner)\b/, 2.5, -0.3),
  // The user's duty to keep to the law in using the service ("you agree to comply with all applicable laws"): a rule of
  // conduct, not the choice of which law governs the contract.
  rule('acceptable-use', 'obey-law', /\byou\b[^.;]{0,30}\b(?:comply|abide|obey)\w*\b[^.;]{0,70}\b(?:laws?|regulations|legislation|statutes)\b/, 2.5, -0.3),
  // The user (or anyone scraping the service) barred from training models on what the service holds or outputs: a rule
  // of conduct, not the platform training on the user's data (clause.classifier.ts drops the AI-training cues inside it).
  // A clause naming the user's own content or an opt-out ("you may not opt out of our use of your posts to train
  // models") is left to the AI-training rules.
  rule('acceptable-use', 'others-train', /(?:\byou (?:may|must|shall|will|can|should) (?:not|never)|\byou (?:can't|cannot|won't|mustn't|shouldn't)|\bagree not to|\b(?:is|are) (?:not (?:permitted|allowed)|prohibited|forbidden)|\b(?:you|users?|anyone|third part(?:y|ies)|no one|by)\s+(?:\w+\s+){0,2}(?:scrap\w*|crawl\w*|harvest\w*|(?:using|use|uses|employing) (?:any )?(?:automated|robots?|bots?|spiders?|scrapers?|crawlers?)))\b[^.;]{0,160}\b(?:train\w*|fine-?tun\w*|develop\w*|build\w*|creat\w*|improv\w+)\b[^.;]{0,80}\b(?:models?|artificial intelligence|machine learning|ai|llms?|neural networks?)\b/, 2.5, -0.3),
  // Accounts traded as goods: "no selling, renting or sharing of accounts", "do not buy or sell user accounts".
  rule('acceptable-use', 'account-trading', /\b(?:sell|selling|rent|renting|lend|lending|buy|buying|trade|trading)\b[^.;]{0,30}\b(?:your |user |an? |the |other )?(?:accounts?|logins?|login credentials)\b/, 2.5, -0.3),
  // Faked presence or popularity: "fake accounts", "inflating likes and followers", "misuse of the service".
  rule('acceptable-use', 'inauthentic', /\bfake (?:accounts?|profiles?|reviews?|likes|followers|engagement|identit\w+)\b|\b(?:inflat|manipulat|buy|buying|sell|selling)\w*\b[^.;]{0,30}\b(?:likes|followers|views|ratings|reviews|votes|engagement)\b|\bmisus(?:e|es|ing) (?:of )?(?:the|our) (?:services?|platform|site|app|features?)\b/, 2.5, -0.3),
  rule('acceptable-use', 'spam', /\bspam\w*\b|\bchain letters?\b|\bjunk (?:e-?)?mail\b|\bunsolicited\b|\bpyramid schemes?\b/, 2.5),
  rule('acceptable-use', 'automation', /\bscrap\w+\b|\bspider\w*\b|\bcrawl\w*\b|\brobots?\b|\bbots?\b|\bautomated (?:means|systems?|scripts?)\b|\bdata mining\b/, 2.5),
  rule('acceptable-use', 'abuse', /\bhack\w*\b|\bcrack\w*\b|\bprob(?:e|ing)\b|\bvulnerabilit\w+\b|\bviruses\b|\bmalware\b|\bmalicious\b|\binterfere\w*\b|\bdisrupt\w*\b|\bunauthori[sz]ed access to\b|\bimpersonat\w+\b|\breverse[- ]engineer\w*\b|\bdenial[- ]of[- ]service\b|\boverload\w*\b|\bcircumvent\w*\b/, 2),
  rule('acceptable-use', 'conduct', /\bcommunity (?:guidelines|standards|rules)\b|\bcode of conduct\b|\bacceptable use\b|\brespect (?:the )?(?:privacy|rights|dignity) of (?:others|other (?:users|members|people))\b|(?<!\b(?:to|we|may|will|also|or|and|who|that|which|not|never) )\bconduct\b(?! (?:research|studies|surveys|analys[ie]s|audits?|tests?|experiments?|business|transactions?|investigations?)\b)|\bpolitical\b|\breligio\w+\b/, 1.5),

  // dispute-resolution
  // Arbitration in its group form ("class arbitration", "arbitrate on a class basis") is the class waiver's cue below: read as
  // arbitration, "we do not permit class arbitration" would be arbitration negated, a favourable reading of a waiver.
  rule('dispute-resolution', 'arbitration', /(?<!\b(?:class|collective|representative|class-wide|consolidated),? )\barbitrat\w+\b(?! (?:\w+ ){0,3}(?:on|in) an? (?:class|collective|representative|class-wide|consolidated)\b)/, 4, -1.5),
  // Ruling a class action out ("you may not join a class action", "claims will not be consolidated") is the waiver itself:
  // the negated cue is as unfavourable as the plain one.
  // The group forms are often listed together: "on a class, collective or representative basis".
  rule('dispute-resolution', 'class-action', /\bclass[- ]actions?\b|\bclass (?:arbitrations?|proceedings?|wide)\b|\b(?:on|in) an? (?:class|collective|representative|class-wide|consolidated) (?:basis|capacity)\b|\brepresentative (?:action|proceeding)s?\b|\bcollective action\b|\bconsolidated\b|\bnot (?:as (?:part|a member) of (?:a|any) (?:group|class)|collectively)\b|\b(?:class|collective|representative)(?:,? (?:or |and )?(?:class|collective|representative))+ (?:arbitrations?|actions?|proceedings?|claims?|basis|capacity)\b/, 3.5, -2, { negatedStance: -2 }),
  // A way out of arbitration given to the user: the clause's own cue in their favour.
  rule('dispute-resolution', 'arbitration-opt-out', /\bopt[- ]?out (?:of|from) (?:this |the |our |these )?(?:arbitration|agreement to arbitrate|class action waiver)\b/, 1, 2),
  rule('dispute-resolution', 'jury', /\bjury\b/, 2.5, -1.5),
  rule('dispute-resolution', 'time-limit', /\bcause of action\b|\btime[- ]barred\b|\b(?:forever|permanently) barred\b|\b(?:claim|action)s?\b[^.;]{0,80}\bwithin (?:one|two|1|2|six|\w+) (?:\(\d+\) )?(?:years?|months?)\b|\bstatute of limitations?\b|\b(?:more than|after|beyond) (?:\w+ )?(?:\(\d+\) )?(?:years?|months?) (?:after|from)\b[^.;]{0,60}\b(?:claim|cause of action|dispute)\b|\b(?:claim|cause of action)s? (?:first )?(?:arises|arose|accrues|accrued)\b|\b(?:claim|cause of action)s? (?:is|are|shall be|will be) (?:permanently |forever )?(?:waived|barred)\b/, 3, -1.5),
  // Every dispute sent to the process, not some: "all disputes arising out of or relating to these terms".
  rule('dispute-resolution', 'all-disputes', /\b(?:all|any)(?: and all)? (?:disputes?|claims?|controvers(?:y|ies))\b/, 1, -1),
  // Ways of settling a dispute before or instead of a full court case: informal resolution first, small claims.
  rule('dispute-resolution', 'resolve-disputes', /\b(?:resolv|settl)\w*\b (?:the |any |a |this |such )?(?:disputes?|complaints?|claims?)\b[^.;]{0,20}\b(?:informally|amicably|out of court)\b|\b(?:informal(?:ly)?|amicabl[ey]) (?:resolution|negotiation|resolve|settle)\w*\b|\bsmall claims court\b/, 3, 0),
  rule('dispute-resolution', 'disputes', /\bdisputes?\b|\bsmall claims\b|\bmediation\b|\bbinding\b/, 1.2, -0.3),

  // governing-law
  rule('governing-law', 'governed-by', /\bgovern(?:ed|ing)\b[^.;]{0,40}\blaws?\b|\blaws? (?:governs?|shall govern|will govern)\b|\bgoverning law\b|\bapplicable law\b[^.;]{0,30}\bis\b/, 3.5),
  rule('governing-law', 'courts', /\bjurisdictions?\b|\bvenue\b|\bcourts? (?:of|in|located|sitting)\b|\b(?:federal|state) courts?\b|\bsubmit to\b|\bconflicts? of laws?\b|\blaws of (?:the )?(?:state|country|province|republic|kingdom|federal)/, 3),
  rule('governing-law', 'law-of', /\b(?:subject to|under|in accordance with|construed (?:in accordance with|under)|pursuant to) (?:the )?(?:laws?|legislation) of\b|\b(?:english|british|swiss|german|french|dutch|irish|californian?|delaware|finnish|swedish|austrian|norwegian|danish|belgian|canadian|australian|japanese|indian|(?:new york|texas|washington) state) law\b/, 3),
  // The user's own law or courts, as consumer terms often grant them: "the law of your country of residence applies".
  // Only where it governs the terms or hears the dispute: "the age of majority under the laws of your state" governs nothing.
  rule('governing-law', 'your-law', /\b(?:the )?laws? (?:of|in) (?:your (?:country|state)(?: of (?:habitual )?(?:residence|domicile))?|the (?:country|state) (?:where|in which) you (?:live|reside)) (?:appl(?:y|ies)|will apply|govern\w*)\b|\b(?:mandatory|consumer protection) (?:\w+ ){0,2}(?:laws?|provisions|rules) of (?:the )?(?:laws? of )?(?:your country|the (?:country|state) (?:where|in which) you (?:live|reside))\b|\bcourts? (?:of|in) (?:your country|the (?:country|place) where you live)\b/, 3, 2),
  // The venue named by where claims go: "claims must be filed in the courts of Santa Clara County".
  rule('governing-law', 'filed-in', /\b(?:filed|brought|heard|litigated|commenced|resolved|adjudicated) (?:exclusively |only |solely )?(?:in|before) (?:the )?(?:[\w.-]+ ){0,4}(?:county|courts?|district|tribunals?)\b/, 3),
  rule('governing-law', 'seat', /\b(?:based|headquartered|headquarters|incorporated|registered|established|domiciled)\b[^.;]{0,30}\b(?:in|from)\b/, 1.5),
  rule('governing-law', 'comply-laws', /\bcomply with (?:all )?(?:applicable |the )?(?:local,? |state,? |national,? |federal,? |international,? )*(?:laws|law|regulations)\b|\blaws of\b/, 1.2),

  // liability
  rule('liability', 'as-is', /(?<!\blong )\bas[- ]is\b(?! (?:necessary|needed|required|reasonabl\w*|practicable|possible|appropriate|permitted|strictly))|\bas[- ]available\b|\bwith all faults\b/, 4, -2),
  rule('liability', 'warranty', /\bwarrant(?:y|ies|s|ed)?\b|\brepresent(?:s|ations?)? (?:or|and) warrant|\bmerchantability\b|\bfitness for a particular purpose\b|\bnon-?infringement\b/, 2.5, -1, { negatedStance: -1.5 }),
  rule('liability', 'liable', /\bliab(?:le|ility|ilities)\b/, 2.5, -1, { negatedStance: -1.5 }),
  rule('liability', 'responsible', /\bresponsib(?:le|ility)\b/, 1.2, 0, { negatedStance: -1.5 }),
  rule('liability', 'guarantee', /\bguarant\w+\b|\bpromise\b/, 1.5, 1, { negatedStance: -1.5 }),
  rule('liability', 'own-risk', /\b(?:at|is) (?:your|their|the user's) (?:own |sole )+risk\b|\bsole risk\b/, 4, -2),
  rule('liability', 'damages', /\b(?:damages?|loss(?:es)?|harm)\b|\berrors? (?:or|and) omissions?\b|\bconsequential\b|\bincidental\b|\bpunitive\b/, 1.5, -0.8, { negatedStance: -0.8 }),
  rule('liability', 'quality', /\buninterrupted\b|\berror[- ]free\b|\btimely\b|\b(?:accuracy|reliability|completeness|availability|accurate|reliable|complete|up-to-date)\b|\bexpectations\b|\brequirements\b|\bquality\b/, 1, 0, { negatedStance: -1 }),
  rule('liability', 'cap', /\b(?:exceed|limited to|cap\w*|maximum)\b[^.;]{0,80}\b(?:fees|amounts?|paid|\$|dollars|usd|eur|euros?)\b/, 3, -1.5, { negatedStance: -1.5 }),
  rule('liability', 'endorse', /\bendors\w+\b|\bcondon\w+\b|\bviews expressed\b|\bopinions? expressed\b/, 2, -0.5),
  rule('liability', 'no-control', /\bno control over\b|\b(?:not|no) (?:be )?(?:responsib\w+|liab\w+)\b[^.;]{0,15}\b(?:for|regarding)\b|\bassumes? no (?:responsibility|liability)\b|\b(?:not|never|no one)\b (?:be )?(?:held )?accountable\b/, 2.5, -1, { negatedStance: -1 }),
  // The object of a warranty disclaimer ("... that errors will be corrected", "... will meet your needs").
  rule('liability', 'warranted-outcome', /\berrors?\b[^.;]{0,40}\bcorrected\b|\b(?:operational|error[- ]free|uninterrupted|secure|timely|reliable)\b[^.;]{0,40}\b(?:or|and)\b[^.;]{0,20}\b(?:safe|secure|error[- ]free|free of (?:viruses|harmful components)|available)\b|\bmeet your (?:needs|requirements|expectations)\b/, 2.5, -1.5, { negatedStance: -1.5 }),
  // Disclaiming responsibility for linked or third-party sites is a limit of liability, whoever runs those sites.
  rule('liability', 'linked-content', /\b(?:not|no|any|without)\b[^.;]{0,30}\b(?:responsib\w+|liab\w+|endorse\w*|control|verify|warrant\w*)\b[^.;]{0,80}\b(?:third[- ]party|linked|other|external|outside)\b[^.;]{0,20}\b(?:sites?|websites?|web sites?|content|services|resources|materials)\b/, 4, -1, { negatedStance: -1 }),
  // A disclaimer's scope word: "not liable for any damages, whether direct or indirect" excludes more than "indirect
  // damages". Only a disclaimer (the negated cue) is narrowed or widened by it: "we are liable for any damages" is no loss.
  rule(null, 'all-damages', /\b(?:any|all)(?: kinds? of| types? of)? (?:damages?|loss(?:es)?)\b|\b(?:direct or indirect|direct and indirect|of any kind)\b/, 0, 0, { negatedStance: -1.5 }),
  rule('liability', 'disclaim', /\bdisclaim\w*\b|\bno (?:representations?|warranties)\b|\bimplied (?:terms|warranties|conditions|guarantees)\b|\bexclusions? (?:or limitations? )?of (?:implied|certain|liability|damages|warranties)\b/, 2.5, -1.5),

  // indemnification
  rule('indemnification', 'indemnify', /\bindemni(?!té)\w+\b|\bhold\b[^.;]{0,50}\bharmless\b/, 5, -2),
  // The user made to bear the platform's losses in other words: "compensate us for any losses", "cover our costs".
  rule('indemnification', 'cover-losses', /\b(?:compensate|reimburse|repay) us\b[^.;]{0,20}\bfor\b|\bcover (?:our|its|the company's) (?:costs|losses|expenses|legal fees)\b|\b(?:protect|shield) (?:us|the company)\b[^.;]{0,20}\b(?:from|against)\b[^.;]{0,30}\b(?:claims?|lawsuits?|losses|liabilit\w+|demands)\b|\b(?:liable|responsible) to us\b[^.;]{0,30}\b(?:claims?|losses|damages|costs)\b|\b(?:losses|damages|costs|expenses|liabilities|fines|penalties)\b[^.;]{0,30}\b(?:we|the company) (?:incur|incurs|suffer|suffers|sustain|sustains|face|faces)\b[^.;]{0,40}\b(?:result|because|due|aris\w+|breach|violat\w+|your|lawsuits?|claims?)\b/, 3.5, -1.5),
  rule('indemnification', 'defend', /\b(?:defend|reimburse)\b[^.;]{0,60}\b(?:claims?|losses|costs|expenses|fees)\b|\battorneys?'? fees\b|\blegal fees\b/, 1.5, -1),

  // policy-changes
  // The terms as the object of the change, not as the standard something else is measured by ("modify outputs when
  // inputs violate our Usage Policy").
  rule('policy-changes', 'change-terms', /\b(?:chang\w+|modif\w+|amend\w*|updat\w+|revis\w+|alter\w*)\b(?:(?!\b(?:violat|breach|under|pursuant|accordance|consistent|compl|according)\w*)[^.;]){0,60}\b(?:terms|polic(?:y|ies)|agreement|statement|(?<!\b(?:days?'?|prior|advance|reasonable|written|without|with|further|any|of|give|giving) )notice|conditions|tos)\b|^\s*(?:\d+[.)]?\s*)?(?:amendments?|modifications?)\s*$/, 3, -0.5),
  rule('policy-changes', 'terms-change', /\b(?:terms|polic(?:y|ies)|agreement|statement|conditions)\b[^.;]{0,50}\b(?:may|will|can|might)\b[^.;]{0,20}\b(?:be )?(?:chang|modif|amend|updat|revis)\w*|\b(?:terms|polic(?:y|ies)|agreement|statement|conditions)\b[^.;]{0,50}\bsubject to (?:\w+ )?(?:changes?|revisions?|modifications?|amendments?|updates?)\b/, 3, -0.5),
  rule('policy-changes', 'last-updated', /\b(?:last|most recently) (?:updated|modified|revised|changed|amended)\b|\beffective (?:date|as of|from)\b|\bdate of (?:the )?last\b|\bversion date\b|\b(?:updated|revised|effective):|\b(?:updated|dated|revised|effective|into effect|version)\b[^.;]{0,12}\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\b(?:updated|dated|revised|effective|into effect|version)\b[^.;]{0,12}\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\b(?:updated|dated|effective)\b[^.;]{0,12}\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/, 3.5, 0.3),
  // Notice of a change without naming the document: "if we make changes, we will let you know before they take effect".
  rule('policy-changes', 'changes-notice', /\b(?:changes?|modifications?|revisions?|updates?)\b[^.;]{0,40}\b(?:we(?: will| shall|'ll)|you will be)\b[^.;]{0,20}\b(?:notify|notified|inform|informed|let you know|tell you|told|email you|alert)|\b(?:changes?|modifications?|revisions?|amendments?)\b[^.;]{0,40}\b(?:take|takes|come|comes|go|goes) (?:into )?effect\b/, 2.5, 1),
  // Publishing the new text: "we will post any revisions on this page", "update the date at the top". A page the user must
  // come back to read tells them nothing by itself: no stance.
  rule('policy-changes', 'post-changes', /\b(?:post|publish|display)\w*\b[^.;]{0,20}\b(?:revisions?|changes|updates|modifications|amendments|revised|updated|amended|new version)\b|\bupdat\w+ the (?:["“]?(?:last updated|effective)["”]? )?date\b/, 2.5, 0),
  // The user left to look for changes themselves: "check this page for updates".
  rule('policy-changes', 'check-for-changes', /\b(?:check|review|consult|visit|monitor)\w*\b[^.;]{0,30}\bfor (?:any )?(?:changes|updates|revisions|modifications|amendments)\b|\b(?:take note of|be aware of|keep (?:yourself )?informed (?:of|about)|stay informed (?:of|about))\b[^.;]{0,20}\b(?:changes|updates|revisions|modifications|amendments)\b|\b(?:review|check|consult|read|visit|revisit)\w*\b (?:this|the|these|our) (?:privacy )?(?:policy|notice|statement|terms|page)\b[^.;]{0,30}\b(?:periodically|regularly|frequently|from time to time|whenever you (?:access|use|visit))\b/, 2.5, -0.5),
  // A change binding from its publication gives no time before it applies: "changes are effective immediately upon posting".
  rule('policy-changes', 'effective-on-posting', /\b(?:take|takes|taking|come|comes|go|goes) (?:into )?effect (?:immediately |right away )?(?:as soon as|once|when|upon|on|after) (?:we |they are |it is |the company )?(?:post|publish)\w*\b|\b(?:effective|binding|apply|applies|in effect|in force)\b (?:immediately )?(?:upon|on|after|from|as of)\b (?:the (?:date|time) of )?(?:their |its |the )?(?:posting|publication|being (?:posted|published))\b|\b(?:effective|binding|apply|applies|in effect|in force)\b (?:immediately )?(?:from|on|as of) the (?:date|day|moment|time) (?:it is|they are|it was|they were|we) (?:posted|published|post|publish)\b/, 3, -1),
  // The user's only answer to a change they reject: "if you do not agree with the changes, stop using the service".
  rule('policy-changes', 'reject-changes', /\b(?:do not|don't|does not|doesn't)\b (?:\w+ )?(?:agree|accept|consent)\w*\b[^.;]{0,30}\b(?:changes?|modifications?|amendments?|(?:new|updated|revised|modified|amended) (?:terms|version|polic(?:y|ies)|agreement))\b/, 3, -1),
  rule('policy-changes', 'continued-use', /\bcontinu\w+ (?:to )?(?:use|access)\w*\b|\bkeep (?:on )?(?:using|accessing)\b|\bcontinued use\b|\bconstitutes? (?:your )?acceptance\b|\bdeemed (?:to have )?accept\w*\b/, 2, -1.5),
  rule('policy-changes', 'review-periodically', /\b(?:review|check|visit|revisit)\w*\b[^.;]{0,40}\b(?:periodically|regularly|from time to time|frequently|whenever you (?:access|use|visit))\b|\bperiodically\b|\bfrom time to time\b/, 1.5, -0.5),
  rule('policy-changes', 'notify-changes', /\b(?:notify|inform|notice|alert)\w*\b[^.;]{0,60}\b(?:changes?|modifications?|updates?|revisions?)\b|\b(?:material|significant|substantial) changes?\b/, 2, 1.5),
  // Earlier versions kept for the reader to compare: in the user's favour. A "new version of the terms" named is only
  // the subject, neither way.
  rule('policy-changes', 'archive', /\b(?:previous|prior|earlier|older|archived?|past) (?:versions?|terms|polic(?:y|ies)|agreements?)\b|\bchange ?log\b|\bversion history\b/, 2.5, 1.5),
  rule('policy-changes', 'new-version', /(?<!\b(?:accept|agree to|be bound by|are bound by|consent to)(?: the)? )\bnew (?:version of (?:the|these|this|our) )?(?:agreements?|terms|polic(?:y|ies))\b/, 2.5),

  // payment
  // A refund is a remedy for the user; refusing one ("non-refundable", "no refunds", "we do not offer refunds") takes it away.
  rule('payment', 'refund', /\brefund\w*\b(?<!non-?refundable)/, 3, 0.5, { negatedStance: -1.5 }),
  rule('payment', 'no-refund', /\bnon-?refundable\b|\bno (?:refunds?|money back)\b|\bnot (?:be )?(?:eligible|entitled) (?:for|to) (?:a )?refund|\b(?:do|does|will|shall) not (?:offer|give|provide|issue|grant) (?:any )?refunds?\b/, 3, -1.5),
  // A charge on top of the price: one added is a burden, one removed a relief.
  rule('payment', 'surcharge', /\bsurcharges?\b|\b(?:additional|extra|late|processing|handling|cancellation|convenience|transaction) (?:fees?|charges?)\b/, 2, -1),
  rule('payment', 'billing', /\b(?:fees?|pric(?:e|es|ing)|billing|billed|payments?|paid|invoices?|purchases?|subscriptions?|auto-?renew\w*|renewal|recurring|credit cards?|charges?|charged|taxes|debit(?:ed|s)?|direct debits?)\b/, 1.5),
  // Currency and goods sold inside the service: "virtual currency has no cash value".
  rule('payment', 'virtual-currency', /\bvirtual (?:currenc\w+|coins?|goods|items)\b|\bin-(?:app|game) (?:currenc\w+|purchases?|coins?)\b|\bno (?:cash|monetary|real[- ]world) value\b/, 3),
  // A subscription that renews and charges again unless the user acts: the user carries the duty to cancel in time (a
  // stance cue: the billing words name the type).
  rule(null, 'auto-renewal', /\bauto-?renew\w*|\brenew\w* automatically\b|\bautomatic(?:ally)? renew\w*|\b(?:recurring|automatic) (?:billing|payments?|charges?)\b/, 0, -1),
  // Usage limits of a plan, not a sanction listed with suspension ("we may throttle or suspend your account").
  rule('payment', 'throttle', /\bthrottl\w+\b(?![^.;]{0,20}\b(?:suspend|terminat|ban|block|disabl)\w*)|\brate[- ]limit\w*\b|\busage limits?\b/, 2, -1),

  // third-party-services
  rule('third-party-services', 'external', /\b(?:links?|linked)\b[^.;]{0,40}\b(?:third[- ]party|other|external|outside)\b[^.;]{0,20}\b(?:sites?|websites?|services?|resources)\b|\b(?:links?|linked)\b[^.;]{0,20}\b(?:sites?|websites?|services?|apps?) (?:operated|run|owned|controlled|maintained) by (?:others|third parties|other (?:companies|organi[sz]ations|people))\b|\b(?:services?|sites?|websites?|apps?|pages) (?:that )?(?:we|the company) (?:do not|don't|does not) (?:run|operate|own|control)\b/, 2.5, -0.3),
  // Other sites named without a link to them ("how you were referred from other websites", "videos from other sites") are
  // where something comes from or goes on, weaker evidence that the clause is about another service's terms.
  rule('third-party-services', 'other-sites', /\b(?:third[- ]party|external|other) (?:web ?)?sites?\b/, 1, -0.3, { once: true }),
  rule('third-party-services', 'their-policy', /\bgoverned by (?:their|its|the) (?:own |respective )?(?:privacy )?(?:polic\w+|terms)\b|\b(?:their|(?:its|the) respective) (?:own |respective |relevant )?(?:privacy (?:polic\w+|statements?|notices?|practices)|terms(?: of (?:service|use))?|tos|conditions of (?:sale|use|service)|cookie polic\w+|acceptable use polic\w+)\b|\bits own (?:privacy (?:polic\w+|notice)|terms(?: of (?:service|use))?)\b|\b(?:those|such|these) (?:services|sites|websites|apps|parties|providers|companies)'? (?:own )?(?:terms|privacy polic\w+)\b|\b(?:subject to|governed by) (?:the )?(?:terms|polic(?:y|ies))(?: of (?:service|use))? of (?:those|such|these|that|the) (?:services?|sites?|websites?|third part(?:y|ies)|providers?|apps?|platforms?)\b|\b(?:that|the|such|this|each) (?:provider|third party|service|site|website|app|platform|partner|developer|publisher|seller|merchant|operator)'s (?:own )?(?:terms|privacy polic\w+)\b|\bwhose (?:own )?(?:terms|privacy polic\w+)\b|\bprivacy polic(?:y|ies) of (?:any|other|those|such|these|the) (?:other )?(?:sites?|websites?|apps?|third part\w+)\b/, 3.5, -0.3),
  // The user's use of services run by others, or their heading: "your use of third-party services", "if you connect
  // third-party apps" (not the service providers that process data for the platform).
  rule('third-party-services', 'third-party-service', /\b(?:use of|using|use|connect\w*|link\w*|access\w*|integrat\w*|enabl\w*|install\w*|interact\w*)\b (?:any |such |these |those )?third[- ]party (?:services|apps?|applications|integrations?|products|platforms?|plug-?ins?)\b(?! providers?\b)|^\s*(?:\d+[.)]?\s*)?third[- ]party (?:services|apps|applications|integrations|products|content|links|websites|sites)\s*$/, 2.5, -0.3),
  rule('third-party-services', 'more-info', /\brefer to\b|\bfor (?:more|further|additional) (?:information|details)\b|\b(?:find out|learn|read) more\b|\bplease (?:see|visit|check|read|review)\b|\bhttps?:\/\/|\bwww\./, 1.5),

  // other
  rule('other', 'boilerplate', /\bseverab\w+\b|\bentire agreement\b|\bforce majeure\b|\bheadings\b|\bno waiver\b|\bassign(?:ment)? of (?:this|these)\b|\bsurviv\w+\b|\bdefinitions?\b|\binterpretation\b/, 2),

  // Type-free stance cues: how much freedom the platform keeps, and what the user can do.
  rule(null, 'any-time', /\bat any time\b|\bfrom time to time\b/, 0, -0.7, { userActorStance: 0 }),
  rule(null, 'without-notice', /\bwithout (?:any )?(?:prior |advance |further )?(?:notice|notification|warning|informing)\b/, 0, -2, { negatedStance: 1.5 }),
  rule(null, 'discretion', /\b(?:sole|absolute|own) (?:and absolute )?discretion\b|\bfor any (?:or no )?reason\b|\bwith or without cause\b|\bwithout (?:cause|reason|liability)\b|\bno reason\b|\bas (?:we|it|they) (?:may )?(?:deems?|sees?|considers?|think|determines?) (?:fit|appropriate|necessary|proper|suitable)\b|\bin (?:our|its) (?:sole |reasonable |absolute )?(?:opinion|judge?ment)\b/, 0, -1.5),
  // The user gives something up for nothing in return, or is left a single remedy ("your sole remedy is to stop using").
  rule(null, 'uncompensated', /\bwithout (?:any )?(?:further |additional )?(?:compensation|payment|remuneration|royalt(?:y|ies)|consideration)\b|\b(?:sole|only|exclusive) (?:and exclusive )?remedy\b|\breleas\w*\b[^.;]{0,40}\bfrom (?:any|all)(?: and all)? (?:claims|liabilit\w+|demands)\b/, 0, -1.5),
  rule(null, 'legitimate-interest', /\blegitimate (?:business )?(?:interests?|purposes?)\b|\bbusiness (?:interests?|purposes)\b/, 0, -1),
  // The same powers in the other languages policies are often quoted in: "sans préavis", "ohne Vorankündigung", "sin
  // previo aviso" (without notice); "se réserve le droit", "behalten uns vor", "se reserva el derecho" (reserves the right).
  rule(null, 'reserve-right', /\breserves? the right\b|\bse r[ée]serven?t? (?:le|el) (?:droit|derecho)\b|\bbehalten? (?:wir |sich )?(?:uns|sich)\b[^.;]{0,60}\bvor\b|\bsi riserva il diritto\b/, 0, -1),
  rule(null, 'waive', /\bwaiv\w+\b/, 0, -1),
  rule(null, 'you-agree', /\byou (?:hereby )?(?:agree|acknowledge|accept|understand|consent)\b/, 0, -0.4),
  rule(null, 'user-can', /\byou (?!(?:can|may) not\b)(?:can|may|are able to|have the (?:right|option|ability) to)\b[^.;]{0,30}\b(?:opt[- ]?out|request|access(?! (?:it |them |this |these |the \w+ )?(?:at|on|via|through|from|here|online)\b)|delete|export|download|object|withdraw|unsubscribe|choose|control|cancel|close|correct|disable|refuse|decline|turn off|manage)\b/, 0, 2),
  // The same choice told from the platform's side: "we give you the option to opt out", "lets users export their data".
  rule(null, 'offered-choice', /\b(?:offer|give|provide|allow|enable|let)s? (?:you|users|individuals|visitors|customers|members|the user)\b[^.;]{0,25}\b(?:(?:option|choice|opportunity|ability|possibility|tools?|means|controls?|settings) (?:to|for|over)|to (?:opt[- ]?out|delete|export|download|object|withdraw|unsubscribe|control|manage|correct|disable|refuse|decline|review|edit|remove))\b/, 0, 1.5),
  rule(null, 'opt-out', /\bopt[- ]?(?:out|in)\b/, 0, 1.2, { negatedStance: -2 }),
  // Acting on the user's own request: "upon your request we will delete", "at your request".
  rule(null, 'on-request', /\b(?:upon|on|at) your (?:written )?request\b|\bif you (?:ask|request)(?: us)? (?:to|for|that)\b/, 0, 1),
  rule(null, 'consent', /\b(?:with|upon|only with|subject to) your (?:explicit |express |prior |affirmative )?(?:consent|permission|approval)\b/, 0, 1),
  // Acting without the user's consent is the opposite of asking for it; "we will not ... without your consent" makes
  // consent a condition, which is the favourable reading.
  rule(null, 'without-consent', /\bwithout (?:your |the user's |their )?(?:explicit |express |prior |affirmative |further )?(?:consent|permission|approval)\b/, 0, -1.5, { negatedStance: 1 }),
  rule(null, 'notify', /\bwe(?: will| shall|'ll)\b[^.;]{0,20}\b(?:notify|inform|tell|let you know|alert|email)\b|\b(?:will|shall) (?:promptly |first |also )?(?:notify|inform|tell|alert) (?:you|users|the user|affected users)\b|(?<!\bwithout (?:any )?)\b(?:prior|advance|reasonable)(?: written)? notice\b|\b(?:\d+|thirty|sixty|ninety) (?:\(\d+\) )?days'? (?:prior |advance |written )*notice\b|\bdays in advance\b/, 0, 1.5),
  rule(null, 'only', /\b(?:only|solely|strictly|exclusively) (?:as (?:necessary|needed|required)|when|if|to|for|use|used|uses|necessary|essential)\b|\bstrictly necessary\b|\bshortest\b|\bminimum (?:necessary|amount)\b|\bas little\b/, 0, 1),
  rule(null, 'never', /\bwe (?:will )?never\b|\bwe do not\b|\bwe don't\b|\bwe will not\b|\bwe won't\b/, 0, 1),
  rule(null, 'free', /\bfree of charge\b|\bat no (?:cost|charge)\b/, 0, 0.5),
  rule(null, 'transparency', /\btransparen\w+\b|\bclear and plain\b/, 0, 1),
  rule(null, 'required', /\byou (?:must|shall|are required to|will be required to)\b/, 0, -0.5),
];
