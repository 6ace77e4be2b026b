import { MIN_TYPE_CONFIDENCE, NAME_CUE_RULES, SEVERITY_ORDER, SEVERITY_TYPE_SHARE, UPDATE_ANNOUNCED } from './analyzer.constants';
import { Classification, ClauseTypeMatch, Direction, Severity } from './analyzer.types';
import { classify, evidenceStance } from './clause.classifier';
import { clauseTypeById } from './clause-types.constants';
import { newDataKinds } from './data-kinds.rules';
import { headingTopics } from './heading-topics.rules';
import { detectLanguage } from './language.detector';
import { periodChange } from './period.detector';
import { practiceStated, promiseStated } from './practice.reader';
import { rewordedWords } from './rewording.size';
import { rightRestated, rightsStillStated } from './rights.reader';
import { searchKey } from './text.normalizer';
import { ACCESS_RIGHT, adviceOnly, arbitrationOffered, CONDUCT_TYPES, HEAVY_RECIPIENTS, heavyBroughtIn, IMPRECISE_LOCATION_WEIGHT, impreciseLocationOnly, isConductRule, namedOnly, namesIn, NEEDS_HEAVY_RECIPIENT, OFFERED_ARBITRATION_WEIGHT, protectedOnly, trainsOnUsersMaterial, weightOf } from './topic-weight.rules';

