import { HEAVY_TYPE_ACTS, MIN_TYPE_CONFIDENCE, TYPE_SPECIFICITY, TYPE_STANCE_LEAN } from './analyzer.constants';
import { Classification, ClauseTypeMatch, EvidenceSpan, Stance } from './analyzer.types';
import { ClauseRule } from './clause-rule.types';
import { intlRules } from './intl-rules.constants';
import { privacyRules } from './privacy-rules.constants';
import { termsRules } from './terms-rules.constants';
import { LiteralPrefilter, requiredLiteralAlternatives } from './rule.prefilter';
import { readStoredPrefilter, RulePrefilter, writeStoredPrefilter } from './rule-prefilter.store';
import { normalizeTypography } from './text.normalizer';

interface CompiledRule extends ClauseRule {
  /** Case-sensitive, run on lower-cased text: V8 matches these several times faster than with the i flag. */
  lower: RegExp;
  /** Case-insensitive fallback for texts whose lower-casing changes their length (a few non-ASCII letters). */
  folded: RegExp;
  /** Whether a negator inside the match ("we do not collect") negates it: not for rules that spell out a negation. */
  innerNegation: boolean;
  /**
   * Per alternative of the pattern, sets of literals of which every match along it contains one each (rule.prefilter.ts):
   * a text that misses a set of every alternative is not searched.
   */
  literals: string[][][] | null;
  /** A right or protection of the user's data, which the platform refusing it ("we may refuse a request to …") withholds. */
  refusable: boolean;
  /** A right over the user's data when the user acts ("you may delete your data"): denied, it is withheld from them. */
  rightOverData: boolean;
  /** A protection of the user's data or a promise (a privacy cue or a type-free stance cue), not a term of use. */
  protection: boolean;
}

// A rule whose pattern names a negator itself ("not (?:respond|honour)", "(?!can not)") decides what it means,
// so a negator inside its match is not read as negating it (the source is scanned for \bnot, \bno, \bnever, n't).
const SPELLED_NEGATION = /(?:\\b|\W)(?:not|no|never)\b|n't/;

const rules = [...privacyRules, ...termsRules, ...intlRules];
const sources = rules.map((r) => r.pattern.source);
// The literals and automaton of the prefilter, as the build stored them for these very rules, or computed here.
const { literals, prefilter } = readStoredPrefilter(sources) ?? computePrefilter();

function computePrefilter(): RulePrefilter {
  const required = sources.map(requiredLiteralAlternatives);
  return { literals: required, prefilter: new LiteralPrefilter(rules.length, required) };
}

/** Computes the rules' prefilter afresh and stores it beside the compiled analyzer (the build does, rule-prefilter.store.ts). */
export function storeRulePrefilter(file?: string): void {
  writeStoredPrefilter(sources, computePrefilter(), file);
}

// Rule sources are written in lower case (checked in clause.classifier.spec.ts), so the lower-cased text matches them.
export const compiledRules: CompiledRule[] = rules.map((r, index) => ({
  ...r,
  lower: new RegExp(r.pattern.source, 'g'),
  folded: new RegExp(r.pattern.source, 'gi'),
  innerNegation: !SPELLED_NEGATION.test(r.pattern.source),
  literals: literals[index],
  // The privacy rules come first in `rules`.
  refusable: index < privacyRules.length && r.stance > 0,
  rightOverData: index < privacyRules.length && (r.userActorStance ?? 0) > 0,
  protection: index < privacyRules.length || r.type === null,
}));
const compiled = compiledRules;

// Rules by clause type ('' for none), then by id: evidence is looked up with no key string built per span.
const byTypeAndId = new Map<string, Map<string, CompiledRule>>();
for (const r of compiled) {
  const type = r.type ?? '';
  const byId = byTypeAndId.get(type) ?? new Map<string, CompiledRule>();
  byId.set(r.id, r);
  byTypeAndId.set(type, byId);
}

/** Stance that one piece of evidence of a clause type carries (negation applied). */
export function evidenceStance(type: string, span: EvidenceSpan): number {
  const r = span.rule ? byTypeAndId.get(type)?.get(span.rule) : undefined;
  if (!r) return 0;
  return spanStance(r, span);
}

function spanStance(r: CompiledRule, span: EvidenceSpan): number {
  // A right of the user's over their data denied ("you may not delete the reviews you posted") is withheld from them.
  if (span.userActor && r.userActorStance !== undefined) return span.negated ? (r.rightOverData ? -r.userActorStance : 0) : r.userActorStance;
  // The user doing it without a stated right ("until you delete your account") is no power over them either.
  if (span.userSubject && r.userActorStance !== undefined) return 0;
  return span.negated ? (r.negatedStance ?? -r.stance) : r.stance;
}

