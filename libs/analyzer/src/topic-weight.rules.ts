import { PASSING_MENTION_RULES } from './analyzer.constants';
import { ClauseTypeMatch } from './analyzer.types';
import type { ChangeTexts } from './severity.scorer';

// How much a clause type weighs in one change, from what the clause names: the object its topic is about (personal data,
// the user's content, a party held liable), whether it names the topic only in passing, whether it is a use of the
// service that users must not make, and the recipients that make sharing and advertising heavy.

// Rules of conduct: a clause read as one of these in French, German or Spanish is read, not judged by its size; and in a
// use the user must not make (isConductRule) these types keep their weight while the topics the use names weigh low.
export const CONDUCT_TYPES = new Set(['acceptable-use', 'content-moderation', 'eligibility', 'ip-infringement']);

// A list's lead-in that forbids the user something ("You may not use the Services to:", "Do not:"), or introduces uses of
// the service ("This covers any use of our services to:"); not what the platform does with data ("We use your
// information to:"), nor a privacy right named by its forbidding words ("Do Not Sell or Share My Personal Information").
const FORBIDDING_LEAD = /^\W*(?:you (?:may|must|shall|will|agree|can)(?: not|n't)|you agree not to|(?:please )?(?:do not|don't|never)|(?:the following (?:uses|activities|conduct) (?:are|is) )?(?:prohibited|not permitted|not allowed|forbidden))\b[^:]*:\s*$/i;
// A lead-in whose last words forbid, whatever comes first: "Comply with applicable laws, for example, do not:".
const FORBIDDING_LEAD_END = /\b(?:do not|don't|never|must not|may not|shall not|should not|cannot|can't)\s*:\s*$/i;
const USES_LEAD = /\b(?:using|use of|usage of|use) (?:of )?(?:our|the|its|any of our) (?:\w+ )?(?:products?|services?|platforms?|sites?|apps?|apis?|models?|tools?)\b[^:]*\bto:\s*$/i;
// A heading that forbids: "Do Not Compromise Children's Safety", "Prohibited uses".
const FORBIDDING_HEADING = /^\W*(?:do not|don't|never|prohibited|forbidden|you (?:may|must) not)\b/i;
// A data practice named in the forbidding words: the user's right to stop it, not a rule of conduct.
const PRACTICE_NAMED = /\b(?:sell|sale|share|sharing|track|tracking|personal|my)\b/i;

// Community rules in the platform's voice: "We don't allow content that reveals sensitive information", "Pinterest isn't
// a place for pornography". What they name (sensitive information, drugs, weapons) is what users must not post, not a
// practice of the platform's; "we do not allow advertisers to use your data" names no content and stays a practice.
const WE_FORBID = /^\W*(?:we (?:do not|don[’']t|will not|won[’']t|never) (?:allow|permit|tolerate|accept)|(?:[\w’']+ )?(?:is not|isn[’']t|is no|are not|aren[’']t) (?:a |the )?place for)\b[^.:]{0,80}?\b(?:content|behaviou?rs?|conduct|posts?|accounts?|activit(?:y|ies)|images?|videos?|pins?|comments?|speech|material)\b/i;

// A rule the user is told to follow, in the imperative: "Comply with all applicable advertising laws", "Adhere to our
// guidelines", "Make sure you're posting to the right boards". What it names (advertising, payments, security) is what
// the user must do, not a practice of the platform's; advice on the user's own settings ("Review your privacy settings")
// is not written so.
const USER_IMPERATIVE = /^\W*(?:(?:always|please) )?(?:comply with|adhere to|abide by|refrain from|follow (?:our|the|all|any|these|applicable|local)|respect (?:the|other|others|our|all|applicable|people|local)|obey|make sure (?:that )?(?:you|your)|be (?:respectful|kind|honest|authentic|truthful|civil|transparent))\b/i;

/** Whether the clause states a use of the service that users must not make (a forbidding lead-in, heading or sentence). */
export function isConductRule(t: ChangeTexts): boolean {
  const lead = t.lead ?? '';
  const heading = t.heading ?? '';
  const text = t.after ?? t.before ?? '';
  if (WE_FORBID.test(lead) || WE_FORBID.test(text) || USER_IMPERATIVE.test(text)) return true;
  if (lead && (/^\W*(?:we|our)\b/i.test(lead) || PRACTICE_NAMED.test(lead))) return false;
  return FORBIDDING_LEAD.test(lead) || FORBIDDING_LEAD_END.test(lead) || USES_LEAD.test(lead) || (FORBIDDING_HEADING.test(heading) && !PRACTICE_NAMED.test(heading));
}

// A type weighs as its topic only where the clause (with its heading and list lead-in) names what the topic is about; a
// licence is over the user's content only where the clause names something the user posts or provides: a page "based
// on a Creative Commons licensed policy", open-source software "licensed under" its licence or a "licensed" payment
// institution license nothing of the user's, and their change weighs as a clarification (low), whatever the topic.
const USER_WORK = /\b(?:content|posts?|posted|posting|submi(?:t|ts|tted|tting|ssions?)|upload\w*|materials?|photos?|pictures?|images?|videos?|recordings?|audio|music|feedback|suggestions?|ideas|contributions?|creations?|works?|inputs?|outputs?|comments?|reviews?|name|likeness|moral rights|inhalt\w*|beitr[äa]g\w*|contenus?|publications?|contenidos?|publicaciones)\b/i;
// What the platform collects, uses or shares is personal data: a "shared purpose", a "Platform Share" fee, a plan "solely
// for personal use" or "contact us for commercial purposes" in terms of service is no practice on the user's data.
const PERSONAL_DATA = /\b(?:data|information|(?:contact|payment|account|card|billing|personal|bank) details|profiles?|(?:your|user|users'|customer|member) (?:content|files|documents|code)|contacts|contact (?:lists?|information)|identifiers?|(?:ip|postal|mailing|e-?mail|home) address(?:es)?|phone numbers?|(?:your|full|real|user) names?|date of birth|birthday|gender|photos?|pictures?|videos?|voice|recordings?|messages|chats?|conversations?|device (?:id|identifiers?|information)|browsing|usage (?:data|information)|(?:your|online|browsing|user) activit(?:y|ies)|purchases?|transactions?|credit cards?|face|facial|fingerprints?|cookies?|location|biometric\w*|health|donn[ée]es|informations|daten|angaben|datos|informaci[óo]n)\b/i;
// Tracking follows people or their devices: "to track incoming and outgoing funds" follows money.
const TRACKED = /\b(?:cookies?|pixels?|beacons?|tags?|sdks?|identifiers?|fingerprint\w*|devices?|browsers?|browsing|activit(?:y|ies)|visits?|visitors?|users?|you|your|across|online|ads?|advertis\w*|analytics|personal|data|information|traceurs?|témoins?|daten|datos|rastre\w*)\b/i;
// A limit of the platform's liability says that it is not liable, warrants nothing, or caps what it owes: "harm to
// minors" in a rule of conduct, "losses" in a description, or "the responsible use of our products", limits nothing.
const LIABILITY_ACT = /\b(?:liab\w*|warrant\w*|as[- ](?:is|available)|disclaim\w*|(?:not|are|is|be|remain|solely|fully|held|takes?|assumes?|accepts?)\s+(?:\w+\s+)?responsib\w*|responsib\w*\s+(?:for|to)\b|own risk|sole risk|guarant\w*|(?:exclu|limit)\w*[^.;]{0,40}\b(?:damages?|loss(?:es)?)|(?:damages?|loss(?:es)?)[^.;]{0,40}\b(?:exclu|limit)\w*|haft\w*|gewährleist\w*|responsabilit\w*|garanti\w*|responsabilidad\w*|garant[íi]\w*)/i;
// Children's privacy weighs as one where the clause is about the children's data; an age limit, or a parent's
// permission to use the service or to accept the terms, is eligibility wording (low), though it names minors.
const CHILD_DATA = /\b(?:data|information|collect\w*|privacy|coppa|donn[ée]es|daten|datos)\b/i;
const WEIGHT_NEEDS_OBJECT: Readonly<Record<string, RegExp>> = {
  children: CHILD_DATA,
  'content-license': USER_WORK,
  // Ownership of content or outputs, not of "the entity listed on your profile" or of a business.
  'content-ownership': USER_WORK,
  'data-collection': PERSONAL_DATA,
  'data-use': PERSONAL_DATA,
  'data-sharing': PERSONAL_DATA,
  // Disclosure to authorities is of the user's data: an account locked at a court's request discloses nothing.
  'law-enforcement': PERSONAL_DATA,
  tracking: TRACKED,
  liability: LIABILITY_ACT,
};

// Training weighs as its topic (the rubric's "user content or personal data used to train AI") only where the sentence
// that names it, or the list's lead-in or heading, names what is trained on as the users' own: "we use your prompts to
// train our models", "content you submit". A page that points to the "training methods" it publishes, or a model's
// "training process" explained, trains on nothing of the user's.
const USERS_MATERIAL = /\b(?:your|users'?|user's|customers'?|members'?|people's|personal)\s+(?:own\s+|public\s+|private\s+)?(?:content|data|information|inputs?|prompts?|queries|conversations?|chats?|messages|posts?|uploads?|submissions?|photos?|images?|videos?|recordings?|voice|outputs?|interactions?|feedback|works?|materials?|files?|documents?|activity|details)\b|\b(?:content|data|information|inputs?|prompts?|queries|conversations?|chats?|messages|posts?|materials?|photos?|images?|videos?|recordings?|files?|documents?)\s+(?:that\s+)?(?:you|users)\s+(?:provide|submit|upload|post|share|create|enter|input|type|generate|produce|give|send|make available)|\b(?:data|information|content) (?:(?:that )?we )?(?:collect|hold|receive|process|obtain)\w* (?:about|from) (?:you|users)\b|\bpersonal (?:data|information)\b|\b(?:vos|tes|ihre|deine|sus|tus)\s+(?:données|contenus?|informations|daten|inhalte|datos|contenidos?)\b/i;
const SENTENCE_END = /[.!?](?=\s)/g;

// A sentence that refers back ("We also use it to train our models"): what it trains on is named in the sentence before.
const REFERS_BACK = /\b(?:it|them|this|these|those|such)\b/i;

/**
 * The sentence of a text that holds a piece of evidence (matched without regard to case), with the sentence before it
 * when it refers back to it; null when the evidence is not found.
 */
function sentenceHolding(text: string, evidence: string): string | null {
  const at = text.toLowerCase().indexOf(evidence.toLowerCase());
  if (at < 0) return null;
  let previous = 0;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(SENTENCE_END)) {
    const stop = (m.index ?? 0) + 1;
    if (stop <= at) {
      previous = start;
      start = stop;
    } else if (stop >= at + evidence.length) {
      end = stop;
      break;
    }
  }
  const sentence = text.slice(start, end);
  return REFERS_BACK.test(sentence) ? text.slice(previous, end) : sentence;
}

// The cues whose sentences are read: each distinct one once, and a few (a page repeating a cue thousands of times is
// read in the time of a few).
const CUES_READ = 8;

function cuesOf(m: ClauseTypeMatch): string[] {
  return [...new Set(m.evidence.map((e) => e.text.trim()))].slice(0, CUES_READ);
}

/** Whether a clause's training cues name the users' own material as what is trained on (in their sentence, lead-in or heading). */
export function trainsOnUsersMaterial(m: ClauseTypeMatch, t: ChangeTexts): boolean {
  if (USERS_MATERIAL.test(t.lead ?? '') || USERS_MATERIAL.test(t.heading ?? '')) return true;
  const texts = [t.after, t.before].filter((x): x is string => !!x);
  return cuesOf(m).some((cue) => {
    const sentences = texts.map((x) => sentenceHolding(x, cue)).filter((x): x is string => x !== null);
    // A cue found in neither text (read across the changed words only) is given the benefit of the doubt.
    return sentences.length === 0 || sentences.some((x) => USERS_MATERIAL.test(x));
  });
}

// Sensitive data weighs as its topic where the platform collects or uses it; advice to the user not to share it ("avoid
// sharing your own or others' personal information, especially sensitive personal data") describes no practice.
const ADVICE_TO_USER = /\b(?:avoid|refrain from|do not|don't|never|please (?:do not|don't|be careful)|you should (?:not|avoid)|we (?:recommend|advise|encourage|ask) (?:that )?you|be careful)\b/i;
const PLATFORM_ACT = /\bwe\b[^.;]{0,40}\b(?:collect|process|use|obtain|receive|store|keep|infer|share|disclose|sell|analy[sz]e|scan|verify|require|ask for)\w*\b|\b(?:is|are|will be|may be)\s+(?:collected|processed|used|obtained|stored|inferred|shared|disclosed)\b/i;

// Arbitration the user may invoke, as a recourse offered to them ("the Privacy Shield Framework provides the right to
// invoke binding arbitration", "you may elect to resolve the claim by arbitration"), is no waiver imposed on them: the
// rubric's critical is arbitration that replaces the courts. A sentence that also waives, excludes or makes it binding on
// all disputes is not one of these.
const ARBITRATION_OFFERED = /\b(?:right to (?:invoke|elect|request|initiate|demand|pursue|seek)|(?:you|users?|individuals?|consumers?|customers?|data subjects?) (?:may|can|have the (?:right|option) to) (?:also )?(?:invoke|elect|choose|request|initiate|opt for|pursue|seek))\b[^.;]{0,60}\barbitrat/i;
const ARBITRATION_IMPOSED = /\b(?:waiv\w*|class|jury|exclusive\w*|mandatory|must|shall be (?:resolved|settled|decided)|will be (?:resolved|settled|decided)|all (?:disputes|claims))\b/i;
export const OFFERED_ARBITRATION_WEIGHT = 2;

/** Whether every sentence naming arbitration offers it to the user as a recourse they may invoke. */
export function arbitrationOffered(m: ClauseTypeMatch, t: ChangeTexts): boolean {
  const texts = [t.after, t.before].filter((x): x is string => !!x);
  const sentences = cuesOf(m).flatMap((cue) => texts.map((x) => sentenceHolding(x, cue)).filter((x): x is string => x !== null));
  return sentences.length > 0 && sentences.every((x) => ARBITRATION_OFFERED.test(x) && !ARBITRATION_IMPOSED.test(x));
}

// "Sensitive information" named where the platform protects it ("we use encryption when transmitting … sensitive
// information") is a security measure, not the collection of sensitive data: the generic words only, not a kind of it
// (biometrics, health, location), which the other rules name.
const GENERIC_SENSITIVE = /^sensitive (?:personal )?(?:data|information)$/i;
const PROTECTS = /\b(?:encrypt\w*|firewalls?|safeguard\w*|protect\w*|secur(?:e|ed|ely|ity)|ssl|tls|https)\b/i;

/** Whether sensitive data is named only by its generic words, in sentences about protecting it. */
export function protectedOnly(m: ClauseTypeMatch, t: ChangeTexts): boolean {
  if (!m.evidence.length || !m.evidence.every((e) => GENERIC_SENSITIVE.test(e.text.trim()))) return false;
  const texts = [t.after, t.before].filter((x): x is string => !!x);
  const sentences = cuesOf(m).flatMap((cue) => texts.map((x) => sentenceHolding(x, cue)).filter((x): x is string => x !== null));
  return sentences.length > 0 && sentences.every((x) => PROTECTS.test(x));
}

/** Whether every sentence naming the type advises the user (not to share it) without the platform doing anything with it. */
export function adviceOnly(m: ClauseTypeMatch, t: ChangeTexts): boolean {
  const texts = [t.after, t.before].filter((x): x is string => !!x);
  const sentences = cuesOf(m).flatMap((cue) => texts.map((x) => sentenceHolding(x, cue)).filter((x): x is string => x !== null));
  return sentences.length > 0 && sentences.every((x) => ADVICE_TO_USER.test(x) && !PLATFORM_ACT.test(x));
}

// The rubric's high is "precise location collection added"; location named without its precision ("location data",
// "your location") is a new category of data (medium), unless the clause says how precise it is: GPS, precise, real
// time, coordinates, in the background.
const PRECISE_LOCATION = /\b(?:gps|precise(?:ly)?|exact|accurate|real[- ]time|latitude|longitude|coordinates|geo-?locat\w*|background location|location in the background|continuous(?:ly)?|street[- ]level|pr[ée]cises?|genaue?n?|pr[äa]zise?n?|precisas?|exactas?)\b/i;
export const IMPRECISE_LOCATION_WEIGHT = 2;

/** Whether sensitive data was read only from a location cue, in a clause that does not say the location is precise. */
export function impreciseLocationOnly(m: ClauseTypeMatch, names: (object: RegExp) => boolean): boolean {
  return m.evidence.length > 0 && m.evidence.every((e) => e.rule === 'location') && !names(PRECISE_LOCATION);
}

// What the user posts or uploads (not their feedback on the service): the object of the rubric's licence on content.
const POSTED_CONTENT = /\b(?:(?:your|user|users'|user's) (?:content|posts?|photos?|videos?|images?|uploads?|works?|materials?|creations?|inputs?|outputs?|recordings?|music)|content (?:that )?you (?:post|upload|submit|share|create|make available)|user[- ]generated content)\b/i;

// The user granting the platform rights: "you grant us", "by posting content you license".
const USER_GRANTS = /\byou (?:hereby )?(?:grant|give|license|licence|authori[sz]e|assign)\b|\bby (?:posting|submitting|uploading|sharing|providing)\b/i;

// A passing mention that is a notice of its own when the clause is about it: "if a data breach affects your data, we
// will tell you". "GDPR" or a representative named is never a right stated.
const NOTICE_WHEN_LEADING = new Set(['security']);

/** Whether a licence's cues are those of feedback the platform may use freely, and of a licence in general, only. */
function feedbackOnly(m: ClauseTypeMatch): boolean {
  return m.evidence.some((e) => e.rule === 'feedback-use') && m.evidence.every((e) => e.rule === 'feedback-use' || e.rule === 'feedback' || e.rule === 'license');
}

/**
 * A type's weight in this change: its topic's, unless the clause lacks the object that the topic is about, or names the
 * topic only in passing ("the risk of harm from unauthorized use" in a clause on retention is no security notice). `leads`:
 * the type is the clause's subject alone (no other type read as strongly: "to keep your account secure" in a purpose
 * of use is no security notice).
 */
// Disclosure to authorities is something handed over or answered: "you may lodge a complaint with your supervisory
// authority" or "complain to a regulator" names an authority to which nothing of the user's is disclosed.
const DISCLOSURE_ACT = /\b(?:disclos\w*|shar(?:e|es|ed|ing)|provid\w*|releas\w*|respond\w*|request\w*|access\w*|hand(?:s|ed)? over|turn(?:s|ed)? over|transfer\w*|produc\w*|subpoena\w*|warrants?|orders?|demands?|cooperat\w*|report\w*|preserv\w*|supply|supplied|give|given|send|sent|transmit\w*|obtain\w*|inform\w*|legal process|investigat\w*|communicat\w*|divulg\w*|communiqu\w*|transmet\w*|weitergeb\w*|[üu]bermittel\w*|herausgeb\w*|divulga\w*|comunica\w*|ceder|cesi[óo]n)\b/i;
const WEIGHT_NEEDS_ACT: Readonly<Record<string, RegExp>> = { 'law-enforcement': DISCLOSURE_ACT };

export function weightOf(m: ClauseTypeMatch, weight: number, names: (object: RegExp) => boolean, leads: boolean): number {
  if (namedOnly(m) && (!leads || !NOTICE_WHEN_LEADING.has(m.id))) return 1;
  // A licence the platform grants the user (to use its API or app) is no licence over the user's content, unless the
  // clause also has the user grant one.
  if (m.id === 'content-license' && m.evidence.some((e) => e.rule === 'license-to-user') && !names(USER_GRANTS)) return 1;
  // Feedback and suggestions the platform may use freely are not the content the user posts: a licence over them alone
  // weighs a level below the topic.
  if (m.id === 'content-license' && feedbackOnly(m) && !names(POSTED_CONTENT)) return weight - 1;
  const object = WEIGHT_NEEDS_OBJECT[m.id];
  const act = WEIGHT_NEEDS_ACT[m.id];
  return (!object || names(object)) && (!act || names(act)) ? weight : 1;
}

/** Whether the clause (either version, its heading and list lead-in) names an object; each pattern is tried once. */
export function namesIn(t: ChangeTexts): (object: RegExp) => boolean {
  const answers = new Map<RegExp, boolean>();
  // The new clause first: it names the object most often, and the texts are not joined.
  const texts = [t.after, t.before, t.lead, t.heading].filter((x): x is string => !!x);
  return (object) => {
    let found = answers.get(object);
    if (found === undefined) {
      found = texts.some((x) => object.test(x));
      answers.set(object, found);
    }
    return found;
  };
}

// The rubric's high in sharing and advertising is "new sharing with advertisers or data brokers": sharing with service
// providers, hosts or processors, and a platform marketing its own services, stay below it (medium at most) unless the
// clause names those recipients, or ads targeted on the user (interest-based, personalised, across other sites).
export const HEAVY_RECIPIENTS = /\b(?:advertis(?:ers?|ing (?:partners?|networks?|companies|platforms?))|ad (?:networks?|partners?|tech\w*|platforms?)|data brokers?|brokers?|resell\w*|(?:their|its) own (?:purposes|marketing|advertising|use)|independent (?:data )?controllers?|for (?:monetary )?consideration|in exchange for|targeted|interest[- ]based|personali[sz]ed (?:ads|advert\w*|marketing)|behaviou?ral (?:ads|advert\w*|marketing)|cross[- ](?:site|device|context)|retarget\w*|remarket\w*|(?:on|across) (?:other|third[- ]party) (?:websites|sites|apps|platforms|services)|annonceurs|publicit\w+ (?:cibl\w+|personnalis\w+)|werbetreibende\w*|personalisierte\w* werbung|anunciantes|publicidad personalizada)\b/i;
export const NEEDS_HEAVY_RECIPIENT = new Set(['data-sharing', 'advertising']);

/** Whether a rewording brought in the recipients or targeting that make sharing or advertising heavy. */
export function heavyBroughtIn(t: ChangeTexts): boolean {
  return HEAVY_RECIPIENTS.test(t.inserted) && !HEAVY_RECIPIENTS.test(t.before ?? '');
}

/** Whether a type's only cues name its subject without describing a practice (PASSING_MENTION_RULES). */
export function namedOnly(m: ClauseTypeMatch): boolean {
  const passing = PASSING_MENTION_RULES[m.id];
  return !!passing && m.evidence.length > 0 && m.evidence.every((e) => e.rule !== undefined && passing.includes(e.rule));
}

// The access right in its words (a copy, the right to know, portability), and deletion named beside it.
export const ACCESS_RIGHT = /\b(?:access|copy|copies|know|obtain|export|download|portab\w*|delet\w*|eras(?:e|es|ed|ing|ure)|auskunft|kopie|l[öo]sch\w*|daten[üu]bertragbarkeit|acc[eè]s|copie|portabilit[ée]|effacement|suppression|acceso|copia|portabilidad|supresi[óo]n)(?![\p{L}])/iu;