export function severityRank(s: Severity): number {
  return SEVERITY_ORDER.indexOf(s);
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

const LEVELS: Severity[] = ['low', 'low', 'medium', 'high', 'critical'];

const SMALL_CHANGE_WORDS = 3;
// An added or removed provision of up to this many words in a language not analysed is sized low.
const SHORT_PROVISION_WORDS = 12;
// A heading's types rank below the clause's own: it names the section, the clause says what is done in it.
const HEADING_DAMPING = 0.8;
const DECISIVE_STANCE = 1.5;
// An added clause that says at least this much more against the user than the like-worded one it replaces widened it.
const WIDENED_STANCE = 1;
// Languages the rules read (the heavy types at least; see intl-rules.constants.ts).
const READ_LANGUAGES = new Set(['en', 'fr', 'de', 'es']);
// The user keeps a way out of the practice: AI training with an opt-out or objection right is high, not critical.
// The user's choice over a practice, as a right or as a control: "you can opt out", "turn it off in Settings", "you are in
// control of whether your data is used", "you can choose whether".
const OPT_OUT = /\bopt[- ]?(?:out|in)\b|\bobject(?:ion)?\b|\bwithdraw\b|\bturn (?:it |this )?off\b|\bsettings?\b|\b(?:you are|you're|you remain) in control of\b|\byou (?:can |may )?(?:choose|decide|control) whether\b|\bs'opposer\b|\bwiderspruch\b|\boponerse\b/i;
const NO_OPT_OUT = /\b(?:cannot|can't|can not|may not|unable to|no (?:right|option|ability|way) to)\s+opt[- ]?out\b|\bno opt[- ]?out\b/i;

export interface ClauseAssessment {
  clauseTypes: ClauseTypeMatch[];
  severity: Severity;
  direction: Direction;
  reasons: string[];
  /** The clause type whose change set the severity (null when none did). */
  scoredType: string | null;
  /** The scoring type's first piece of evidence in the clause. */
  decisive?: string;
}

export interface ChangeTexts {
  op: 'added' | 'removed' | 'reworded' | 'moved' | 'split' | 'merged';
  before: string | null;
  after: string | null;
  inserted: string;
  deleted: string;
  heading: string | null;
  /** The headings the clause sits under, outermost first (the last is `heading`). */
  headingPath?: readonly string[];
  /**
   * The other version as a whole (searchKey): for an added clause the old version, for a removed one the new version.
   * A practice the other version already describes is not introduced (or removed) by this clause.
   */
  otherVersion?: string;
  /** The new version as a whole (searchKey), for a reworded clause: read only when a right went from it. */
  newVersion?: () => string;
  /** Whether otherVersion holds a search key, when the caller remembers answers (clauses share their cue words). */
  inOtherVersion?: (key: string) => boolean;
  /** Whether otherVersion matches a pattern, when the caller remembers answers (data kinds, a type's practice). */
  otherVersionMatches?: (pattern: RegExp) => boolean;
  /** Added (or removed) provisions of the other version that say much the same: the clause was reworded and moved. */
  resembles?: () => string[];
  /**
   * The sentence that introduces a list item ("We use your personal information for these purposes:"), which names the
   * object of the item's act ("to train our models"): read with the item for a heavy type's object.
   */
  lead?: string;
  /** The paragraph ending with a colon that introduces a paragraph (a list item has its `lead`): its topic is the clause's. */
  intro?: string;
}

function merge(...lists: Array<Array<ClauseTypeMatch>>): ClauseTypeMatch[] {
  const byId = new Map<string, ClauseTypeMatch>();
  for (const list of lists) {
    for (const m of list) {
      const seen = byId.get(m.id);
      if (!seen || seen.confidence < m.confidence) byId.set(m.id, { id: m.id, confidence: m.confidence, evidence: [...(seen?.evidence ?? []), ...m.evidence] });
    }
  }
  return [...byId.values()].filter((m) => m.confidence >= MIN_TYPE_CONFIDENCE).sort((a, b) => b.confidence - a.confidence);
}

/**
 * Where the clause is, as topics it does not name itself: those of its headings (the nearest first), then those of the
 * paragraph or lead-in that introduces it; ranked as heading types are (dampened).
 */
function contextTopics(t: ChangeTexts, known: ClauseTypeMatch[]): ClauseTypeMatch[] {
  const seen = new Set(known.map((m) => m.id));
  const path = t.headingPath ?? (t.heading ? [t.heading] : []);
  const intro = t.intro ?? t.lead;
  const found: ClauseTypeMatch[] = [];
  const candidates = [...[...path].reverse().flatMap((heading) => headingTopics(heading, seen)), ...(intro ? classify(intro).clauseTypes : [])];
  for (const m of dampened(candidates, HEADING_DAMPING)) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    found.push(m);
  }
  return found;
}

function dampened(matches: readonly ClauseTypeMatch[], factor: number): ClauseTypeMatch[] {
  return matches.map((m) => ({ id: m.id, confidence: Math.round(m.confidence * factor * 1000) / 1000, evidence: m.evidence }));
}

function dampen(c: Classification, factor: number): ClauseTypeMatch[] {
  return dampened(c.clauseTypes, factor);
}

function leading(types: ClauseTypeMatch[]): ClauseTypeMatch[] {
  const top = types[0]?.confidence ?? 0;
  return types.filter((t) => t.confidence >= top * SEVERITY_TYPE_SHARE);
}

function directionFromStance(c: Classification): Direction {
  return c.stance === 'unfavorable' ? 'worse' : c.stance === 'favorable' ? 'better' : 'neutral';
}

function quoteEvidence(m: ClauseTypeMatch): string {
  const words = [...new Set(m.evidence.map((e) => e.text.trim()).filter((t) => t.length > 2))].slice(0, 3);
  return words.length ? ` (“${words.join('”, “')}”)` : '';
}

/** Severity of one substantive clause change: clause-type weight × direction × magnitude, with its reasons. */
export function assessClause(t: ChangeTexts): ClauseAssessment {
  const headingTypes = t.heading ? dampen(classify(t.heading), HEADING_DAMPING) : [];
  const cBefore = t.before ? classify(t.before, t.lead) : null;
  const cAfter = t.after ? classify(t.after, t.lead) : null;
  let touched: ClauseTypeMatch[];
  let context: ClauseTypeMatch[];
  let direction: Direction;
  let small = false;
  // `kinds`: the item is kinds of personal data the old version never named, so the clause names its object.
  let widened: { id: string; direction: Direction; item: string; kinds?: boolean } | null = null;
  // A rewording whose type turned round — gone from the clause, new in it, or leaning the other way — is judged on the
  // whole clauses: what the type's cues say in the new clause less what they said in the old one, so a right cut ("You
  // can opt out" deleted from a paragraph) counts against the user, a burden cut for them, and a negation dropped ("do
  // not sell" → "may sell") counts though the type's own words stayed. A type that kept its lean is read from the
  // changed words, as before; so is a favourable notice's sentence cut from a paragraph that stays (the rubric's loss is
  // a section removed, and a cue such as "safeguards" names many things besides the security of personal data).
  let turnedStance: ((m: ClauseTypeMatch) => number | null) | null = null;
  // A type gone from the clause whose every cue went with the deleted words is read from them, in reverse: a protection
  // of the user's data cut from a clause that stays ("we encrypt your personal data" dropped) is a loss, not the
  // protection itself. Only where the deleted words name what was protected: "safeguards" alone (a moderation
  // safeguard) is no notice on data.
  let cutStance: ((id: string) => number | null) | null = null;
  // A promise not to do something ("we do not sell your personal information") that the clause no longer makes: its
  // every cue of the type was negated, and none is left.
  const promiseCut = (m: ClauseTypeMatch): boolean => {
    if (t.op === 'removed') return m.evidence.length > 0 && m.evidence.every((e) => e.negated);
    if (t.op === 'added' || hasType(cAfter, m.id)) return false;
    const was = cBefore?.clauseTypes.find((x) => x.id === m.id);
    return !!was && was.evidence.length > 0 && was.evidence.every((e) => e.negated);
  };
  const changedText = t.op === 'added' ? (t.after ?? '') : t.op === 'removed' ? (t.before ?? '') : t.inserted;

  if (t.op === 'added' && cAfter) {
    touched = merge(cAfter.clauseTypes, headingTypes);
    context = touched;
    direction = directionFromStance(cAfter);
    // A passage added on what the platform collects that names kinds of personal data the old version never named widens
    // the data collected (the rubric's "new data categories", medium), though its own words carry no lean.
    const collected = touched.find((m) => m.id === 'data-collection' && m.evidence.some((e) => !e.negated));
    const kinds = collected && direction !== 'better' && t.otherVersion !== undefined ? newDataKinds(t.after ?? '', t.otherVersion, t.otherVersionMatches) : [];
    if (kinds.length) widened = { id: 'data-collection', direction: 'worse', item: kinds.join(', '), kinds: true };
  } else if (t.op === 'removed' && cBefore) {
    touched = merge(cBefore.clauseTypes, headingTypes);
    context = touched;
    // Removing a notice hides a practice without ending it; removing a burden or a right is read from its stance.
    const top = touched[0] ? clauseTypeById.get(touched[0].id) : undefined;
    const announcedUpdate = touched[0]?.id === 'policy-changes' && UPDATE_ANNOUNCED.test(t.before ?? '');
    direction = top?.disclosure && !namedOnly(touched[0]) && !announcedUpdate ? 'worse' : cBefore.stance === 'unfavorable' ? 'better' : cBefore.stance === 'favorable' ? 'worse' : 'neutral';
  } else {
    // The changed words are read with their clause around them for a heavy type's object ("use it to train models").
    const cIns = t.inserted ? classify(t.inserted, t.lead ? `${t.after ?? ''} ${t.lead}` : (t.after ?? undefined)) : null;
    const cDel = t.deleted ? classify(t.deleted, t.lead ? `${t.before ?? ''} ${t.lead}` : (t.before ?? undefined)) : null;
    // A right cut from this clause that the new version still states elsewhere ("you can delete your account" cut from a
    // paragraph on stopping processing, "Delete your data: … by deleting your account" still in the list of rights).
    // Asked once: the answer is the same for every right type (the cut words against the new version).
    let cutRightsStated: boolean | undefined;
    const statedElsewhere = (id: string): boolean => RIGHT_TYPES.has(id) && t.newVersion !== undefined && (cutRightsStated ??= rightsStillStated(t.deleted, t.newVersion()));
    cutStance = (id) => (CUT_OBJECT.test(t.deleted) && hasType(cDel, id) && !hasType(cIns, id) && hasType(cBefore, id) && !hasType(cAfter, id) && !statedElsewhere(id) ? -typeStance(cDel, id) : null);
    context = merge(cAfter?.clauseTypes ?? [], cBefore?.clauseTypes ?? [], headingTypes);
    touched = merge(cIns?.clauseTypes ?? [], cDel?.clauseTypes ?? []);
    const turnedById = new Map<string, number | null>();
    turnedStance = (m) => {
      let turnedBy = turnedById.get(m.id);
      if (turnedBy !== undefined) return turnedBy;
      const was = typeStance(cBefore, m.id);
      const now = typeStance(cAfter, m.id);
      if (hasType(cBefore, m.id) && hasType(cAfter, m.id)) turnedBy = Math.sign(was) !== Math.sign(now) ? now - was : null;
      // Gone (or new) only where its cue itself was cut (or written): a cue whose words were only put in another order
      // ("from your account" moved to the front) may stop matching without anything being taken away.
      else if (!cueChanged(hasType(cBefore, m.id) ? cBefore : cAfter, m.id, hasType(cBefore, m.id) ? t.deleted : t.inserted)) turnedBy = null;
      else {
        // A notice in the user's favour cut from a paragraph (not a right, nor a promise not to do it): read from the
        // changed words.
        const noticeCut = was > 0 && now === 0 && clauseTypeById.get(m.id)?.disclosure && !RIGHT_TYPES.has(m.id) && !promiseCut(m);
        // A right whose cue was reworded ("you can opt out" → "programs which allow you to opt out") but whose words are
        // all still in the clause is restated, not removed.
        // Nor is one the new version still states elsewhere.
        const restated = was > 0 && now === 0 && RIGHT_TYPES.has(m.id) && (rightRestated(cBefore, m.id, t.after ?? '') || statedElsewhere(m.id));
        turnedBy = was === now || noticeCut || restated ? null : now - was;
      }
      turnedById.set(m.id, turnedBy);
      return turnedBy;
    };
    // A type of the clause that turned round though none of its words changed ("we do not sell" → "we may sell"): the
    // change is about that type.
    const turned = context.filter((m) => !touched.some((x) => x.id === m.id) && Math.abs(turnedStance?.(m) ?? 0) >= DECISIVE_STANCE);
    if (turned.length) touched = merge(touched, turned);
    // The changed words speak first; the whole clauses' stance decides when the changed words carry none.
    const changedDelta = (cIns?.stanceScore ?? 0) - (cDel?.stanceScore ?? 0);
    const delta = Math.abs(changedDelta) >= 1 ? changedDelta : (cAfter?.stanceScore ?? 0) - (cBefore?.stanceScore ?? 0);
    direction = delta <= -1 ? 'worse' : delta >= 1 ? 'better' : 'neutral';
    const changedWords = `${t.inserted} ${t.deleted}`.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (touched.length === 0) {
      touched = context.slice(0, 1);
      small = changedWords <= SMALL_CHANGE_WORDS;
      // The changed words name no type: the clause's lean decides, unless all that moved it is a cue that stopped (or
      // started) matching because words were put in another order ("from your account" moved to the front), its own
      // words neither cut nor written.
      if (direction !== 'neutral' && leanMovedByReorderOnly(cBefore, cAfter, t)) direction = 'neutral';
    }
    // An item added to (or cut from) what the platform does — its purposes, recipients, data — widens (narrows) the
    // practice, though the new words name no practice of their own. Only in a clause about the practice: an item added
    // to a list of what the user must not do ("spam, including paid promotions") widens no practice of the platform.
    const practice = context[0] && PRACTICE_TYPES.has(context[0].id) ? context[0] : undefined;
    const listed = practice && direction === 'neutral' ? listItemChange(t) : null;
    if (practice && listed) {
      direction = listed.change === 'widened' ? 'worse' : 'better';
      widened = { id: practice.id, direction, item: listed.item };
      touched = merge([practice], touched);
      small = false;
    }
  }

  // A use of the service that the user must not make (an item under "Do not use our products to:"): the topics its
  // words name ("minors", "security", "government officials") describe the forbidden conduct, not a practice of the
  // platform. The clause is about what users must not do, and its other topics weigh low.
  const conduct = isConductRule(t);
  const names = namesIn(t);
  // The like-worded provisions on the other side, looked for once for the clause (each type below asks).
  let resembling: string[] | undefined;
  const others = (): string[] => (resembling ??= t.resembles?.() ?? []);
  if (conduct) touched = merge([{ id: 'acceptable-use', confidence: 0.95, evidence: [] }], touched);
  const assessed = leading(touched);
  let severity: Severity = 'low';
  const reasons: string[] = [];
  let scored: string | null = null;
  let scoredLevel = 0;
  // The direction of the change that set the severity: the clause's own lean may differ (an opt-out beside new training).
  let scoredDirection: Direction | null = null;
  for (const m of assessed) {
    const info = clauseTypeById.get(m.id);
    if (!info) continue;
    // A type whose own evidence points the other way (an opt-out added beside a waiver) does not share the direction.
    const own = turnedStance?.(m) ?? cutStance?.(m.id) ?? m.evidence.reduce((sum, e) => sum + evidenceStance(m.id, e), 0);
    // A notice is the clause's subject only when its type leads: a passage on arbitration that names "unauthorized use"
    // in passing is no security notice, and removing it removes no security disclosure. Nor is a notice one whose only
    // cue names the event it would be about ("a dispute about a data breach"): it describes nothing the user relies on.
    // A banner announcing an update ("we have updated our terms") is not the policy on changes: neither a notice removed
    // nor a burden added.
    const announced = info.id === 'policy-changes' && (t.op === 'added' || t.op === 'removed') && UPDATE_ANNOUNCED.test(changedText);
    const disclosure = info.disclosure && m.confidence >= (assessed[0]?.confidence ?? 0) && !namedOnly(m) && !announced;
    let typeDirection = announced ? 'neutral' : widened?.id === info.id ? widened.direction : directionOfType(t.op, direction, own, disclosure);
    // Training on the user's content offered with an opt-out is still new training (high, see typeLevel), though the
    // opt-out makes the clause as a whole read favourably.
    // Not training the old clause described as much already (its opt-out only moved within the clause).
    const trainingBefore = hasType(cBefore, info.id) && typeStance(cBefore, info.id) <= typeStance(cAfter, info.id);
    if (info.id === 'ai-training' && own <= -DECISIVE_STANCE && typeDirection !== 'worse' && OPT_OUT.test(changedText) && !trainingBefore) typeDirection = 'worse';
    // What a cookie is, added with no word of who uses it ("A cookie is a small file sent by a website to your browser"),
    // explains the technology: a clarification (low), not a tracker added.
    const explained = info.id === 'tracking' && t.op === 'added' && TRACKER_DEFINED.test(t.after ?? '') && !FIRST_PERSON.test(t.after ?? '');
    if (explained) typeDirection = 'neutral';
    let elsewhere = (t.op === 'added' || t.op === 'removed') && widened?.id !== info.id && describedElsewhere(m, t.otherVersion, t.inOtherVersion);
    // Rights a rewrite states again in other words ("Right to Access / Know" → "You can ask us for a copy of your data")
    // are not removed: every kind of right the removed clause named is still a right in the new version.
    if (!elsewhere && t.op === 'removed' && RIGHT_TYPES.has(info.id)) elsewhere = rightsStillStated(t.before ?? '', t.otherVersion);
    // The notice of changes rewritten ("Modifying this Agreement" → "Changing this Agreement"): the new version still says
    // that the terms may change and how; a passage on it that went is reworded, not the notice removed.
    if (!elsewhere && t.op === 'removed' && info.id === 'policy-changes' && t.otherVersion !== undefined) elsewhere = practiceStated(info.id, t.otherVersion, t.otherVersionMatches) === true;
    // A promise not to do it ("We don't sell your personal information.") that the new version still makes in other words.
    if (!elsewhere && t.op === 'removed' && t.otherVersion !== undefined && promiseCut(m)) elsewhere = promiseStated(info.id, t.otherVersion);
    // A like-worded provision on the other side restates the practice, unless its cues of the type lean the other way ("you
    // keep ownership of the content you post" → "Example owns all content you post"): that is the practice turned round.
    if (!elsewhere && typeDirection === 'worse' && others().some((other) => own * typeStance(classify(other), info.id) >= 0)) elsewhere = true;
    // Nor is it restated where the like-worded provision it replaces said clearly less against the user: the practice was
    // widened on the way ("disputes about payments" → "all disputes" resolved by arbitration).
    if (elsewhere && t.op === 'added' && typeDirection === 'worse' && others().length && others().every((other) => typeStance(classify(other), info.id) - own >= WIDENED_STANCE - 1e-9)) elsewhere = false;
    // Sharing or advertising reworded (a purpose added to the same advertising cookies, an opt-out put in other words) is
    // no "new sharing with advertisers": a level below its topic, unless the rewording brings in what makes the topic
    // heavy (advertisers named where service providers were).
    const widenedOnly = NEEDS_HEAVY_RECIPIENT.has(info.id) && t.op !== 'added' && t.op !== 'removed' && !heavyBroughtIn(t);
    const weight = typeWeight(m, info.weight, t, {
      conduct,
      newKinds: !!widened?.kinds && widened.id === info.id,
      names,
      leadsAlone: assessed.every((o) => o === m || o.confidence < m.confidence),
    });
    const level = Math.min(typeLevel(t, info.id, weight, disclosure && own <= 0, promiseCut(m), typeDirection, elsewhere, small, changedText), widenedOnly ? Math.max(1, weight - 1) : weight);
    const s = LEVELS[level];
    if (level > scoredLevel) {
      scored = info.id;
      scoredLevel = level;
      scoredDirection = typeDirection;
    } else if (level === scoredLevel && scoredDirection === 'neutral') scoredDirection = typeDirection;
    severity = maxSeverity(severity, s);
    const why = widened?.id === info.id ? listReason(widened.direction, info.topic, widened.item, s) : explained ? `explained ${info.topic}: what the technology is, with no use of it stated (${s})` : reasonFor(t.op, typeDirection, info.topic, disclosure && !elsewhere, s, elsewhere);
    reasons.push(why + quoteEvidence(m));
  }
  // A number of days, months or years that moved: the rubric's retention and notice periods (medium when worse).
  const period = t.op !== 'added' && t.op !== 'removed' && t.before && t.after ? periodChange(t.before, t.after, t.heading) : null;
  let periodSeverity: Severity | null = null;
  if (period) {
    const s: Severity = period.direction === 'better' || (period.age && period.direction === 'neutral') ? 'low' : 'medium';
    periodSeverity = s;
    severity = maxSeverity(severity, s);
    const amount = period.type === 'payment' ? 'a price you pay' : 'the amount a cap on the platform’s liability allows';
    const what = period.age ? 'an age limit' : period.amount ? amount : period.type === 'retention' ? 'how long data is kept' : period.type === 'policy-changes' || period.type === 'dispute-resolution' ? 'a period you are given' : period.type === 'payment' ? 'a deadline you must meet before a charge' : period.type === 'liability' ? 'the window of payments a cap on the platform’s liability counts' : period.type === 'user-rights' ? 'how often you may use a right' : 'a period';
    const how = period.direction === 'worse' ? ', unfavourable to you' : period.direction === 'better' ? ', favourable to you: an improvement' : '';
    const change = period.from === null ? `set ${what} to “${period.to}”` : period.to === null ? `dropped “${period.from}” from ${what}` : `changed ${what} from “${period.from}” to “${period.to}”`;
    reasons.unshift(`${change}${how} (${s})`);
    // An age limit is read beside the clause's own types: it leads only where it weighs more than what already scored.
    const leads = period.age ? severityRank(s) > scoredLevel : severityRank(s) >= scoredLevel;
    const equal = severityRank(s) >= scoredLevel && (scoredDirection === null || scoredDirection === 'neutral');
    if ((leads || equal) && period.direction !== 'neutral') scoredDirection = period.direction;
    if (period.type && leads) {
      touched = merge([{ id: period.type, confidence: 0.9, evidence: [] }], touched);
      scored = period.type;
    }
  }
  // Text the rules cannot read is judged by the size of the change, with the reason said: never a confident low.
  const language = detectLanguage(t.after ?? t.before ?? '');
  const readable = READ_LANGUAGES.has(language.code) || language.code === 'und';
  // In French, German or Spanish only the heavy types (and a few light ones) are read: a clause where none of weight
  // medium or more was found may still say what the rules cannot read, so its size decides too; unless it was read as a
  // rule of conduct (what users must not do, content removed, who may use the service), which carries no practice on
  // the user's data ("nous pouvons vous appeler pour les offres de nos partenaires" is read as marketing only).
  const heavyFound = assessed.some((m) => (clauseTypeById.get(m.id)?.weight ?? 0) >= 2 || CONDUCT_TYPES.has(m.id)) || period !== null;
  if (!readable || (language.code !== 'en' && language.code !== 'und' && !heavyFound)) {
    const words = t.op === 'added' || t.op === 'removed' ? changedText.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length : rewordedWords(t.inserted, t.deleted);
    // A whole provision of a few words (a title, a label, a line of a sidebar in another language) is no clause's worth
    // of change; a rewording is small below a few words.
    const s: Severity = words > (t.op === 'added' || t.op === 'removed' ? SHORT_PROVISION_WORDS : SMALL_CHANGE_WORDS) ? 'medium' : 'low';
    if (!readable) {
      // A number of days, months or years that moved is read in any language whose units the period check knows.
      severity = periodSeverity ? maxSeverity(s, periodSeverity) : s;
      reasons.splice(period ? 1 : 0);
      touched = period?.type ? [{ id: period.type, confidence: 0.9, evidence: [] }] : [];
      scored = period?.type ?? null;
      scoredDirection = period && period.direction !== 'neutral' ? period.direction : null;
    } else severity = maxSeverity(severity, s);
    // Said as it is: text in a language the rules do not read was not analysed; in one they read for its heavy types, it
    // was read in part and none was found.
    const how = readable ? `in ${language.name} read in part (no heavy type found)` : `not analysed in ${language.name}`;
    reasons.push(`${verb(t.op)} a clause ${how}: severity from the size of the change, ${words} word${words === 1 ? '' : 's'} (${s})`);
  }
  // A clause the rules read but whose words name no type (a company's details, a representative, a definition) is
  // among the taxonomy's "other" terms: a reader is still shown what it is about.
  if (reasons.length === 0) {
    reasons.push(`${verb(t.op)} other terms: a clause of no known type (low)`);
    if (readable) {
      touched = [{ id: 'other', confidence: 0.5, evidence: [] }];
      scored = 'other';
    }
  }
  const clauseTypes = merge(touched, readable ? context : []);
  // The topics of the section's headings ("Data Retention") and of the passage that introduces the clause ("We share your
  // information with:") are shown after them: where the change is, not what it did.
  if (readable) clauseTypes.push(...contextTopics(t, clauseTypes));
  // The type that set the severity leads the list, so the label shown next to a clause is the one that scored.
  if (scored) clauseTypes.sort((x, y) => (x.id === scored ? -1 : y.id === scored ? 1 : 0));
  const decisive = clauseTypes.find((c) => c.id === scored)?.evidence.find((e) => e.text.length > 2)?.text;
  const assessment: ClauseAssessment = { clauseTypes, severity, direction: scoredDirection ?? direction, reasons, scoredType: scored };
  if (decisive) assessment.decisive = decisive;
  return assessment;
}

/**
 * The weight a type carries in one clause change: low (1) where the clause is a rule of conduct and the type is not one
 * of conduct's, where training names nothing of the users', or where sensitive data is named only in advice to the
 * user; its topic's where the clause brings new kinds of personal data; else as what the clause names decides
 * (weightOf).
 */
function typeWeight(m: ClauseTypeMatch, weight: number, t: ChangeTexts, clause: { conduct: boolean; newKinds: boolean; names: (object: RegExp) => boolean; leadsAlone: boolean }): number {
  if (clause.conduct && !CONDUCT_TYPES.has(m.id)) return 1;
  if (m.id === 'ai-training' && !trainsOnUsersMaterial(m, t)) return 1;
  if (m.id === 'sensitive-data' && (adviceOnly(m, t) || protectedOnly(m, t))) return 1;
  if (m.id === 'sensitive-data' && impreciseLocationOnly(m, clause.names)) return IMPRECISE_LOCATION_WEIGHT;
  if (m.id === 'dispute-resolution' && arbitrationOffered(m, t)) return OFFERED_ARBITRATION_WEIGHT;
  if (clause.newKinds) return weight;
  return weightOf(m, weight, clause.names, clause.leadsAlone);
}

/** The stance a classification's cues of one type carry (negation and who acts applied). */
function typeStance(c: Classification | null, id: string): number {
  const m = c?.clauseTypes.find((x) => x.id === id);
  return m ? m.evidence.reduce((sum, e) => sum + evidenceStance(id, e), 0) : 0;
}

/** Whether every type whose stance differs between the versions only lost (or gained) a cue its changed words lack. */
function leanMovedByReorderOnly(before: Classification | null, after: Classification | null, t: ChangeTexts): boolean {
  const ids = new Set([...(before?.clauseTypes ?? []), ...(after?.clauseTypes ?? [])].map((m) => m.id));
  let moved = false;
  for (const id of ids) {
    if (typeStance(before, id) === typeStance(after, id)) continue;
    const was = hasType(before, id);
    if (was === hasType(after, id) || cueChanged(was ? before : after, id, was ? t.deleted : t.inserted)) return false;
    moved = true;
  }
  return moved;
}

// What a cut protection covered: the user's data, account or content.
const CUT_OBJECT = /\b(?:personal (?:data|information)|(?:your|their|user|users'|customer) (?:personal )?(?:data|information|details|accounts?|content|messages|passwords?|records))\b/i;

/** Whether one of a type's cues in a clause stands whole in the words a rewording cut (or wrote). */
function cueChanged(c: Classification | null, id: string, changed: string): boolean {
  const m = c?.clauseTypes.find((x) => x.id === id);
  if (!m) return false;
  // The cue within the changed words, or a run of a few changed words within a long cue: "and are not used for
  // improving the service" cut from "Files … are not shown to others and are not used for improving".
  const runs = changed.split(' … ').flatMap((part) => {
    const words = part.trim().split(/\s+/);
    const found: string[] = [];
    for (let i = 0; i + CUE_RUN_WORDS <= words.length; i++) found.push(words.slice(i, i + CUE_RUN_WORDS).join(' '));
    return found;
  });
  return m.evidence.some((e) => changed.includes(e.text) || runs.some((run) => e.text.includes(run)));
}
// Changed words inside a cue count as changing it from a run of this many: a word or two ("the", "data") is in many cues.
const CUE_RUN_WORDS = 4;

function hasType(c: Classification | null, id: string): boolean {
  return !!c?.clauseTypes.some((x) => x.id === id);
}

// Rights the user holds: one cut from a clause is a right removed though the clause stays, unlike a notice.
const RIGHT_TYPES = new Set(['user-rights', 'deletion', 'state-privacy-rights']);

// What the platform does with the user's data or content: adding to its list of purposes, recipients or data widens it.
const PRACTICE_TYPES = new Set(['data-collection', 'sensitive-data', 'data-use', 'ai-training', 'advertising', 'data-sharing', 'data-sale', 'law-enforcement', 'tracking', 'retention', 'international-transfer', 'content-license']);
// A list item: words joined to the list by a comma or a conjunction, at the start or the end of the changed words.
const LIST_ITEM = /^[\s,]*(?:and|or|as well as|including)\b|^\s*,|,\s*$/i;
// The last of these before the item decides: after a negator the list is of what the platform does not do (an item
// added narrows it); after a restriction ("only", "except") it is all the platform may do (an item added widens it).
const LIST_SCOPE = /\b(?:not|never|no|nor|neither|without|only|solely|exclusively|except|other than)\b|n't\b/gi;
const RESTRICTION = /^(?:only|solely|exclusively|except|other than)$/i;
// Content words (four letters or more) of the item: "and access to" names no new purpose, recipient or data.
const LIST_ITEM_MIN_WORDS = 2;

/**
 * Whether a rewording only added one item to a list (widened) or only cut one (narrowed), outside a negated or
 * restricting scope: "we share it with our affiliates, and advertisers" widens the sharing; "we do not share it with
 * advertisers, or brokers" does not.
 */
function listItemChange(t: ChangeTexts): { change: 'widened' | 'narrowed'; item: string } | null {
  // A list re-punctuated around its new item ("name and email" → "name, email and contacts") only moved its joints.
  const added = itemWords(t.inserted);
  const cut = itemWords(t.deleted);
  const [item, clause, other] = added && !cut ? [added, t.after, 'widened' as const] : cut && !added ? [cut, t.before, 'narrowed' as const] : [null, null, null];
  let found: { item: string; clause: string; change: 'widened' | 'narrowed'; at: number } | null = null;
  if (item && clause && !item.includes(' … ') && LIST_ITEM.test(item)) found = { item, clause, change: other, at: clause.indexOf(item) };
  // The word diff may pair the list's words another way (a tie between equally short diffs): the clause then reads as
  // the other one with a run of words added (cut) beside a list joint.
  else if (added && cut && t.before && t.after && mispaired(t.after.length > t.before.length ? cut : added)) {
    found = t.after.length > t.before.length ? insertedRun(t.before, t.after, 'widened') : insertedRun(t.after, t.before, 'narrowed');
  }
  if (!found || found.at < 0) return null;
  if (found.item.split(/[^\p{L}]+/u).filter((w) => w.length >= 4).length < LIST_ITEM_MIN_WORDS) return null;
  const sentence = found.clause.slice(0, found.at).split(/[.;:!?]\s/).pop() ?? '';
  const scope = [...sentence.matchAll(LIST_SCOPE)].pop()?.[0];
  return (scope && !RESTRICTION.test(scope)) || /\b(?:not|never|no)\b|n't\b/i.test(found.item) ? null : { change: found.change, item: found.item };
}

const WORD = /[\p{L}\p{N}]+/gu;
// The words a diff pairs another way around a list's new item are few (the item's neighbour, a joint): a longer change
// on the shorter side is no item added.
const MISPAIRED_MAX_WORDS = 6;

/** Whether the shorter side's changed words could be a list's words the diff paired another way: a few words. */
function mispaired(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length > 0 && words.length <= MISPAIRED_MAX_WORDS;
}
const JOINT_WORD = /^(?:and|or)$/i;
// A list joint right before the run ("…, ", "… and ", "including ") or right after it.
const JOINT_BEFORE = /(?:,|\band|\bor|\bincluding|\bas well as)\s*$/i;
const JOINT_AFTER = /^\s*(?:,|and\b|or\b)/i;

/**
 * Whether `longer` is `shorter` with one run of words inserted next to a list joint (joint words themselves aside):
 * the run, where it stands in `longer`, and whether that widens or narrows (`change`).
 */
function insertedRun(shorter: string, longer: string, change: 'widened' | 'narrowed'): { item: string; clause: string; change: 'widened' | 'narrowed'; at: number } | null {
  const words = (text: string): RegExpMatchArray[] => [...text.matchAll(WORD)].filter((m) => !JOINT_WORD.test(m[0]));
  const a = words(shorter);
  const b = words(longer);
  if (b.length <= a.length) return null;
  const same = (x: RegExpMatchArray, y: RegExpMatchArray): boolean => x[0].toLowerCase() === y[0].toLowerCase();
  let head = 0;
  while (head < a.length && same(a[head], b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
  if (head + tail !== a.length) return null;
  const first = b[head];
  const last = b[b.length - 1 - tail];
  const at = first.index ?? 0;
  const end = (last.index ?? 0) + last[0].length;
  if (!JOINT_BEFORE.test(longer.slice(Math.max(0, at - 16), at)) && !JOINT_AFTER.test(longer.slice(end, end + 6))) return null;
  return { item: longer.slice(at, end), clause: longer, change, at };
}

// Changed words that only join list items: a comma, "and", "or".
const JOINT_ONLY = /^[\s,;]*(?:(?:and|or|&)[\s,;]*)?$/i;

/** The changed pieces (joined by " … ") other than bare list joints, as one text. */
function itemWords(changed: string): string {
  return changed
    .split(' … ')
    .filter((piece) => !JOINT_ONLY.test(piece))
    .join(' … ')
    .trim();
}

const COMPELLED_DISCLOSURE = /\b(?:required|compelled|obliged|obligated|legally bound)\b|\bin response to (?:a |any )?(?:(?:valid|lawful|legal|binding|formal) )*(?:legal|court|government\w*|judicial) (?:requests?|process|orders?|demands?)|\bto comply with (?:a |any |applicable |our )?(?:legal|law|laws|court|subpoena)/i;
const VOLUNTARY_DISCLOSURE = /\b(?:we believe|good faith|(?:in|at) our (?:sole )?discretion|voluntar\w*|even (?:if|when|without)|we (?:consider|deem)|appropriate)\b/i;

/**
 * Severity level (1 low … 4 critical) of one type's change: the topic's weight is the ceiling; the change itself
 * (direction, whether the practice is new or already described elsewhere, how much changed) decides how close it comes.
 */
function typeLevel(t: ChangeTexts, id: string, weight: number, disclosure: boolean, promise: boolean, direction: Direction, elsewhere: boolean, small: boolean, changed: string): number {
  let level: number;
  if (direction === 'worse') {
    level = weight;
    // A notice removed while the practice is still described elsewhere, or a practice added that was already there.
    if (elsewhere) level = weight - 2;
    // A disclosure removed is high at most (the rubric's "disclosure sections removed"), and so is a promise not to do
    // something that is no longer made (the practice is not introduced); a right removed (a favourable clause, own
    // stance above zero) keeps its topic's level: "deletion or access rights removed" is critical.
    else if ((t.op === 'removed' && disclosure) || promise) level = Math.min(weight, 3);
    // How changes to the terms are made is high only as its notice removed (the rubric's "disclosure sections removed");
    // a burden added within it (a shorter notice, changes binding on posting, continued use read as acceptance) is medium
    // (the rubric's "notice period shortened").
    else if (id === 'policy-changes' && t.op !== 'removed') level = Math.min(level, weight - 1);
    else if (NEEDS_HEAVY_RECIPIENT.has(id) && !HEAVY_RECIPIENTS.test(`${t.after ?? ''} ${t.lead ?? ''}`)) level = Math.min(level, weight - 1);
    // Of the user's rights, the rubric makes access (and deletion, a type of its own) critical when removed: another right
    // (to object, to complain, to review a profile) removed or narrowed is high at most.
    if (id === 'user-rights' && !ACCESS_RIGHT.test(t.op === 'added' ? (t.after ?? '') : t.op === 'removed' ? (t.before ?? '') : `${t.deleted} ${t.inserted}`)) level = Math.min(level, weight - 1);
    // A notice that the service shows ads, removed, is no "disclosure section removed" of the rubric's (sharing, security,
    // children, changes): high only where it described ads targeted on the user or advertisers given data.
    if (id === 'advertising' && t.op === 'removed' && !HEAVY_RECIPIENTS.test(t.before ?? '')) level = Math.min(level, weight - 1);
    // Disclosure the law compels ("we may be required to release … in response to legal requests from public
    // authorities") is what every provider owes: medium at most; disclosure at the platform's discretion keeps its topic's.
    if (id === 'law-enforcement' && COMPELLED_DISCLOSURE.test(t.after ?? t.before ?? '') && !VOLUNTARY_DISCLOSURE.test(t.after ?? t.before ?? '')) level = Math.min(level, weight - 1);
    // AI training the user can opt out of, or object to, is high, not critical.
    if (id === 'ai-training' && OPT_OUT.test(t.after ?? changed) && !NO_OPT_OUT.test(t.after ?? changed)) level = Math.min(level, 3);
  } else if (direction === 'better') {
    // An improvement harms no one: it is labelled as one and kept below its topic's ceiling: a burden the new version no
    // longer states anywhere (a practice dropped: the rubric's arbitration agreement removed, high) one level below it,
    // a burden cut that the new version still states in part two below (medium in the critical topics), a new right or
    // a narrower practice three below (low).
    const dropped = (): boolean => t.otherVersion !== undefined && practiceStated(id, t.otherVersion, t.otherVersionMatches) === false;
    level = t.op === 'removed' && !elsewhere ? (dropped() ? weight - 1 : weight - 2) : weight - 3;
  } else {
    // A change that neither widens nor narrows the practice is a clarification, low in every topic (the rubric's
    // "low — clarifications"); a number that moved is judged on its own (see periodChange).
    level = 1;
  }
  if (small) level -= 1;
  return Math.max(1, Math.min(weight, level));
}

// A sentence saying what a tracking technology is ("Cookies are small text files …", "What is a pixel? A pixel is …").
const TRACKER_DEFINED = /^(?:what (?:is|are) [^?]{0,40}\?\s*)?(?:(?:a|an) )?(?:(?:http |browser |web )?cookies?|(?:tracking )?pixels?|(?:web )?beacons?|local storage|sdks?|(?:tracking )?tags?)\b[^.;]{0,30}\b(?:is|are)\b (?:a |an )?(?:small |tiny |short )?(?:piece|pieces|files?|text|snippets?|strings?|bits?|technolog\w+|tools?|data|code|identifiers?|images?)\b/i;
const FIRST_PERSON = /\b(?:we|us|our|ours)\b/i;

/** Whether the other version already holds this type's decisive evidence word for word (the practice is not new or gone). */
function describedElsewhere(m: ClauseTypeMatch, otherVersion: string | undefined, holds: (key: string) => boolean = (key) => otherVersion?.includes(key) ?? false): boolean {
  if (!otherVersion) return false;
  const spans = m.evidence.filter((e) => e.text.length >= 8 && !NAME_CUE_RULES.has(e.rule ?? ''));
  return spans.length > 0 && spans.some((e) => {
    const key = searchKey(e.text);
    return key.includes(' ') && holds(key);
  });
}

// Added text is read as it stands; removed text in reverse (a right removed is worse, a burden removed better,
// a notice removed always worse); a rewording follows the changed words unless the type's own evidence disagrees.
function directionOfType(op: ChangeTexts['op'], clause: Direction, own: number, disclosure: boolean): Direction {
  // A weak cue of the type's own ("shared" in passing) says less than the clause as a whole: it decides alone only
  // when decisive (|own| ≥ 1), and otherwise only where the clause leans the same way.
  if (op === 'added') {
    if (Math.abs(own) >= DECISIVE_STANCE) return own > 0 ? 'better' : 'worse';
    return (own < 0 && clause === 'better') || (own > 0 && clause === 'worse') ? 'neutral' : clause;
  }
  // Removed, a notice that leads the clause is a loss whatever it said; a type's own cue decides when decisive, and a
  // weak one ("unauthorized use" named in an arbitration clause) only where the clause as a whole does not disagree.
  if (op === 'removed') {
    if (disclosure) return 'worse';
    if (Math.abs(own) >= DECISIVE_STANCE || clause === 'neutral') return own > 0 ? 'worse' : own < 0 ? 'better' : clause;
    return (own > 0 && clause === 'better') || (own < 0 && clause === 'worse') ? 'neutral' : clause;
  }
  return (clause === 'worse' && own > 0) || (clause === 'better' && own < 0) ? 'neutral' : clause;
}

function verb(op: ChangeTexts['op']): string {
  return op === 'added' ? 'added' : op === 'removed' ? 'removed' : op === 'moved' ? 'moved and changed' : op === 'split' || op === 'merged' ? `${op} and changed` : 'changed';
}

function listReason(direction: Direction, topic: string, item: string, s: Severity): string {
  const quoted = item.replace(/^[\s,]+|[\s,]+$/g, '');
  return direction === 'worse' ? `widened ${topic}: added “${quoted}” to what the platform does, unfavourable to you (${s})` : `narrowed ${topic}: cut “${quoted}” from what the platform does, favourable to you: an improvement (${s})`;
}

function reasonFor(op: ChangeTexts['op'], direction: Direction, topic: string, disclosure: boolean, s: Severity, elsewhere: boolean): string {
  if (elsewhere && op === 'removed') return `reworded or moved a passage on ${topic}: the new version still says it elsewhere (${s})`;
  if (elsewhere && op === 'added') return `repeated or restated ${topic}, which the old version already said (${s})`;
  if (op === 'removed' && direction === 'worse' && disclosure) return `removed the text describing ${topic}: a disclosure removed (${s})`;
  if (op === 'removed' && direction === 'worse') return `removed a provision on ${topic} that protected you (${s})`;
  if (op === 'removed' && direction === 'better') return `removed a provision on ${topic} that was unfavourable to you: an improvement (${s})`;
  if (direction === 'worse') return `${verb(op)} ${topic}, unfavourable to you (${s})`;
  if (direction === 'better') return `${verb(op)} ${topic}, favourable to you: an improvement (${s})`;
  return `${verb(op)} ${topic} (${s})`;
}