// Negation reaches back to the start of the clause, at most a few words: "we do not sell or rent your data". The French,
// German and Spanish negators count too ("nous ne vendons pas", "wir verkaufen keine Daten", "nunca vendemos"); an
// accented letter ends a word for \b, so those words are anchored at their start only.
const NEGATOR = /\b(?:not|no|never|neither|nor|none|nothing|cannot|without|ne|jamais|aucun\w*|nicht|nie|niemals|kein\w*|nunca|ningun\w*|ninguna)\b|n't\b|\bno longer\b|\bn'(?!t\b)|\bjam[aá]s|\bning[uú]n/i;
// German puts "nicht" after the verb and its object ("wir verkaufen Ihre Daten nicht"): a negator a few words after the
// cue, in its clause, negates it.
const TRAILING_NEGATOR = /^\s+(?:[^\s.;:!?(),]+\s+){0,2}?(?:nicht|nie|niemals)\b/i;
const CLAUSE_BREAK = /[.;:!?()]|\b(?:but|however|unless|except|although|while|whereas)\b/gi;
const NEGATION_WINDOW_WORDS = 10;
// Idioms that contain a negator but do not negate what follows ("in no event will our liability exceed").
const NOT_NEGATIONS = /\b(?:no later than|no more than|no less than|not limited to|whether or not|not only|if not)\b/gi;
// A clause that leans against the user is worth flagging on a weaker signal than a favourable reading needs:
// missing a harmful clause costs the reader more than a false alarm.
const UNFAVORABLE_THRESHOLD = 0.75;
const FAVORABLE_THRESHOLD = 1;
// A cue that recurs (a list of identifiers, several kinds of prohibited content) adds evidence, at a discount
// and up to a few times, so one long enumeration does not drown a decisive phrase.
const REPEAT_SHARE = 0.5;
const REPEAT_MAX = 3;
// The opening words of a clause (its heading, its subject) say what it is about more than an aside further on.
const LEAD_CHARS = 150;
const LEAD_BONUS = 1.25;
/** Scores turn into a confidence that saturates: one strong cue ≈ 0.7, two ≈ 0.9. */
const CONFIDENCE_SCALE = 2.5;

/** Whether a negator governs the cue at `start`; `scope` is clauseBefore(text, start). */
function isNegated(text: string, start: number, scope: string): boolean {
  // The cue's own first words count too: a cue that opens with "you may ..." starts a clause of its own.
  // A negator word would match in its clause too (removing idioms creates none): most cues have none before them.
  if (!NEGATOR.test(scope)) return false;
  const opening = text.slice(start, start + 24);
  const words = scope.replace(NOT_NEGATIONS, ' ').trim().split(/\s+/).slice(-NEGATION_WINDOW_WORDS);
  const last = lastNegator(words);
  return last >= 0 && !NEW_SUBJECT_CLAUSE.test(`${words.slice(last + 1).join(' ')} ${opening}`);
}

// A subject with a modal after the negator opens a clause of its own, even without a comma: in "if you do not wish to
// arbitrate you may decline" the negator belongs to the condition, not to "you may decline"; so does "you have the
// right" ("if we cannot settle it, you have the right to complain"); so does a relative clause with a subject of its own:
// in "websites not owned by us with which we share our platform", "we do not sell the data that we collect", what "we"
// do after "which" or "that" is not negated.
const NEW_SUBJECT_CLAUSE = /\b(?:you|we|they)\s+(?:may|can|could|will|shall|must|might|should)\b(?!\s+not\b)|\byou\s+(?:have|retain|keep)\s+the\s+right\b|\b(?:which|whom|who|that)\s+(?:we|you|they)\b(?!\s+(?:do|does|did|will|would|can|could|may|shall|should|must)(?:\s+not|n't)\b)/i;

function lastNegator(words: string[]): number {
  for (let i = words.length - 1; i >= 0; i--) if (isNegatorWord(words[i])) return i;
  return -1;
}

/** A cue spanning subject and verb ("we do not collect") carries its negator inside: look before its last word. */
function isNegatedInside(matched: string): boolean {
  CLAUSE_BREAK.lastIndex = 0;
  const clause = CLAUSE_BREAK.exec(matched);
  const words = (clause ? matched.slice(0, clause.index) : matched).replace(NOT_NEGATIONS, ' ').trim().split(/\s+/);
  return words.length > 1 && words.slice(0, Math.min(words.length - 1, NEGATION_WINDOW_WORDS)).some(isNegatorWord);
}

/** The text of the cue's clause before it (at most 120 characters back, from the last clause break). */
function clauseBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 120), start);
  let clauseStart = 0;
  // exec on the shared global pattern (matchAll would copy it per call); a failed exec leaves lastIndex at 0.
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(before); m; m = CLAUSE_BREAK.exec(before)) clauseStart = m.index + m[0].length;
  return before.slice(clauseStart);
}

