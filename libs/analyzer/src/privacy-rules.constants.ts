import { ClauseRule, rule } from './clause-rule.types';

// Cues for the privacy-policy clause types. Weights: 3 = decisive phrase, 2 = strong cue, 1 = supporting word.
// Stance: what the sentence means for the user when it is affirmed (negation flips it).
const PD = '(?:personal (?:data|information|details)|personally identifiable information|your (?:data|information|details)|user (?:data|information)|(?:the )?(?:data|information) (?:we|that we) (?:collect|hold))';
// Recipients also named by their role ("verification providers", "measurement partners") or as the company's group.
const THIRD = '(?:third[- ]?part(?:y|ies)|partners?|affiliates?|advertisers?|vendors?|(?:service|verification|identity|payment|analytics|measurement|advertising|marketing|technology|hosting|cloud|data) providers?|other companies|outside (?:companies|parties|organi[sz]ations)|(?:companies|organi[sz]ations|businesses|firms) (?:that|who|which) (?:help|assist|work with|provide|perform|process|support)|(?:group|related|sister|parent|affiliated) compan(?:y|ies)|recipients|subsidiar(?:y|ies)|couriers?|data brokers?|auditors|professional advis[eo]rs|insurers|banks|(?:sub)?contractors|sub-?processors|(?:delivery|shipping|courier|logistics|payment|insurance|marketing|advertising|analytics|technology|hosting|cloud|credit|collection|verification) (?:compan(?:y|ies)|firms?|agenc(?:y|ies)|processors?)|compan(?:y|ies) (?:within|in|of) (?:our|the) (?:corporate )?group)';
// Companies whose trackers serve advertising: ad networks and exchanges, and the platforms' ad pixels. A platform that is
// also a service of its own (TikTok, Pinterest) counts by its pixel, or as the row of a table of trackers ("TikTok |
// Where to manage cookie settings"), not where its own policy names it.
const AD_PIXELS = '(?:(?:meta|facebook|tiktok|snap|pinterest|reddit|twitter) (?:pixel|ads|custom audiences)|linkedin insight tag)';
const AD_PLATFORMS = '(?:google ads|adwords|adsense|doubleclick|criteo|taboola|outbrain|adroll|quantcast|xandr|appnexus|(?:the )?trade desk|bing ads|microsoft advertising|amazon (?:ads|advertising))';
// Up to a sentence's end: a full stop inside a web address or a domain ("www.tiktok.com") does not end it.
const WITHIN_SENTENCE = '(?:[^.;]|\\.(?=\\S)){0,300}';
const TRACKER_WORD = '\\b(?:cookies?|pixels?|trackers?)\\b';
const AD_PLATFORM_ROW = '(?:^|\\|\\s*)(?:tiktok|snap(?:chat)?|pinterest|reddit|meta|facebook|linkedin|twitter)\\s*\\|';

// "Third-party cookies / analytics / sites" name a tracking technology or another site, not a recipient of data.
const NOT_TECH = '(?![- ](?:cookies?|analytics|tracking|trackers?|pixels?|scripts?|tags?|web ?sites?|sites?|links?)\\b)';

// One retains rights or ownership in content (content-ownership), not only data (retention).
const NOT_RIGHTS = '(?! (?:all |any |full |sole |your |their |its |the )*(?:rights?|ownership|title|copyrights?|intellectual property|control)\\b)';

// A company acquired, not data, signals or customers gathered ("signal acquisition systems", "customer acquisition").
const ACQUISITION = '(?<!\\b(?:data|signal|signals|image|customer|user|talent|lead|traffic|audience) )acquisitions?(?! (?:systems?|devices?|channels?|costs?|campaigns?|of (?:data|signals|images|customers|users|leads)))';