// "without" negates what follows it only as a condition ("without your consent"), not a verb: skip it here.
function isNegatorWord(w: string): boolean {
  return w.toLowerCase() !== 'without' && NEGATOR.test(w);
}

// The user is the actor when "you" is the last subject before the cue in its clause: "you may cancel your
// account" is a right, "we may cancel your account" a power over the user.
const SUBJECT = /\b(?:you|we|us|our|they|it|[a-z]+ (?=may|will|can|shall|reserves?))\b/gi;

/** Who carries out a cue's act: the user by choice, the user as a mere subject, or (null) the platform or a third party. */
type UserRole = 'choice' | 'subject' | null;

/** `scope` is clauseBefore(text, start) of the cue. */
function userActs(scope: string): UserRole {
  let last: RegExpMatchArray | null = null;
  for (const m of scope.matchAll(SUBJECT)) last = m;
  if (!last) return IMPERATIVE_LEAD.test(scope) ? 'choice' : null;
  if (last[0].toLowerCase() !== 'you') return null;
  const rest = scope.slice(last.index ?? 0);
  if (USER_CHOICE.test(rest)) return 'choice';
  // "after you close your account, we keep ..." sets the time of the platform's act, and "you will be banned" or
  // "you agree that we may ..." leave the act to the platform: the cue keeps its usual meaning.
  if (USER_NOT_ACTING.test(rest) || TIME_OF_PLATFORM_ACT.test(scope.slice(0, last.index))) return null;
  // "unless you delete your account" or "until you cancel": the user acts, though no right is stated.
  return 'subject';
}
// An instruction to the reader ("click here to cancel your account", "to delete your posts, go to ...") has the
// user act without naming them.
const IMPERATIVE_LEAD = /^\s*(?:please |simply |just )?(?:click(?: here)?(?: to)?|tap(?: here)?(?: to)?|select|press|(?:in order )?to|how to)\s*$/i;
const USER_CHOICE = /^you (?:can|cannot|may|could|are (?:able|free|entitled) to|have the (?:right|option|ability)|choose|wish|want|would like|decide|simply)\b/i;
const USER_NOT_ACTING = /^you (?:\w+ )?(?:be|are|were|get|gets|got|have been|agree|acknowledge|accept|understand)\b/i;
const USER_LEAD = /^you\b/i;
const TIME_OF_PLATFORM_ACT = /\b(?:after|once)\s*$/i;

// The platform refusing a request or a right ("we may refuse a request to delete your data", "we may decline to provide a
// copy"), or the user giving one up ("you waive any right to request a copy"), in the cue's clause before it: the right is
// withheld, as if negated.
const REFUSAL = /\b(?:(?:we|the company|[a-z]+) (?:may|can|will|might|could|shall|reserves? the right to)(?: also)? (?:refuse|decline|deny|reject)|you (?:hereby )?(?:waive|give up|forfeit|relinquish))\b[^.;]*$/i;

export interface RuleHit {
  rule: CompiledRule;
  span: EvidenceSpan;
}

export function ruleHits(text: string): RuleHit[] {
  const hits: RuleHit[] = [];
  const lowered = text.toLowerCase();
  const sameLength = lowered.length === text.length;
  const haystack = sameLength ? lowered : text;
  // The prefilter reads the lower-cased text only (the folded fallback always runs every regex).
  const possible = sameLength ? prefilter.possible(haystack) : null;
  const scopes = new Map<number, string>();
  for (let index = 0; index < compiled.length; index++) {
    if (possible && !possible[index]) continue;
    const r = compiled[index];
    const re = sameLength ? r.lower : r.folded;
    re.lastIndex = 0;
    for (let m = re.exec(haystack); m; m = re.exec(haystack)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      // Several rules' cues often start at one place: its clause is cut out once.
      let scope = scopes.get(start);
      if (scope === undefined) {
        scope = clauseBefore(text, start);
        scopes.set(start, scope);
      }
      // A right of the user's whose cue names them ("you cannot delete your account") is read with its own subject.
      const role = r.userActorStance !== undefined ? userActs(r.rightOverData && USER_LEAD.test(m[0]) ? `${scope}${m[0]}` : scope) : null;
      const end = start + m[0].length;
      const negated = isNegated(text, start, scope) || (r.innerNegation && NEGATOR.test(m[0]) && isNegatedInside(m[0])) || TRAILING_NEGATOR.test(text.slice(end, end + 40)) || (r.refusable && REFUSAL.test(scope));
      // Built field by field (an optional field spread in puts every span on the slow path).
      const span: EvidenceSpan = { start, end, text: text.slice(start, end), negated, rule: r.id };
      if (role === 'choice') span.userActor = true;
      else if (role === 'subject') span.userSubject = true;
      hits.push({ rule: r, span });
    }
  }
  return hits;
}

/** Clause types (best first) with confidence and evidence, and the stance of the text for the user. */
// classify is pure: one change analysis asks about the same heading (and often the same clause) many times. The cache
// lives for one analysis (analyzeChange clears it first), so repeated analyses of one pair are not sped up by it.
const CACHE_MAX = 512;
// The keys are whole clauses (and the clause around a changed fragment): bounded by characters too, and a text longer
// than a long clause is not held at all.
const CACHE_MAX_CHARS = 2_000_000;
const CACHE_MAX_KEY = 20_000;
// One entry per input text: its classification alone and with the last object context asked (a changed fragment is
// read with its clause around it). Keyed by the input itself, so no key string is built and hashed per call.
interface Remembered {
  plain?: Classification;
  context?: string;
  inContext?: Classification;
  /** Characters held: the input and its context. */
  chars: number;
}
const cache = new Map<string, Remembered>();
let cacheChars = 0;

export function clearClassifyCache(): void {
  cache.clear();
  cacheChars = 0;
}

/** Characters of the texts the classify memo holds now. */
export function rememberedClassifyChars(): number {
  return cacheChars;
}

export function classify(input: string, objectContext?: string): Classification {
  let entry = cache.get(input);
  if (entry) {
    if (objectContext === undefined) {
      if (entry.plain) return entry.plain;
    } else if (entry.inContext && entry.context === objectContext) return entry.inContext;
  }
  const result = classifyUncached(input, objectContext);
  if (entry) {
    cache.delete(input);
    cacheChars -= entry.chars;
  } else entry = { chars: 0 };
  if (objectContext === undefined) entry.plain = result;
  else {
    entry.context = objectContext;
    entry.inContext = result;
  }
  entry.chars = input.length + (entry.context === undefined ? 0 : entry.context.length + 1);
  if (entry.chars > CACHE_MAX_KEY) return result;
  while (cache.size > 0 && (cache.size >= CACHE_MAX || cacheChars + entry.chars > CACHE_MAX_CHARS)) {
    const [oldest, held] = cache.entries().next().value as [string, Remembered];
    cache.delete(oldest);
    cacheChars -= held.chars;
  }
  cache.set(input, entry);
  cacheChars += entry.chars;
  return result;
}

function classifyUncached(input: string, objectContext?: string): Classification {
  const text = normalizeTypography(input);
  const hits = withoutOthersTraining(ruleHits(text));
  const scores = new Map<string, number>();
  const evidence = new Map<string, EvidenceSpan[]>();
  const counted = new Map<CompiledRule, number>();
  const stanceEvidence: EvidenceSpan[] = [];
  let stanceScore = 0;
  for (const { rule, span } of hits) {
    // A rule's first match counts in full, a few repeats at a discount (REPEAT_SHARE), so a long clause repeating
    // a word does not outweigh a decisive phrase; the stance takes each rule once.
    const seen = counted.get(rule) ?? 0;
    const first = seen === 0;
    counted.set(rule, seen + 1);
    if (rule.type) {
      const share = (first ? 1 : seen <= REPEAT_MAX && !rule.once ? REPEAT_SHARE : 0) * (span.start < LEAD_CHARS ? LEAD_BONUS : 1);
      if (share > 0) scores.set(rule.type, (scores.get(rule.type) ?? 0) + share * rule.weight * (span.negated ? (rule.negatedWeight ?? 1) : 1));
      const list = evidence.get(rule.type) ?? [];
      list.push(span);
      evidence.set(rule.type, list);
    }
    if (first && !(rule.id === 'never' && deniesAProtection(hits, span))) {
      const stance = spanStance(rule, span);
      if (stance !== 0) {
        stanceScore += stance;
        stanceEvidence.push(span);
      }
    }
  }
  // The text a heavy type's object is looked for in, joined once (only types with an object look at it).
  let joined: string | undefined;
  const objectText = (): string => (joined ??= objectContext ? `${text} ${objectContext}` : text);
  // Generic privacy topics (collection, sharing, use) are mentioned by almost every privacy clause; a clause
  // that also names a specific practice (cookies, sale, retention) is about that practice.
  const clauseTypes: ClauseTypeMatch[] = [...scores.entries()]
    .map(([id, raw]) => [id, raw * (TYPE_SPECIFICITY[id] ?? 1)] as const)
    .map(([id, score]) => ({ id, confidence: round(1 - Math.exp(-score / CONFIDENCE_SCALE)), evidence: (evidence.get(id) ?? []).sort((a, b) => a.start - b.start) }))
    .filter((m) => m.confidence >= MIN_TYPE_CONFIDENCE && hasAct(m, objectText))
    .sort((a, b) => b.confidence - a.confidence || firstMentionFirst(a, b) || a.id.localeCompare(b.id));
  // Some clause types lean one way whatever their wording (a liability clause limits the platform's duties);
  // the lean only tips a clause whose own cues are weak.
  const lean = clauseTypes[0] ? (TYPE_STANCE_LEAN[clauseTypes[0].id] ?? 0) : 0;
  stanceScore += lean;
  const stance: Stance = stanceScore <= -UNFAVORABLE_THRESHOLD ? 'unfavorable' : stanceScore >= FAVORABLE_THRESHOLD ? 'favorable' : 'neutral';
  const top = clauseTypes[0]?.confidence ?? 0;
  const stanceStrength = 1 - Math.exp(-Math.abs(stanceScore) / CONFIDENCE_SCALE);
  return {
    clauseTypes,
    stance,
    confidence: round(clauseTypes.length ? (top + (stance === 'neutral' ? 1 - stanceStrength : stanceStrength)) / 2 : 0),
    stanceScore: round(stanceScore),
    stanceEvidence,
  };
}