export const privacyRules: ClauseRule[] = [
  // data-collection
  // "Log" as a verb, not the noun kept or stored ("we never keep logs").
  rule('data-collection', 'we-collect', /\b(?:we|us|our services?|the service|the app)\b[^.;]{0,40}\b(?:(?:collect|gather|obtain|record|(?<!\b(?:keep|kept|store|stored|retain|retained|any|our|the|server|access|activity|of) )log)(?:s|ed)?|captur(?:e|es|ed))\b/, 2.5, -0.5),
  // The passive, data first: "your information may be collected when you ...".
  rule('data-collection', 'data-collected', /\b(?:information|data|details)\b[^.;]{0,30}\b(?:is|are|be|being|been)\b (?:\w+ )?(?:collected|gathered|obtained|recorded)\b/, 2.5, -0.5, { negatedStance: 1 }),
  // Asking the user for details: "we ask you for your name and date of birth", "you will be asked to provide an email address".
  rule('data-collection', 'ask-for', /\b(?:we|you will be|you may be|you are)\b (?:may |will |also )?(?:do not |don't |never |will not |won't )?(?:ask|asked|request|requested|require|required)\b (?:you )?(?:for|to (?:provide|give|enter|submit|supply))\b[^.;]{0,40}\b(?:name|username|e-?mail|address|phone|birth|gender|country|information|details|data)\b/, 2.5, -0.3),
  // Data that reaches the service without a collecting verb: "we receive information about you when you use the app".
  rule('data-collection', 'we-receive', /\bwe (?:may |also |automatically |will )?(?:receive|get|access)\b (?:\w+ ){0,3}?(?:information|data|details)\b/, 2),
  // One profile built from several sources or products: "we combine information from our different services".
  rule('data-collection', 'combine', /\bcombin\w+\b[^.;]{0,40}\b(?:information|data)\b[^.;]{0,60}\b(?:from|with|across)\b/, 2, -0.5),
  // Goods or rewards picked up ("orders can be collected from the store", "collect points") and a range of products ("our
  // collection of sneakers") are no data gathered.
  rule('data-collection', 'collect', /\bcollect(?<!\b(?:orders?|parcels?|packages?|items|goods|purchases|deliveries) (?:can |may |must |will |should )?(?:be )?collect)(?:s|ed|ing|ion)?\b(?! (?:\w+ )?(?:points|rewards|stamps|miles|coins|badges|prizes|vouchers)\b)(?<!\bcollection(?= of (?!(?:\w+ ){0,2}(?:data|information|details|identifiers|signals|content)\b)))/, 1.5),
  rule('data-collection', 'categories', /\b(?:types|categories|kinds|pieces) of (?:personal )?(?:information|data)\b|\b(?:information|data) (?:we|that we|which we) (?:collect|process|hold|receive) (?:includes?|consists|may include|about you)\b/, 2),
  // "use the information we collect": the relative clause points back at collected data, it states no collection.
  rule('data-collection', 'collected-reference', /\b(?:information|info|data|details)(?: that| which)? (?:we|you)(?: have|'ve)? (?:automatically )?(?:collect|gather|obtain|receive)(?:ed)?\b(?! (?:includes?|consists|may include|about you))/, -2.5),
  rule('data-collection', 'automatically', /\bautomatically (?:collect|record|receive|log)\w*\b/, 1),
  rule('data-collection', 'identifiers', /\b(?:ip address(?:es)?|device (?:id|identifiers?|information|type|model)|browser type|operating system|hardware model|email address(?:es)?|phone numbers?|contact (?:details|information)|usage (?:data|information)|log (?:data|information|files?)|payment information|billing information|mac address)\b/, 1.5, -0.3),
  // The details of an account or a delivery named in a list ("Account information: username, date of birth"): giving them
  // is what signing up is, no harm in itself.
  rule('data-collection', 'account-details', /\b(?:usernames?|dates? of birth|postal address(?:es)?|profile (?:pictures?|photos?))\b/, 1.5),
  rule('data-collection', 'private-content', /\b(?:read|access|scan|view|monitor)\w*\b[^.;]{0,40}\b(?:private )?(?:messages|communications|conversations|chats)\b|\b(?:read|access|scan|view|monitor|look at|review)\w*\b[^.;]{0,20}\bprivate (?:files|content|documents|photos|folders)\b/, 2, -1),
  rule('data-collection', 'permissions', /\bpermissions?\b[^.;]{0,60}\b(?:camera|microphone|contacts|photos|device|phone)\b|\b(?:camera|microphone|contacts list)\b|\b(?:access|read|upload|sync|import)\w* (?:to )?your (?:contacts|address book|photos|photo library|calendar|call logs?)\b/, 1.5, -0.5),
  // What the user must give to use the service ("to sign up you need to enter an email address and a password").
  rule('data-collection', 'you-must-give', /\byou (?:will )?(?:need|have|are (?:required|asked)|must)\b (?:to )?(?:provide|give|enter|submit|supply|use)\b[^.;]{0,40}\b(?:e-?mail|name|phone|address|password|birth|age|id(?:entity)? (?:card|document)|photo)\b/, 2, -0.5),
  // Data gathered from anywhere at all.
  rule(null, 'any-source', /\bfrom (?:any|all (?:available|possible)) sources?\b/, 0, -1),
  rule('data-collection', 'you-provide', /\b(?:information|data) (?:you|that you) (?:provide|give|submit|enter)|\byou (?:provide|give|submit) (?:us|to us)\b/, 1.5),

  // sensitive-data
  rule('sensitive-data', 'biometric', /\b(?:(?:scans?|geometry|templates?|measurements|maps?) of (?:your|the user's|users'|their|a person's|each person's) (?:face|hands?|fingers?|irises|iris|retinas?|voice)|biometrics?|face ?prints?|(?:facial|face) (?:recognition|geometry|scans?|templates?|data|features|measurements)|voice ?prints?|retina|iris scans?|dna|genetic|fingerprints? (?:data|scans?|templates?|recognition)|speakers?(?<=\brecogni[sz]\w* (?:the |a |each )?speakers?)|speaker (?:recognition|identification|verification)|voice (?:identification|verification|authentication))\b/, 3.5, -1.5),
  rule('sensitive-data', 'location', /\b(?:gps|geo-?locat\w*|precise location|location[- ](?:based|aware|data|information|services?)|(?<!\b(?:depending|depend|depends|based|according) (?:on|upon|to) )(?:your|device|physical|real[- ]time) location)\b(?![^.;]{0,40}\b(?:derived from|based on|inferred from|determined (?:by|through|from)|approximated from) (?:your |the |an? )?ip address)/, 3.5, -1),
  rule('sensitive-data', 'special-categories', /\b(?:(?:information|data|details) (?:about|on|relating to|concerning|regarding) (?:your|the user's|users'|their) (?:(?:physical|mental) (?:or |and )?)*(?:health|medical conditions?|sex life|sexual orientation|religious beliefs|ethnic origin|political opinions)|health (?:data|information)|medical (?:data|information|records?)|racial|ethnic origin|religious (?:beliefs?|views|affiliations?)|sexual (?:orientation|life)|political (?:opinions?|views|affiliations?)|reveal(?<=\b(?:data|information) (?:that )?reveal)(?:s|ing)? (?:your |their |a person's )?(?:religio\w*|race|philosophical beliefs|health|sex life)|trade union|(?:sensitive|special) (?:personal )?(?:data|information|characteristics|categor(?:y|ies) of (?:personal )?(?:data|information))|criminal (?:convictions?|records?|(?:history|background) (?:checks?|data|information))|heart rate|blood (?:pressure|glucose|sugar|oxygen)|menstrual (?:cycles?|data|information)|reproductive health)\b/, 3, -1),

  // data-use
  rule('data-use', 'use-data', new RegExp(`\\b(?:we )?(?:use|process|utili[sz]e)(?:s|d)?\\b[^.;]{0,50}\\b(?:${PD}|information|data)\\b[^.;]{0,60}\\b(?:to|for)\\b`), 2),
  rule('data-use', 'how-we-use', /\b(?:how|why) (?:we|do we) (?:use|process)\b|\bwhat (?:we|do we) do with (?:the |your |this |such )?(?:personal )?(?:info|information|data)\b|\buses? of (?:your )?(?:personal )?(?:information|data)\b|\bwe use (?:this|the|such|your) (?:information|data)\b/, 2.5),
  // The same with the data named by its kinds: "we use your contact details and location to …".
  rule('data-use', 'use-kinds', /\bwe (?:may |also |will |can |only )*(?:use|process|utili[sz]e|analy[sz]e)\b[^.;]{0,20}\b(?:your|the|this|such) (?:(?:contact|account|payment|profile|registration|device|usage|location|billing) (?:details|information|data)|e-?mail address(?:es)?|phone numbers?|names?|location|ip address(?:es)?|browsing history|purchase history|photos|messages|voice recordings)\b[^.;]{0,60}\b(?:to|for)\b/, 2),
  // The passive of the same: "such data will only be used to contact you".
  // What users put on the service used (or promised not to be used) to improve it: "Content in private projects is not
  // made available to the public and is not used for improving the Service". The negator is left to the negation reader
  // (a pattern that spells one out is read as affirmed).
  rule('data-use', 'content-used-for', /\b(?:content|files|messages|conversations|posts|code|projects|documents)\b[^.;]{0,80}\b(?:is|are|will|may|shall|can)(?: \w+)?(?: be)? used (?:to|for) (?:improv\w+|develop\w+|enhanc\w+|personali[sz]\w+|research\w*|analy[sz]\w+)\b/, 2.5, -1.5),
  rule('data-use', 'data-used-to', /\b(?:data|information|details)(?: (?:that )?(?:we|you) (?:collect|provide|hold|receive|give|submit)\w*)?(?: about you)? (?:is|are|will|may|can|shall|would|could|might)(?: only| also| not)?(?: be)?(?: only| also| solely| primarily)? (?:used|processed|utili[sz]ed) (?:only |solely |primarily )?(?:to|for)\b/, 2),
  // Not the purposes a user may put the service to ("for personal, non-commercial purposes", "for unlawful purposes").
  rule('data-use', 'purposes', /\bpurposes?\b(?<!\b(?:commercial|non-?commercial|informational|educational|entertainment|illegal|unlawful|fraudulent|improper|malicious|illicit) purposes?)/, 1),
  // The legal ground for processing (GDPR Art. 6) is part of why data is used.
  rule('data-use', 'legal-basis', /\b(?:legal|lawful) (?:bas[ie]s|grounds?)\b|\blegitimate interests?\b|\bperformance of (?:a|the|our|your) contract\b/, 2),
  rule('data-use', 'limited-purposes', /\bonly (?:use|process|for the purposes?)\b|\b(?:limited|specific|necessary) purposes?\b|\bsolely (?:to|for)\b/, 1.5, 1),
  // Data minimisation: collecting or processing no more than a purpose needs limits what the data is used for.
  rule('data-use', 'minimisation', /\b(?:only|no more|solely) (?:as much|(?:than )?(?:is |what is )?(?:strictly )?(?:necessary|needed|required)|the (?:minimum|data|information) (?:necessary|needed|required)|to the extent (?:necessary|needed|required))\b|\bdata minimi[sz]ation\b|\bminimum (?:amount of )?(?:personal )?(?:data|information)\b/, 3.5, 1.5),
  rule('data-use', 'aggregate', /\banonymous (?:data|information|statistics|usage data)\b|\b(?:data|information|statistics) (?:is|are) anonymous\b|\b(?:aggregated?|anonymi[sz](?:ed|ation)|de-?identified|statistic(?:s|al)|pseudonymi[sz]ed)\b/, 2),
  rule('data-use', 'profiling', /\b(?:profiling|inferences?|automated decision|personali[sz](?:e|ed|ation))\b/, 1.5, -0.5),
  // Sorting users into segments or audiences by their inferred interests: profiling put to work.
  rule('data-use', 'segmentation', /\bsegment(?:s|ed|ing|ation)? (?:users|visitors|customers|audiences?|you)\b|\baudience segments?\b|\btarget (?:groups?|audiences?)\b|\bbehaviou?ral (?:classes|profiles?|patterns|segments)\b/, 1.5, -1),
  // Research on the users or their data is one more purpose their data is put to: a stance cue, since a list of purposes
  // names the clause's subject in its other items.
  rule(null, 'research', /\b(?:conduct\w*|carry(?:ing)? out|perform\w*|do(?:ing)?|for)\b (?:\w+ ){0,2}?(?:research|studies|surveys|experiments)\b|\bresearch (?:purposes|projects)\b/, 0, -1),
  rule('data-use', 'many-purposes', /\b(?:any|other) (?:lawful |legitimate |business )?purposes?\b|\bpurposes? (?:not|other than (?:those|the ones?)) (?:\w+ )?(?:described|listed|stated|set out|disclosed|specified|mentioned)\b/, 1, -1),
  // A profile built of the user: "we build a profile of your interests", "combined into a single profile".
  rule(null, 'builds-profile', /\b(?:build|create|develop|compil)\w* (?:a |an )?(?:\w+ )?profiles? (?:of|about|on) (?:you|your|users?|individuals|visitors|customers)\b|\binto (?:a |one )?(?:single |unified |combined |comprehensive )?profile\b/, 0, -1),
  // A use confined in the passive: "your email address will only be used to send receipts".
  // Consent as the only door: "we share your data only with your explicit consent".
  rule(null, 'only-with-consent', /\bonly (?:with|after|upon|once|if) (?:you (?:have )?(?:given|give) (?:us )?)?(?:your |their )?(?:(?:explicit|express|prior|specific|affirmative|written) )?(?:consent|permission|opt-in)\b|\bonly (?:\w+ ){0,5}?(?:if|when|once|after) you (?:have )?(?:ask|agree|consent|opt(?:ed)? in|sign(?:ed)? up|subscribe|choose|chose|allow|request|give)\w*\b/, 0, 1),
  rule(null, 'only-be-used', /\b(?:will|shall|may|can|is|are) only be (?:used|processed|shared|disclosed|accessed)\b/, 0, 1),

  // ai-training
  // Also the noun ("opt out of model training") and teaching a model ("used to teach our algorithms").
  rule('ai-training', 'train-models', /\btraining\b(?<=\b(?:model|ai|algorithm|machine learning) training)|\b(?:train\w*|fine-?tun\w*|teach(?:es|ing)?|taught)\b[^.;]{0,80}\b(?:models?|algorithms?|artificial intelligence|machine learning|\bai\b|llms?|neural networks?)\b|\b(?:models?|artificial intelligence|machine learning|\bai\b|llms?)\b[^.;]{0,40}\b(?:trained|fine-?tuned)\b/, 3.5, -1.5),
  // Data or content put to building models: "use your data to develop or improve our AI models".
  rule('ai-training', 'data-for-models', /\b(?:us(?:e|es|ed|ing)|process\w*|rel(?:y|ies) on)\b[^.;]{0,60}\b(?:data|content|information|inputs?|prompts?|conversations?)\b[^.;]{0,60}\b(?:to|for)\b[^.;]{0,30}\b(?:develop\w*|improv\w+|build\w*|deploy\w*|train\w*|test\w*)\b[^.;]{0,60}\b(?:models?|machine learning|artificial intelligence|\bai\b|llms?)\b/, 3.5, -1.5),
  // The passive of the same: "your conversations may be used to improve our models".
  rule('ai-training', 'data-used-for-models', /\b(?:data|content|information|inputs?|prompts?|conversations?|chats?|messages|recordings?)\b[^.;]{0,60}\b(?:used|processed)\b[^.;]{0,30}\b(?:to|for)\b[^.;]{0,30}\b(?:develop\w*|improv\w+|build\w*|train\w*)\b[^.;]{0,40}\b(?:models?|machine learning|artificial intelligence|\bai\b|llms?)\b/, 3.5, -1.5),
  // Improving or developing "machine learning and AI" as a purpose: the object (data, content) is checked on the clause.
  rule('ai-training', 'develop-models', /\b(?:develop\w*|improv\w+|build\w*)\b[^.;]{0,60}\b(?:machine learning|artificial intelligence|generative ai|\bai(?:[- ]powered)? (?:models?|features|systems?|technolog\w+|tools|services|products)|llms?|(?:language|foundation|predictive|(?:speech|voice|image|object) recognition) models?)\b/, 2.5, -1),
  rule('ai-training', 'ai', /\b(?:artificial intelligence|machine[- ]learning|large language models?|generative ai|\bai\b|\bllms?\b)/, 1),

  // advertising
  // An advertising identifier is a device identifier for tracking (see 'trackers'), not an advertisement.
  rule('advertising', 'ads', /(?<!\bjob )\badverti[sz]\w*(?! ?(?:ids?|identifiers?|cookies?)\b)|\bads\b|\bad (?:networks?|partners?|personali[sz]ation|choices|preferences)\b|\badchoices\b|\bad-supported\b|\bcommercials\b/, 2.5, -1, { negatedStance: 1.7 }),
  // Data used for the purpose of marketing or ads: the purpose names the practice, the use is generic.
  rule('advertising', 'use-for-ads', /\b(?:use[sd]?|using|process\w*)\b[^.;]{0,40}\b(?:data|information|details|preferences|profiles?)\b[^.;]{0,60}\b(?:to|for)\b[^.;]{0,60}\b(?:advertis\w+|marketing|ads|promotional)\b/, 2, -0.5),
  rule('advertising', 'targeted', /\b(?:targeted|interest[- ]based|personali[sz]ed|behaviou?ral|tailored)\b[^.;]{0,20}\b(?:ads|advert\w*|marketing|offers|content)\b(?! ?(?:cookies?|ids?|identifiers?)\b)|\brelevant\b[^.;]{0,20}\b(?:ads|advert\w*|marketing|offers)\b(?! ?(?:cookies?|ids?|identifiers?)\b)/, 2, -1),
  rule('advertising', 'marketing', /\bmarketing (?:purposes|partners)|\b(?:direct )?marketing\b/, 1.2, -1),
  // Offers picked for the user ("products that may be of interest to you") are marketing even without the word.
  rule('advertising', 'of-interest', /\b(?:offers?|offerings?|products?|services?|promotions?|deals|events)\b[^.;]{0,60}\b(?:(?:of|be of|may) interest to you|(?:you|they) (?:may|might) (?:like|enjoy|be interested in)|relevant to you|interest(?:s|ed) you)\b/, 2.5, -1),
  // An advertising company named where trackers are (a cookie table's "TikTok | manage cookie settings"): its pixel
  // serves ads, though no word says so.
  rule('advertising', 'ad-platforms', new RegExp(`\\b${AD_PIXELS}\\b|(?:\\b${AD_PLATFORMS}\\b|${AD_PLATFORM_ROW})(?:(?=${WITHIN_SENTENCE}${TRACKER_WORD})|(?<=${TRACKER_WORD}${WITHIN_SENTENCE}))`), 1, -1, { once: true }),
  // Paid placement shown as content: "sponsored posts", "promoted listings", "labelled as sponsored".
  rule('advertising', 'sponsored', /\b(?:we|us|our (?:service|platform|app))\b[^.;]{0,30}\b(?:show|display|include|serve|insert|place)\w*\b[^.;]{0,30}\b(?:sponsored|promoted) (?:content|posts?|listings?|results|links|messages|stories|products)\b/, 2.5, -1),
  rule(null, 'ad-free', /\bad[- ]free\b|\bfree (?:of|from) (?:ads|advertising|advertisements)\b/, 0, 2),
  rule('advertising', 'opt-out-ads', /\b(?:opt[- ]?out|turn(?:ing)? off|switch(?:ing)? off|disabl\w+)\b[^.;]{0,80}\b(?:ads|advert\w*|interest[- ]based|personali[sz]ed)/, 1.5, 2),

  // data-sharing
  rule('data-sharing', 'share-third', new RegExp(`\\b(?:share|sharing|shared|disclos\\w+|provide|transfer\\w*|giv(?:e|en)|pass(?:ed)?|hand(?:s|ed|ing)? (?:\\w+ ){0,3}?over|(?:make|makes|made|making) (?:it|them|(?:(?:your|this|such|the|that|personal|certain) ){1,2}(?:data|information|details)) available|release|grant access|send|sent|forward\\w*)\\b[^.;]{0,80}\\b${THIRD}`), 3, -1.5),
  // Letting others reach the data: "we allow selected companies to access your data".
  rule('data-sharing', 'allow-access', new RegExp(`\\b(?:allow|permit|let|enable|authori[sz]e)\\w*\\b[^.;]{0,30}\\b(?:${THIRD}|companies|organi[sz]ations|businesses)\\b[^.;]{0,20}\\bto (?:access|use|receive|collect|obtain)\\b`), 3, -1.5),
  // The recipient as the subject: "advertisers may receive information about your visits", "partners have access to it".
  rule('data-sharing', 'third-receives', new RegExp(`\\b(?:${THIRD}|(?:other )?(?:businesses|companies|organi[sz]ations|sellers|merchants|developers))\\b[^.;]{0,30}\\b(?:receive|receives|get access|gets access|have access|has access|gain access|can access|may access)\\b[^.;]{0,40}\\b(?:${PD}|information|data|details)\\b`), 3, -1.5),
  rule('data-sharing', 'use-third', new RegExp(`\\b(?:use|engage|employ|rely on|work with|partner with)\\w*\\b[^.;]{0,30}\\bthird[- ]?part(?:y|ies)\\b${NOT_TECH}`), 2.5, -1),
  rule('data-sharing', 'third-party', new RegExp(`\\bthird[- ]?part(?:y|ies)\\b${NOT_TECH}`), 1.5),
  rule('data-sharing', 'recipients', /\b(?:service providers?|vendors?|partners?|affiliates?|processors?|subcontractors?|contractors?|subsidiaries)\b/, 1),
  // A recipient that uses the data for its own ends, in data-protection terms: "the provider processes it as an independent
  // controller". The platform acting as the controller of its own service is no recipient.
  // Ad-tech practices that hand the user's activity to an ad platform: remarketing, custom audiences, conversion tracking.
  rule('data-sharing', 'ad-platform', /\b(?:remarket\w*|retarget\w*|(?:build|create)\w* (?:targeted|custom|lookalike) audiences|track\w* (?:ad )?conversions|conversion tracking)\b/, 2, -1),
  rule('data-sharing', 'independent-controller', /\b(?:independent|separate|joint|its own|their own) (?:data )?controllers?\b|\bjoint(?:ly)? controll\w+/, 3, -1),
  // The platform reporting a user to other organisations ("we may report abuse to anti-spam organisations") discloses them.
  rule('data-sharing', 'report-to-others', /\b(?:we (?:may |will |can |also )?|reserves? the right to )report\w*\b[^.;]{0,60}\bto (?:[\w-]+ ){0,3}?(?:organi[sz]ations|agencies|search engines|third parties|other (?:companies|services|platforms)|(?:risk|fraud|anti-spam|credit) (?:services|bureaus?|agencies))\b/, 2.5, -1),
  // A heading or list that names who gets the data: "Recipients of your personal data", "Categories of recipients".
  // Data passed on to anyone at all, or disclosed "for a business purpose" (the CCPA's term for a disclosure to a recipient),
  // or a connected app given access to it.
  rule('data-sharing', 'disclose-to-anyone', /\b(?:share|sharing|shared|disclos\w+|provide|pass|transfer\w*|rent)\b[^.;]{0,40}\b(?:data|information|details)\b[^.;]{0,20}\bto (?:anyone|anybody|any other (?:person|party|company|organi[sz]ation))\b|\b(?:shared|disclosed|passed on|given|transferred|made available) (?:with|to) (?:anyone|anybody|any other (?:person|party|company|organi[sz]ation))\b|\bdisclos\w+\b[^.;]{0,60}\bfor (?:a |an |our )?business purposes?\b|\bgiv\w* (?!you\b|users?\b)(?:[\w-]+ ){1,3}?access to (?:your|their) (?:\w+ )?(?:data|information)\b/, 3, -1.5),
  rule('data-sharing', 'recipients-of-data', /\b(?:recipients|categories of recipients) of (?:your |the |such )?(?:personal )?(?:data|information)\b|\bcategories of (?:third[- ]party )?recipients\b/, 3, -1),
  rule('data-sharing', 'share', /\bshar(?:e|es|ed|ing)\b(?! (?:price|prices|capital|buttons?|icons?)\b)/, 1.5, -0.5, { userActorStance: 0 }),
  rule('data-sharing', 'processor', /\b(?:use|uses|using) the services of\b|\bhosted (?:on|by|with|at)\b|\b(?:cloud|hosting|email|payment|analytics) (?:providers?|platforms?|services? providers?)\b|\bsub-?processors?\b|\bon (?:our|its) behalf\b/, 2, -1),
  // Recipients bound to keep the data confidential or to use it only for the service: a safeguard for the user.
  rule('data-sharing', 'confidentiality', /\b(?:confidential(?:ity)?|bound by|obligat\w+ (?:not )?to (?:protect|keep|safeguard|not)|data processing agreements?)\b|\b(?:obligat\w+|required|agree|contractually bound) not to (?:disclose|use|share|sell)\b/, 0.8, 1.5),
  // Recipients that put the data to their own ends: "our affiliates may use it for their own purposes".
  rule(null, 'own-purposes', /\bfor (?:their|its|his or her) own (?:\w+ )?(?:purposes|use|uses|marketing|benefit|business)\b/, 0, -1.5),
  // Data disclosed to guard the platform's own interests: "to protect our rights or property".
  rule(null, 'protect-our-rights', /\bprotect\w* (?:the )?(?:rights|property|interests|safety)(?: \w+){0,3}? of (?:the company|[a-z]+ (?:inc|ltd|llc))\b|\bprotect\w* (?:our|its|the company's) (?:\w+ )?(?:rights|property|interests)\b/, 0, -1),
  // Data that never reaches the platform ("the app does not send any data to us"): a promise only when negated.
  rule(null, 'sent-to-us', /\b(?:send|sends|sent|transmit\w*|upload\w*)\b (?:any |your )?(?:\w+ )?(?:data|information)? ?to (?:us|our servers)\b/, 0, 0, { negatedStance: 1.5, userActorStance: 0 }),
  rule('data-sharing', 'from-third', new RegExp(`\\b(?:receive|obtain|collect|get|combine)\\w*\\b[^.;]{0,60}\\b(?:from|with)\\b[^.;]{0,20}\\b(?:${THIRD}|other sources|(?:third[- ]party|external|publicly available|public) sources)`), 3.5, -1),

  // data-sale
  // Selling the company (its assets, shares or business) is not selling personal data.
  rule('data-sale', 'sell-data', new RegExp(`\\b(?:sell|sells|sold|selling|rent|rents|rented|lease|trade|monetiz\\w+)\\b(?! (?:\\w+ ){0,3}(?:company|business|assets|shares|stock|subsidiar\\w*|products?|services?|goods|items|tickets)\\b)[^.;]{0,60}\\b(?:${PD}|information|data|details|anything|lists?|e-?mail address(?:es)?|contact (?:details|information)|phone numbers?|customer records)|(?<=\\b(?:never|not|n't) (?:\\w+ )?)(?:sell|rent)\\b (?:it|them)\\b(?! to you\\b)`), 4, -3, { negatedStance: 2 }),
  // The passive voice puts the data first: "your information will never be sold or rented".
  rule('data-sale', 'data-sold', new RegExp(`\\b(?:${PD}|information|data|details|lists?|e-?mail address(?:es)?|phone numbers?)\\b[^.;]{0,40}\\b(?:be|is|are|being|been|get|gets)\\b (?:\\w+ )?(?:sold|rented|traded|monetized)\\b|\\b(?:${PD}|information|data) (?:(?:that )?we (?:have )?)?(?:sold|sell)\\b`), 4, -3, { negatedStance: 2 }),
  // The legal definition of a sale: personal data made available for money or other valuable consideration.
  rule('data-sale', 'for-consideration', /\b(?:for|in exchange for|in return for) (?:monetary|money|financial|valuable|other valuable|monetary or other valuable) (?:consideration|compensation|payment)\b|\b(?:data|information)\b[^.;]{0,60}\bin (?:exchange|return) for (?:a )?(?:payment|money|a fee|fees|cash|compensation)\b|\b(?:purchase|buy)\w* (?:\w+ ){0,3}?(?:data|information|details) from us\b|\b(?:exchang\w+|trad\w+|provid\w+|disclos\w+|mak\w+)\b[^.;]{0,60}\b(?:data|information)\b[^.;]{0,40}\bfor (?:money|cash|profit)\b/, 3.5, -2.5, { negatedStance: 2 }),
  rule('data-sale', 'sale-of-data', /\bsale(?<!\bopt[- ]?out of (?:the )?sale)(?: (?:or|and) (?:sharing|disclosure|rental))? of (?:your )?(?:personal )?(?:data|information)\b/, 3, -2, { negatedStance: 2 }),
  rule('data-sale', 'sell', /\b(?:sell|sold|selling)\b/, 1, -0.5, { negatedStance: 1 }),

  // Data passing to a buyer with the company's assets is a business transfer, not a sale of personal data.
  rule('business-transfer', 'asset-transfer', new RegExp(`\\b(?:merger|${ACQUISITION}|acquired|acquirer|bankrupt\\w*|insolvency|reorgani[sz]ation|(?:change|transfer) (?:of|in) (?:control|ownership)|sale of (?:all|substantially all|some|a portion|part|(?:the |our )?(?:company|business|assets))|successor|purchaser|buyer|transferred assets|business assets)\\b[^.]{0,200}\\b(?:${PD}|information|data)\\b|\\b(?:${PD}|information|data)\\b[^.]{0,200}\\b(?:merger|acquisition|acquired|acquirer|bankrupt\\w*|insolvency|reorgani[sz]ation|(?:change|transfer) (?:of|in) (?:control|ownership)|successor|purchaser|buyer|(?:transferred|business) assets)\\b`), 5, -1),

  // business-transfer
  rule('business-transfer', 'merger', new RegExp(`\\b(?:merger|${ACQUISITION}|(?:is|are|be|being|been|gets?|was|were) (?:\\w+ )?acquired|acquired by|bankruptcy|insolvency|reorgani[sz]ation|receivership|divestiture|(?:change|transfer) (?:of|in) (?:control|ownership)|corporate (?:transactions?|restructurings?)|(?:prospective|potential) (?:investors?|buyers?|purchasers?|acquirers?)|liquidation|liquidated(?! damages)|(?:buys?|purchases?|acquires?) (?:us|our (?:company|business))\\b|sale of (?:all|substantially all|some|a portion|part|(?:the |our )?(?:company|business|assets))|successor|business transfers?|go(?:es|ing)? out of business|sell(?:s|ing)? (?:all|substantially all|some|part|a portion)(?: or (?:a )?(?:part|portion|some|substantially all))? of (?:our|its|the) (?:business|company|assets|shares|stock)|merg(?:es|ed|ing) with (?:another|a|an|other) (?:company|business|entity|organi[sz]ation))\\b`), 3.5, -1, { once: true }),

  // The buyer held to the policy: "any successor will be bound by this privacy policy".
  rule(null, 'successor-bound', /\b(?:successor|buyer|purchaser|acquirer|new owner|acquiring (?:company|entity|party))s?\b[^.;]{0,60}\b(?:bound by|(?:required|obliged|obligated|must|will (?:have|need)) to (?:honou?r|respect|comply with|abide by|protect)|honou?r|abide by)\b/, 0, 2),

  // law-enforcement
  rule('law-enforcement', 'authorities', /\b(?:law enforcement|government(?:al)?(?: agenc\w+| authorit\w+| requests?| bod\w+| officials?| entit\w+)?|public authorit\w+|(?:relevant|competent|appropriate|proper) authorit(?:y|ies)|orders? (?:of|from) (?:a|an|the) (?:court|authority|judge)|police|(?<!\b(?:complain|complaints?|appeal) (?:to|with) (?:a |the |your |an? )?(?:local |data protection |privacy )?)regulators?|(?:tax|customs|financial|regulatory|investigat\w+|state|federal|foreign) authorit(?:y|ies)|public (?:bodies|agencies)|emergency (?:disclosure )?requests?|authorit(?:y|ies) (?:may |can |might )?(?:request|demand|require|ask)\w*|(?:requests?|demands?|orders?) (?:from|by|of) (?:the )?(?:\w+ )?authorit(?:y|ies)|subpoenas?|court orders?|(?:a|any|valid|search|arrest|such) warrants?|judicial|(?:legal|lawful) (?:process|requests?|demands?|inquir\w+|orders?)|national security)\b/, 3, -0.5),
  rule('law-enforcement', 'required-by-law', /\b(?:required|compelled|obliged|obligated) (?:to do so )?by (?:law|a court)|\bcomply with (?:a |any )?(?:legal|law|court|subpoena)\w*|\blegal basis\b|\bvalid (?:legal )?(?:request|order|process)|\b(?:disclos\w+|release|provide|share)\b[^.;]{0,60}\b(?:necessary|required|needed) to comply with\b/, 2, 1),
  // Handing data over with no court's say: "we may disclose it to the police without a court order".
  rule(null, 'without-legal-process', /\bwithout (?:a |an |any )?(?:(?:valid|proper) )?(?:court orders?|warrants?|subpoenas?|(?:legal|judicial) (?:process|review|authori[sz]ation))\b/, 0, -1.5, { negatedStance: 1 }),
  // Handing data over behind the user's back: "we may disclose it to the authorities without telling you".
  rule(null, 'without-telling', /\bwithout (?:first )?(?:telling|notifying|alerting|asking) (?:you|the user|users|them)\b/, 0, -1.5, { negatedStance: 1 }),
  // A disclosure left to the platform's own belief ("we may give it to the police if we believe it is appropriate"), or any
  // act left to "whenever we see fit".
  rule(null, 'on-belief', /\b(?:disclos|shar|provid|giv|hand|releas|transfer|pass|report)\w*\b[^.;]{0,80}\b(?:if|when|where|whenever) we (?:in good faith )?(?:believe|think|consider|decide|see fit)\b|\bwhenever we (?:deem|see fit)\b/, 0, -1),
  rule('law-enforcement', 'notify-users', /\b(?:notify|inform|tell)\b[^.;]{0,40}\b(?:you|users?|affected)\b[^.;]{0,60}\b(?:request|order|inquir)|\btransparency report/, 1.5, 2),

  // tracking
  rule('tracking', 'cookies', /\bcookies?\b/, 3, -0.5),
  rule('tracking', 'trackers', /\b(?:web )?beacons?\b|\bflash (?:cookies|objects)\b|\blocal shared objects?\b|\bpixels?\b|\btracking (?:technolog\w+|pixels?|tags?|tools?)\b|\bclear gifs?\b|\blocal storage\b|\b(?:browser|device|canvas) fingerprint\w*|\bfingerprinting\b|\bsdks?\b|\badverti[sz]ing (?:ids?|identifiers?)\b|\bsession (?:replay|recording)s?\b|\b(?:whether|when|how often|if) you (?:have )?open(?:ed)? (?:our |an |the |these |those )?(?:e-?mails?|messages|newsletters?)\b|\bheat ?maps?\b|\brecogni[sz]\w* (?:you|your (?:device|browser|computer))\b/, 3, -1.5),
  // Code a company places on pages or devices to recognise the visitor: "partners place tags on our pages", "similar technologies".
  rule('tracking', 'tags-placed', /\b(?:plac\w+|set(?:s|ting)?|use[sd]?|using|drop\w*|deploy\w*|embed\w*|install\w*|read(?:s|ing)?)\b[^.;]{0,30}\b(?:tags?|scripts?|identifiers?|snippets?|code)\b[^.;]{0,30}\b(?:on|in|into) (?:our|your|the|their|its|these|this) (?:pages?|sites?|web ?sites?|browsers?|devices?|apps?|emails?|services?)\b|\bsimilar (?:tracking )?technolog\w+|\bconversion (?:tracking|measurement|pixels?|tags?)\b/, 2.5, -1),
  // Trackers named by their advertising purpose ("advertising cookies", "marketing pixels") are trackers; cookies that serve
  // the ads are the means of targeted advertising, which the advertising cues decide.
  rule('tracking', 'ad-trackers', /\b(?:advertising|ad|marketing|targeting) (?:cookies?|pixels?|tags?|beacons?)\b/, 2.5, -1, { once: true }),
  // Social plug-ins (like and share buttons, embedded widgets) report the visit to the network that serves them.
  rule('tracking', 'social-plugins', /\bsocial (?:media |network(?:ing)? )?(?:features|plug-?ins?|widgets?|buttons?)\b|\b(?:like|share|follow) buttons?\b/, 3, -1),
  rule('tracking', 'dnt', /\bdo[- ]not[- ]track\b|\bdnt\b/, 3.5),
  rule('tracking', 'dnt-ignored', /(?:\bnot\b|n't\b)[^.;]{0,40}\b(?:respond|recogni[sz]e|honou?r|support|react|comply)\w*\b[^.;]{0,60}\b(?:do[- ]not[- ]track|dnt|signals?)/, 2, -3, { negatedStance: -3 }),
  rule(null, 'dnt-honoured', /\b(?:honou?r|respect|respond to|comply with)\w*\b[^.;]{0,30}\b(?:do[- ]not[- ]track|dnt|global privacy control|gpc)\b/, 0, 2),
  rule('tracking', 'track', /(?<!\bdo[- ]not[- ])\btrack(?:s|ed|ing|ers?)?\b(?! (?:(?:your|the|an?) )?(?:status|progress|orders?|packages?|parcels?|shipments?|deliver(?:y|ies)|workouts?)\b)/, 2, -1, { userActorStance: 0 }),
  rule('tracking', 'dnt-not-honoured', /\b(?:do[- ]not[- ]track|dnt)\b[^.]{0,200}(?:\bnot\b|n't\b|\bno\b)[^.;]{0,30}\b(?:respond|recogni[sz]e|honou?r|support|react|comply|process|act on|alter)\w*|\b(?:no|not an?|isn't an?|is no) (?:\w+ )?(?:(?:or|and) \w+ )?(?:industry|uniform|common|accepted|legal) (?:standard|consensus)\b/, 1.5, -3, { negatedStance: -3 }),
  // Following the user beyond the service itself (other sites, apps, devices, over time) is tracking, whatever collects it;
  // retargeting is that following put to showing ads.
  rule('tracking', 'cross-site', /\bre-?targe?t\w*|\bremarketing\b|\b(?:other|third[- ]party|non-affiliated|different|partner) (?:web ?sites?|sites|apps|applications|online services)\b[^.;]{0,40}\b(?:you (?:visit|use)|visited|over time)\b|\bacross (?:different |other |non-affiliated |multiple )?(?:web ?sites?|sites|apps|devices|platforms)\b|\boff[- ]?site\b|\bbrows\w*\b[^.;]{0,30}\b(?:on|across) (?:other|third[- ]party) (?:web ?sites|sites|apps)\b|\bonline activit(?:y|ies)\b/, 3, -1.5),
  // Logging the visitor's network address is the basic form of tracking (and "we do not log IP addresses" its denial).
  rule('tracking', 'ip-logging', /\b(?:log|logg(?:ed|ing)|record(?:s|ed|ing)?|stor(?:e|es|ed|ing)|collect(?:s|ed|ing)?|track(?:s|ed|ing)?|sav(?:e|es|ed|ing)|keep(?:s|ing)?|retain(?:s|ed|ing)?)\b[^.;]{0,25}\bip[- ]address(?:es)?\b|\bip[- ]address(?:es)?\b[^.;]{0,25}\b(?:logged|recorded|stored|collected|tracked|saved|kept|retained)\b/, 3.5, -0.5),
  rule('tracking', 'analytics', /\b(?:google analytics|analytic(?:s|al)|matomo|mixpanel|hotjar|piwik)\b/, 2, -1),
  rule('tracking', 'referrer', /\breferr(?:er|ing|al) (?:url|page|site|website)s?\b|\breferred\b|\bvisited before\b|\bbrows(?:ing|er) (?:history|behaviou?r|habits)\b|\bpages? (?:you )?visit(?:ed)?\b|\bpages? you view(?:ed)?\b|\blinks? you click(?:ed)?\b/, 1.5, -1),
  rule('tracking', 'cookies-required', /\b(?:disabl|block|reject|refus|delet|turn\w* off)\w*\b[^.;]{0,50}\bcookies?\b[^.]{0,100}\b(?:not (?:work|function|be able)|limit\w*|affect\w*|unable|impair\w*|may not|might not|restrict\w*)/, 1.5, -1.5),
  // Trackers set only once the user agrees ("we set analytics cookies only with your consent"): the user decides.
  rule('tracking', 'consented-cookies', /\b(?:cookies?|trackers?|pixels?|tracking technolog\w+)\b[^.;]{0,60}\b(?:only )?(?:with|after|once|upon|if) (?:you (?:give |have given )?(?:us )?your|your|you) (?:\w+ )?(?:consent|agree|accept)\w*|\bconsent to (?:the use of |our use of )?(?:\w+ )?(?:cookies|trackers)\b/, 2, 1.5),
  rule('tracking', 'session-cookies', /\bsession cookies?\b|\bstrictly necessary cookies?\b|\bessential cookies?\b/, 1, 1),

  // retention
  // Not a control held down ("hold the power button for three seconds"), nor a shop ("collected from the store after two
  // hours").
  rule('retention', 'retain', new RegExp(`\\b(?:retain\\w*${NOT_RIGHTS}|retention|keep(?! (?:on )?(?:using|accessing|visiting|browsing)\\b)|kept|store(?<!\\b(?:the|a|an|our|your|online|app|retail) store)[sd]?|storing|hold(?! (?:down )?(?:the |a |your )?(?:\\w+ )?(?:buttons?|keys?|switch|icon|trigger)\\b)|held|preserve[sd]?)\\b[^.;]{0,60}\\b(?:for|until|as long as|period|days?|months?|years?|after|indefinitely)\\b`), 2.5),
  // A period stated further from its verb than 'retain' looks ("we keep information about the ads you saw, and how you
  // interact with our content on other sites, for up to 90 days"): the verb, what is kept, then the period.
  rule('retention', 'kept-for-period', /\b(?:keep|kept|retain\w*|stor(?:e|ed|es|ing)|hold|held|preserve[sd]?)\b[^.;]{0,80}?\b(?:data|information|records?|logs?|content|details|messages|copies|backups?|history|it|them)\b[^.;]{0,100}?\bfor (?:up to |a maximum of |at least |no (?:more|longer) than |a period of |approximately |about |around )?(?:\d+|one|two|three|four|five|six|seven|ten|twelve|eighteen|twenty|thirty|sixty|ninety)\s*(?:\(\d+\)\s*)?(?:hours?|days?|weeks?|months?|years?)\b/, 2.5),
  rule('retention', 'retention-word', new RegExp(`\\bretention\\b|\\bretain\\w*\\b${NOT_RIGHTS}`), 2),
  rule('retention', 'logs', /\b(?:server )?logs?\b(?! ?(?:in|on|out|into)\b)|\blog files?\b/, 1.5, -0.5),
  rule('retention', 'period', /\b(?:\d+|one|two|three|six|twelve|thirty|sixty|ninety)\s*(?:\(\d+\)\s*)?(?:hours?|days?|weeks?|months?|years?)\b/, 0.7),
  rule('retention', 'after-deletion', /(?<!\b(?:delet|eras|purg|destroy|anonymi[sz])\w*\b[^.;]{0,60})\b(?:even )?after\b[^.;]{0,40}\b(?:delet\w+|terminat\w+|clos\w+|cancel\w+|erasure|you stop)\b/, 1.5, -1),
  rule('retention', 'deleted-after', /\b(?:delet|destroy|dispos|eras|purg|anonymi[sz]|overwrit)\w*\b[^.;]{0,60}\b(?:after|within|once|at the end of|if (?:it is |they are )?no longer)\b/, 3, 1),
  rule('retention', 'as-long-as-needed', /\b(?:longer than (?:is |it is )?(?:necessary|needed|required)|no longer (?:needed|necessary|required|(?<=\bwe no longer )(?:need|require))|as long as (?:it is |is )?(?:necessary|needed|required|relevant))\b/, 2.5),
  rule('retention', 'kept-copies', /\b(?:copies|copy|backups?|archives?|residual)\b[^.;]{0,60}\b(?:removed|deleted|closed|terminated|cancell?ed)\b|\beven (?:if|after|though|when)\b[^.;]{0,40}\b(?:delet|remov|clos|terminat|eras)\w*/, 2, -1.5),
  // A short, stated upper bound on keeping data is a commitment the user can check.
  rule(null, 'bounded-retention', /\b(?:no (?:more|longer) than|not (?:more|longer) than|at most|a maximum of|maximum of) (?:\d+|one|two|three|six|twelve|thirty|sixty|ninety)\s*(?:\(\d+\)\s*)?(?:hours?|days?|weeks?|months?)\b|\b(?:delet|eras|purg|destroy|anonymi[sz])\w*\b (?:\w+ ){0,6}?(?:within|after) (?:a|an|\d+|one|two|three|seven|six|twelve|fourteen|thirty|sixty|ninety)\s*(?:\(\d+\)\s*)?(?:hours?|days?|weeks?|months?)\b/, 0, 1),
  // Data not kept at all ("your messages are not stored on our servers", "we will not retain your card details"): stance
  // only when negated; kept data is what the retention rules read.
  rule(null, 'not-kept', /(?<!\b(?:obliged|obligated|required|bound) to )\b(?:keep|kept|retain(?:s|ed)?|stor(?:e|es|ed)|sav(?:e|es|ed))\b (?:\w+ ){0,3}?(?:(?:personal )?(?:data|information|details|messages|content|files|records|logs|history|copies|ip addresses?)|it|them|on (?:our|its|their) servers)\b/, 0, 0, { negatedStance: 1, userActorStance: 0 }),
  // "As long as necessary" sets no period the user can check (stance only; the type comes from the rule above).
  rule(null, 'open-ended-retention', /\b(?:for )?(?:as|so) long as (?:(?:it|they|this|that) (?:is|are|may be|remains?|might be) |is |we (?:deem|consider)(?: it)? |(?:reasonably )?)?(?:necessary|needed|required|relevant|useful|reasonably necessary)\b|\b(?:as|so) long as (?:we|you) (?:need|require|have a (?:legitimate |business )?(?:need|reason))\b/, 0, -1),
  // Keeping data past the stated period ("a longer retention period", "retain it for a longer period of time").
  rule(null, 'extended-retention', /\b(?:retain\w*|keep\w*|kept|stor(?:e|ed|ing))\b[^.;]{0,50}\bfor (?:a |any )?longer\b|\blonger (?:retention |storage )?periods?\b/, 0, -1),
  // Keeping data with no end at all ("we may retain your information indefinitely").
  rule(null, 'indefinite-retention', /\b(?:retain\w*|keep\w*|kept|stor(?:e|es|ed|ing)|hold|held|preserve[sd]?)\b[^.;]{0,60}\b(?:indefinitely|forever)\b/, 0, -1),
  // The question as a heading: "How long we keep your information".
  rule('retention', 'how-long', /\bhow long (?:do )?(?:we|will we|is|are|does)\b[^.;?]{0,30}\b(?:keep|kept|retain\w*|stor(?:e|ed)|hold|held)\b/, 3),
  rule('retention', 'indefinitely', /\bindefinitely\b|\bas long as (?:we|necessary|needed|required|reasonably)\b|\bbackups?\b|\barchiv\w+\b/, 1.5, -0.5),

  // deletion
  // A right to deletion alone is the deletion type; deletion listed among other rights is user-rights ('rights-list').
  // The user deleting: "you may provide, and Microsoft may remove" is another subject removing, not the user.
  rule('deletion', 'you-delete', /\byou (?!(?:can|may) not\b)(?:can|may|are able to|have the (?:right|option|ability) to)\b(?:(?!,? (?:and|but|or) (?:we|the company|[a-z]+ (?:may|can|will))\b)[^.;]){0,30}\b(?:delete|erase|remove)\b/, 3, 2),
  rule('deletion', 'right-to-erasure', /\bright (?:to|of) (?:be forgotten|erasure|deletion|delete)\b|\b(?:deletion|erasure) requests?\b|\brequest (?:the )?(?:deletion|erasure)\b|\brequests? to (?:delete|erase)\b|\bright to ask (?:us )?(?:to )?(?:delete|erase)\b|\bright to have (?:\w+ ){0,3}?(?:deleted|erased)\b/, 3, 2),
  // Closing the account for good, named as such ("Account deletion", "how to delete your account", "you can delete your
  // account"). The company deleting it ("we may delete your account") is left to account termination.
  rule('deletion', 'account-deletion', /\b(?:account|profile) (?:deletion|erasure|removal)\b|\b(?:you|to|users?) (?:\w+ ){0,3}?delete (?:your|an|the|their|my) (?:\w+ )?account\b|\bdeleting (?:your|an|the|their|my) (?:\w+ )?account\b/, 3, 0, { userActorStance: 1 }),
  // Data wiped from the provider's own systems, not just hidden from view.
  rule('deletion', 'erased-from-systems', /\b(?:delet|eras|remov|purg|wip)\w*\b[^.;]{0,60}\bfrom (?:our|the|its|their) (?:servers?|systems?|databases?|records|archives)\b|\bpermanently (?:delet|eras|remov)\w*/, 2.5, 1),
  // The user's wish or decision to have it deleted ("if you would like your account deleted, write to us").
  rule('deletion', 'wish-deleted', /\byou\b (?:\w+ ){0,2}?(?:want|wish|would like|decide|choose|prefer)\w*\b[^.;]{0,40}\b(?:delet(?:e|ed|ion)|eras(?:e|ed|ure))\b/, 2.5, 1.5),
  rule('deletion', 'delete-data', /\b(?:delet\w+|eras\w+|remov\w+)\b[^.;]{0,40}\b(?:your |their |personal |any )?(?:data|information|content|materials|uploads|posts|photos)\b/, 2, 0.5, { userActorStance: 2 }),

  // user-rights
  // A right granted in a licence ("you grant the users the right to access your materials", "we grant you the right
  // to access the content") is a permission over content, not a data-protection right.
  rule('user-rights', 'right-to', /(?<!\bgrant\w*\b[^.;]{0,60})(?<!\breserves? the )\bright (?:of|to) (?:access|rectif\w+|correct\w*|portab\w+|data portability|object|restrict\w*|withdraw|lodge|complain\w*|know|request)\b|\bright to ask (?:us )?(?:to )?(?:stop|limit|restrict|correct|access|see)\b|\b(?:access|correction) requests?\b|\brequests? (?:to know|to access|to correct|(?:the )?correction of)\b|\byour (?:privacy |data protection |choices and )?rights\b(?! (?:and obligations )?under (?:this|these|the) (?:agreement|terms|contract)\b)/, 3, 2),
  rule('user-rights', 'you-can-request', /\byou (?!(?:can|may) not\b)(?:can|may|are able to|have the right to|are entitled to)\b[^.;]{0,30}\b(?:request|ask|access(?! (?:it |them |this |these |the \w+ )?(?:at|on|via|through|from|here|online)\b)|obtain|export|download|correct|rectify|update|review|object|restrict|limit|opt[- ]?out(?! (?:of|from) (?:receiving\b|(?:this |the |our |these )?(?:arbitration|agreement to arbitrate|class action)))|withdraw|complain\w*|lodge|file a complaint)\b/, 2.5, 2),
  // A copy of the data, or of the user's own content (not "don't copy or download content" of others, a rule of conduct).
  // The rights named by what they ask for, whoever asks ("the user may request the portability of their data", "request
  // restriction of or object to our processing", "withdraw consent at any time").
  // How to exercise the rights a data-protection law gives ("how to exercise your rights under the Brazilian General Data
  // Protection Law"): the rights are named by the law they come from.
  // Or the rights just listed ("to exercise any of these rights, write to us"), not the company's own ("we may exercise
  // these rights without notice").
  rule('user-rights', 'exercise-rights', /\bexercis(?<!\b(?:we|us)\b[^.;]{0,30}exercis)\w+ (?:any |all |either |one )?(?:of )?(?:these|those|the above) rights\b|\b(?:exercis\w+|learn (?:more )?about) (?:your|their|these|those|such) (?:\w+ ){0,2}?rights\b[^.;]{0,80}\b(?:data protection|privacy|personal (?:data|information))\b|\brights? under (?:the |applicable )?(?:\w+ ){0,4}?(?:data protection|privacy) (?:laws?|acts?|regulations?)\b/, 2.5, 1),
  rule('user-rights', 'request-right', /\b(?:request|ask for|obtain|exercise)\b[^.;]{0,20}\b(?:restriction|rectification|erasure|portability|correction)\b|\bobject to (?:our |the |any |such )?(?:processing|use of (?:your|their|his or her) (?:personal )?(?:data|information))\b|\bwithdraw (?:your |their |his or her )?consent\b|\brectify\b/, 3, 2),
  rule('user-rights', 'copy-export', /\b(?:copy|archive|export|download)\b[^.;]{0,30}?\b(?:of )?(?:(?:your|my|the|all|any|certain) )?(?:\w+ )?(?:data|information)\b|\b(?:copy|archive|export|download)\b[^.;]{0,30}?\b(?:your (?:\w+ )?content|content (?:that )?you (?:post|posted|provide|provided|upload|uploaded|create|created|share|shared))\b|\bdata portability\b|\bmachine-readable\b|\bstructured,? commonly used\b/, 2, 1.5),
  rule('user-rights', 'complaint', /\b(?:complaints?|supervisory authorit(?:y|ies)|data protection (?:authorit(?:y|ies)|officers?)|\bdpo\b|lodge)\b/, 2, 1),
  rule('user-rights', 'rights-list', /\b(?:access|correct\w*|rectif\w*|updat\w*|amend\w*|copy|copies)\b[^.]{0,100}\b(?:delet\w*|eras\w*)\b|\b(?:delet\w*|eras\w*)\b[^.]{0,100}\b(?:access|correct\w*|rectif\w*|object|restrict\w*|portab\w*)\b/, 4, 1.5),
  rule('user-rights', 'data-subject', /\bdata subject\b|\bsubject access\b|\bgdpr\b/, 2, 1),
  // The representative in the EU or the UK (GDPR Art. 27) is where people there exercise their rights: named, it is a
  // passing mention of the rights (PASSING_MENTION_RULES), neither a right granted nor one taken away.
  rule('user-rights', 'representative', /\b(?:eu|uk|european|gdpr|art(?:icle)?\.? ?27|data protection)(?: gdpr)? representatives?\b|\brepresentative (?:in|for|within) the (?:eu|uk|european union|united kingdom|eea|union)\b/, 2, 0),
  rule('user-rights', 'opt-out-third', new RegExp(`\\bopt[- ]?out\\b[^.;]{0,60}\\b${THIRD}`), 1.5, 1.5),

  // state-privacy-rights
  rule('state-privacy-rights', 'state-law', /\b(?:ccpa|cpra|california consumer privacy act|california (?:residents?|privacy rights)|shine the light|vcdpa|virginia|colorado|connecticut|utah|nevada|texas) (?:residents?|consumers?|law|privacy)|\bccpa\b|\bcpra\b|\bshine the light\b/, 3.5, 0.5),

  // international-transfer
  rule('international-transfer', 'transfer-abroad', /\b(?:transferr?\w*|stored?|process\w*|hosted|located|maintain\w*|accessed)\b[^.;]{0,80}\b(?:outside (?:of )?(?:your|the|its)|other countr\w+|another country|abroad|united states|\busa\b|\bu\.s\.|internationally|around the world|anywhere in the world|all over the world|across (?:national |international )?borders|cross-border|(?:any|other) (?:country|countries|jurisdiction)|(?:various|several|multiple|many|numerous|different) (?:other )?(?:countries|jurisdictions)|home country|third countr(?:y|ies)|countr(?:y|ies) other than)/, 3.5, -1, { negatedStance: 2 }),
  rule('international-transfer', 'safeguards', /\b(?:standard contractual clauses|adequacy decision|privacy shield|binding corporate rules|(?<!\b(?:based|located|resident|residents|residing|live|living|users|individuals|people|visitors|customers|consumers|you are|you're) (?:in|of|from) (?:the )?)(?:european economic area|\beea\b)|international (?:data )?transfers?|adequate level of (?:data )?protection|cross-border (?:data )?(?:transfers?|processing|flows?)|data privacy framework)\b|\bcountr(?:y|ies)\b[^.;]{0,60}\b(?:laws?|rules|standards)\b[^.;]{0,30}\b(?:less (?:strict|protective)|not (?:as )?(?:protective|strict)|weaker)\b|\b(?:countr(?:y|ies)|jurisdictions?)\b[^.;]{0,40}\b(?:differ\w*|less (?:strict|protective)|lower|weaker|not (?:as )?(?:protective|strict))\b[^.;]{0,30}\b(?:laws?|standards|protection|rules)\b/, 3, -0.5),

  // Where the servers are: "stored on servers located in Ireland", "hosted in data centres within the EU".
  rule('international-transfer', 'server-location', /\bwhere we (?:store|process|host) (?:your )?(?:personal )?(?:data|information)\b|\bdata (?:location|residency|locali[sz]ation)\b|\b(?:store|stores|stored|storing|host|hosts|hosted|hosting|keep|kept)\b (?:\w+ ){0,3}?(?:data|information)\b[^.;]{0,20}\b(?:in|within) (?:europe|the (?:eu|eea|uk|united kingdom|european union|european economic area))\b|\bwhere (?:your |we |the )?(?:personal )?(?:data|information) (?:is|are) (?:stored|processed|hosted)\b|\b(?:providers|vendors|processors|sub-?processors|partners|recipients|affiliates)\b (?:\w+ ){0,2}?based outside\b|\b(?:servers?|data ?cent(?:er|re)s?)\b[^.;]{0,30}\b(?:located|based|hosted|housed|situated) (?:in|within)\b(?! (?:our|your|a|an|secure|(?:the )?(?:cloud|same))\b)|\b(?:stored|hosted|housed|kept) (?:on|in|at) (?:our |third-party |secure )?(?:servers?|data ?cent(?:er|re)s?)\b[^.;]{0,20}\b(?:in|within)\b(?! (?:our|your|a|an|secure|(?:the )?(?:cloud|same))\b)/, 3, -0.5),

  // Data that stays where the user is: "your health data never leaves your device", "stored only in the EU".
  rule(null, 'data-stays-local', /\bnever leaves? (?:your|the|its)\b|\b(?:does not|doesn't|do not|don't|will not|won't) leave (?:your|the|its)\b|\bstays? (?:on|in|within) (?:your|the user's) (?:own )?(?:device|phone|computer|browser|country|region)\b|\b(?:stays?|remains?) local\b|\b(?:stored|kept|processed|hosted|held)\b[^.;]{0,20}\b(?:only|exclusively|solely)\b[^.;]{0,30}\b(?:in|within|on) (?:the (?:eu|eea|european union|european economic area|uk|united kingdom)|europe|your (?:own )?(?:device|country|phone|computer))\b/, 0, 2.5),

  // security
  // A social security number is an identifier, not the security of data.
  rule('security', 'security', /(?<!\bsocial )\bsecur(?:ity|e|ely)\b(?! (?:numbers?|deposits?)\b)/, 2, 0.5),
  rule('security', 'measures', /\b(?:encrypt\w*|end-to-end|ssl|tls|https(?!:)|safeguards?|firewalls?|access controls?|technical and organi[sz]ational|hash(?:ed|ing)|secure servers?|penetration test\w*|security audits?)\b|\b(?:access|accessible)\b[^.;]{0,40}\b(?:limited|restricted)\b (?:only )?to (?:authori[sz]ed|those|employees|staff|personnel)\b|\bneed[- ]to[- ]know\b|\b(?:limit|restrict)\w* access\b[^.;]{0,40}\bto (?:authori[sz]ed|those|employees|staff|personnel)\b|\bwe\b[^.;]{0,20}\b(?:test|audit|scan)\w*\b[^.;]{0,30}\bfor (?:security )?vulnerabilit\w+/, 2, 1.5),
  rule('security', 'two-factor', /\b(?:two[- ]factor|2fa|multi[- ]factor|two[- ]step)\b/, 3.5, 2),
  // A breach of data or security, not of contract ("if you breach these terms"). Naming a breach protects no one: the cue
  // carries no stance (a notice of it is favourable through 'notify'), so a passage naming one in passing reads as it reads.
  rule('security', 'breach', /\b(?:data|security|privacy|personal (?:data|information)) breach(?:es)?\b|\bbreach(?:es)? (?:of|affecting|involving) (?:security|(?:your |the )?(?:personal(?:ly)? \w+ )?(?:data|information))\b|\bunauthori[sz]ed (?:access|disclosure|use)\b/, 2, 0),
  // Protecting the data, not "privacy" in general: "we are committed to protecting your privacy" opens many policies
  // and describes no safeguard.
  // The account's safety in the user's hands or at risk: passwords kept secret, an account compromised, hackers.
  rule('security', 'account-safety', /\bask (?:you )?for your (?:password|login details|credentials)\b|\bphishing\b|\b(?:strong|unique)\b[^.;]{0,12}\bpasswords?\b|\bconfidential\w* of (?:your |their |the )?(?:passwords?|login|credentials|account)|\b(?:accounts?|data|information)\b (?:is|are) (?:\w+ )?protected\b|\b(?:passwords?|login credentials|credentials)\b[^.;]{0,40}\b(?:confidential|secret)\b|\b(?:accounts?|passwords?|credentials|data|information|systems?)\b[^.;]{0,30}\b(?:compromised|hacked)\b|\bhackers\b|\bcyber-?attacks?\b|\b(?:data|information|details|accounts?)\b (?:\w+ ){0,2}?(?:safe|safely)\b/, 2, 0.5, { negatedStance: 0.5 }),
  // Data left unprotected: "we store passwords in plain text" (and "we never store them unencrypted" the promise).
  rule(null, 'unprotected', /\b(?:stor|kept|keep|sav|sen[dt]|transmit)\w* (?:\w+ ){0,3}?in (?:plain ?text|clear ?text|unencrypted form)\b/, 0, -1.5),
  // Data moved or kept with no protection: "transferred across borders without additional safeguards".
  rule(null, 'without-safeguards', /\bwithout (?:any |adequate |appropriate |additional |further |the same )*(?:safeguards|protections?|security measures|encryption)\b/, 0, -2),
  // The platform itself shut out of the data: "we have no access to your encrypted files", "we cannot read your messages".
  rule(null, 'no-access', /\b(?:we|us|our (?:staff|employees|team)|(?:employees|staff)|nobody|no one|not even us|even we)\b (?:\w+ )?(?:have no|do not have|don't have|never have|cannot|can't|can not|are unable to|will never be able to|are not able to)\b (?:\w+ )?(?:access|see|read|view|decrypt|listen to)\w*\b/, 0, 2),
  // Staff who may look at what the user keeps private: "employees may access your content to provide support". Not the
  // safeguard "only authorised employees may access it".
  rule(null, 'staff-access', /(?<!\b(?:only|authori[sz]ed|designated) )\b(?:employees|staff|personnel|contractors|moderators|reviewers)\b[^.;]{0,30}\b(?:may|can|will|might|could)\b (?:\w+ )?(?:access|read|view|see|review|listen to)\b[^.;]{0,30}\b(?:your|users'|the) (?:\w+ )?(?:content|messages|files|data|information|recordings|conversations|photos)\b|\b(?:visible|accessible) to (?:our )?(?:employees|staff|personnel)\b/, 0, -1.5),
  rule('security', 'protect', /\bprotect\w*\b[^.;]{0,30}\b(?:data|information)\b/, 1.5, 1),

  // children
  // Also teenagers ("teen accounts").
  rule('children', 'children', /\bchild(?:ren)?(?:'s)?\b|\bminors?\b|\bkids\b|\bteen(?:s|agers?)?\b|\bcoppa\b|\bparental consent\b/, 2.5),
  rule('children', 'children-data', /\b(?:collect|personal (?:information|data))\b[^.;]{0,60}\b(?:children|minors|an? child|an? minor|under (?:the age of )?(?:13|16|thirteen|sixteen))\b|\bparent or (?:legal )?guardian\b/, 1.5),

  // A child's data collected on purpose, or only with a parent's consent; an account private by default.
  rule(null, 'knowingly-collect', /\bknowingly (?:collect|gather|solicit|obtain|process|receive|request)\w*\b/, 0, -1.5),
  rule(null, 'parental-consent', /\b(?:with|only with|requires?|obtain\w*|verifiable) (?:the )?parental (?:consent|permission)\b|\b(?:with|only with) the (?:consent|permission) of (?:a|their|the|his or her) parents?\b/, 0, 1),
  rule(null, 'private-by-default', /\b(?:private|opted out) by default\b|\bby default\b[^.;]{0,20}\b(?:private|opted out)\b/, 0, 1.5),
  rule(null, 'public-by-default', /\b(?:public|opted in|shared|visible to (?:everyone|anyone|the public)) by default\b/, 0, -1),
  // Data deleted at once: "if we learn we hold a child's data, we will delete it promptly".
  rule(null, 'prompt-deletion', /\b(?:delet|eras|destroy|purg)\w* (?:(?:the|that|this|such|your|their|any|all) )?(?:(?:personal )?(?:data|information|details|records)|it|them) (?:\w+ ){0,3}?(?:promptly|immediately|as soon as (?:possible|practicable)|without (?:undue )?delay)\b|\b(?:promptly|immediately|without (?:undue )?delay) (?:delete|erase|destroy|purge)\w* (?:(?:the|that|this|such|your|their|any|all) )?(?:(?:personal )?(?:data|information|details|records)|it|them)\b/, 0, 1),

  // communications
  // Receiving promotions is no gain for the user; being able to stop them is.
  rule('communications', 'promotional', /\b(?:newsletters?|promotional|marketing) (?:e-?mails?|(?:text )?messages|communications|materials|offers|texts|sms|calls)\b|\bcommercial (?:e-?mails?|messages)\b|\bsend you (?:\w+ ){0,2}?(?:newsletters?|promotions|promotional \w+|marketing \w+)\b|\bsend you information about (?:our |new )?(?:products|services|offers|events)\b/, 3, -1),
  rule('communications', 'unsubscribe', /\bunsubscrib\w+\b|\bwithdraw (?:your )?consent to (?:receiving )?(?:marketing|promotional|newsletters?|direct marketing)\b|\bstop receiving\b|\breply(?:ing)? stop\b|\b(?:e-?mail|communications?|notification|marketing|contact|subscription) (?:preferences|settings)\b|\bopt[- ]?out of (?:receiving|marketing|promotional|communications|emails)\b|\bopt[- ]?out of (?:any |all |some |these |those |such |future |further |our )+(?:\w+ )?(?:communications|e-?mails|messages|newsletters|contacts|mailings|notifications)\b/, 3, 1.5),
  rule('communications', 'contact-us', /\bcontact (?:us|our)\b|\b(?:questions|complaints|inquiries|enquiries|concerns|comments)\b[^.;]{0,60}\b(?:directed|sent|addressed|submitted) to\b|\b(?:help ?desk|support team|customer (?:support|service)|questions (?:about|regarding))\b|\bemail us\b|\bget in touch\b|\bwrite to us\b/, 2, 1),
  // Messages about the service itself, and consent to be contacted electronically or by automated calls.
  rule('communications', 'service-messages', /\bservice announcements\b|\b(?:communications?|messages|e-?mails|texts) (?:from|with) us\b|\bcommunicat\w+ with you\b|\belectronic (?:communications|notices)\b/, 2.5, 0),
  // The platform writing to or calling the user: "you may receive texts from us", "we will contact you by email". ("We will send
  // you an email" is left out: it is how notice of other things, such as changed terms, is given.)
  rule('communications', 'we-contact', /\breceive (?:\w+ ){0,2}?(?:e-?mails?|texts?|sms|calls|messages|notifications|newsletters?|communications) from us\b|\b(?:we|us)\b (?:may |will |might |can |also )*(?:contact|e-?mail|call|text) you\b/, 2.5, 0),
  rule('communications', 'automated-calls', /\bauto-?dial\w*|\bautomated (?:telephone )?dial\w*|\bpre-?recorded (?:messages|calls|voice)|\bautomatic telephone dialing\b|\btcpa\b/, 3, -1.5),
  rule('communications', 'maintenance', /\b(?:maintenance|down-?time|outages?)\b/, 2, 0.5),
  rule('communications', 'messages', /\b(?:e-?mails?|sms|text messages?|push notifications|newsletters?)\b/, 0.8),
];