// How far after "we do not" the cue it negates may start: the verb right after it ("we do not encrypt"), not a protection
// named further on, which is often a state ("we do not have access to your messages, which are encrypted").
const DENIAL_REACH = 1;

/**
 * "We do not" promises something only when what it negates is a practice ("we do not sell"). Negating a protection ("we
 * do not encrypt your data", "we will not notify you of a breach") is a protection withheld: the negated cue already
 * counts against the platform, and the negator is not also counted as a promise ('never').
 */
function deniesAProtection(hits: RuleHit[], never: EvidenceSpan): boolean {
  const negatedNext = hits.filter(({ span }) => span !== never && span.negated && !span.userActor && span.start >= never.start && span.start - never.end <= DENIAL_REACH);
  // A practice negated by the same words ("we do not remove content", read as moderation as well as deletion) is the
  // promise the negator makes.
  if (negatedNext.some(({ rule, span }) => !rule.protection && spanStance(rule, span) > 0)) return false;
  return negatedNext.some(({ rule, span }) => spanStance(rule, span) < 0 && rule.stance > 0 && rule.protection);
}

// What shows the platform's training of the user's own data after all: the user's content named, or a way out of it.
const USERS_OWN = /\byour\b|\bopt[- ]?(?:out|in)\b|\bobject\b/i;

/**
 * The user barred from training models on the service ("you may not use the output to develop competing models"), or
 * anyone scraping it to train theirs, is a rule of conduct: the AI-training cues inside such a passage are not the
 * platform training on the user's data, and are dropped (the passage stays an acceptable-use cue). A passage naming the
 * user's own content or an opt-out is left as it is.
 */
function withoutOthersTraining(hits: RuleHit[]): RuleHit[] {
  // Most clauses bar nothing: no arrays are copied for them.
  if (!hits.some((h) => h.rule.id === 'others-train')) return hits;
  const barred = hits.filter((h) => h.rule.id === 'others-train' && !USERS_OWN.test(h.span.text));
  const kept = hits.filter((h) => h.rule.id !== 'others-train' || barred.includes(h));
  if (!barred.length) return kept;
  return kept.filter((h) => h.rule.type !== 'ai-training' || !barred.some((b) => h.span.start < b.span.end && h.span.end > b.span.start));
}

/** A heavy type needs its act with its object (training + models + content), not a word ("AI", "GDPR", "sell"). */
function hasAct(m: ClauseTypeMatch, text: () => string): boolean {
  const act = HEAVY_TYPE_ACTS[m.id];
  if (!act) return true;
  return m.evidence.some((e) => e.rule !== undefined && act.rules.includes(e.rule)) && (!act.object || act.object.test(text()));
}

// Between equally supported types, the one the clause names first is usually its subject ("cookies ... used to
// show ads" is about cookies).
function firstMentionFirst(a: ClauseTypeMatch, b: ClauseTypeMatch): number {
  return (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
