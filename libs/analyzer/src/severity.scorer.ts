import { MIN_TYPE_CONFIDENCE, SEVERITY_ORDER, SEVERITY_TYPE_SHARE } from './analyzer.constants';
import { Classification, ClauseTypeMatch, Direction, Severity } from './analyzer.types';
import { classify, evidenceStance } from './clause.classifier';
import { clauseTypeById } from './clause-types.constants';

export function severityRank(s: Severity): number {
  return SEVERITY_ORDER.indexOf(s);
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

const LEVELS: Severity[] = ['low', 'low', 'medium', 'high', 'critical'];

// Phrases that make an unfavourable change graver: no way out, no end, more recipients.
const AGGRAVATING = /\b(?:cannot|can't|may not|unable to|no (?:right|option|ability) to)\s+opt[- ]?out\b|\bno opt[- ]?out\b|\bwithout (?:an? )?(?:opt[- ]?out|your consent)\b|\b(?:even )?after (?:you )?(?:delete|close|terminate)\w*\b|\bincluding (?:models? )?(?:made available to |for )?third[- ]?part(?:y|ies)\b|\birrevocabl[ey]\b/i;
const SMALL_CHANGE_WORDS = 3;

export interface ClauseAssessment {
  clauseTypes: ClauseTypeMatch[];
  severity: Severity;
  direction: Direction;
  reasons: string[];
}

export interface ChangeTexts {
  op: 'added' | 'removed' | 'reworded' | 'moved' | 'split' | 'merged';
  before: string | null;
  after: string | null;
  inserted: string;
  deleted: string;
  heading: string | null;
}

function merge(...lists: Array<Array<ClauseTypeMatch>>): ClauseTypeMatch[] {
  const byId = new Map<string, ClauseTypeMatch>();
  for (const list of lists) {
    for (const m of list) {
      const seen = byId.get(m.id);
      if (!seen || seen.confidence < m.confidence) byId.set(m.id, { ...m, evidence: [...(seen?.evidence ?? []), ...m.evidence] });
    }
  }
  return [...byId.values()].filter((m) => m.confidence >= MIN_TYPE_CONFIDENCE).sort((a, b) => b.confidence - a.confidence);
}

function dampen(c: Classification, factor: number): ClauseTypeMatch[] {
  return c.clauseTypes.map((m) => ({ ...m, confidence: Math.round(m.confidence * factor * 1000) / 1000 }));
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
  const headingTypes = t.heading ? dampen(classify(t.heading), 0.8) : [];
  const cBefore = t.before ? classify(t.before) : null;
  const cAfter = t.after ? classify(t.after) : null;
  let touched: ClauseTypeMatch[];
  let context: ClauseTypeMatch[];
  let direction: Direction;
  let small = false;
  const changedText = t.op === 'added' ? (t.after ?? '') : t.op === 'removed' ? (t.before ?? '') : t.inserted;

  if (t.op === 'added' && cAfter) {
    touched = merge(cAfter.clauseTypes, headingTypes);
    context = touched;
    direction = directionFromStance(cAfter);
  } else if (t.op === 'removed' && cBefore) {
    touched = merge(cBefore.clauseTypes, headingTypes);
    context = touched;
    // Removing a notice hides a practice without ending it; removing a burden or a right is read from its stance.
    const top = touched[0] ? clauseTypeById.get(touched[0].id) : undefined;
    direction = top?.disclosure ? 'worse' : cBefore.stance === 'unfavorable' ? 'better' : cBefore.stance === 'favorable' ? 'worse' : 'neutral';
  } else {
    const cIns = t.inserted ? classify(t.inserted) : null;
    const cDel = t.deleted ? classify(t.deleted) : null;
    context = merge(cAfter?.clauseTypes ?? [], cBefore?.clauseTypes ?? [], headingTypes);
    touched = merge(cIns?.clauseTypes ?? [], cDel?.clauseTypes ?? []);
    // The changed words speak first; the whole clauses' stance decides when the changed words carry none.
    const changedDelta = (cIns?.stanceScore ?? 0) - (cDel?.stanceScore ?? 0);
    const delta = Math.abs(changedDelta) >= 1 ? changedDelta : (cAfter?.stanceScore ?? 0) - (cBefore?.stanceScore ?? 0);
    direction = delta <= -1 ? 'worse' : delta >= 1 ? 'better' : 'neutral';
    const changedWords = `${t.inserted} ${t.deleted}`.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (touched.length === 0) {
      touched = context.slice(0, 1);
      small = changedWords <= SMALL_CHANGE_WORDS;
    }
  }

  const assessed = leading(touched);
  let severity: Severity = 'low';
  const reasons: string[] = [];
  for (const m of assessed) {
    const info = clauseTypeById.get(m.id);
    if (!info) continue;
    // A type whose own evidence points the other way (an opt-out added beside a waiver) does not share the direction.
    const own = m.evidence.reduce((sum, e) => sum + evidenceStance(m.id, e), 0);
    const typeDirection = directionOfType(t.op, direction, own, info.disclosure);
    let level = typeDirection === 'worse' ? info.weight : info.weight - 1;
    if (typeDirection === 'worse' && AGGRAVATING.test(changedText)) level += 1;
    if (small) level -= 1;
    level = Math.max(1, Math.min(4, level));
    const s = LEVELS[level];
    severity = maxSeverity(severity, s);
    reasons.push(reasonFor(t.op, typeDirection, info.topic, info.disclosure, s) + quoteEvidence(m));
  }
  if (reasons.length === 0) reasons.push(`${verb(t.op)} a clause of no known type (low)`);
  const clauseTypes = merge(touched, context);
  return { clauseTypes, severity, direction, reasons };
}

// Added text is read as it stands; removed text in reverse (a right removed is worse, a burden removed better,
// a notice removed always worse); a rewording follows the changed words unless the type's own evidence disagrees.
function directionOfType(op: ChangeTexts['op'], clause: Direction, own: number, disclosure: boolean): Direction {
  if (op === 'added') return own > 0 ? 'better' : own < 0 ? 'worse' : clause;
  if (op === 'removed') return own > 0 || disclosure ? 'worse' : own < 0 ? 'better' : clause;
  return (clause === 'worse' && own > 0) || (clause === 'better' && own < 0) ? 'neutral' : clause;
}

function verb(op: ChangeTexts['op']): string {
  return op === 'added' ? 'added' : op === 'removed' ? 'removed' : op === 'moved' ? 'moved and changed' : op === 'split' || op === 'merged' ? `${op} and changed` : 'changed';
}

function reasonFor(op: ChangeTexts['op'], direction: Direction, topic: string, disclosure: boolean, s: Severity): string {
  if (op === 'removed' && direction === 'worse' && disclosure) return `removed the text describing ${topic}: a disclosure removed (${s})`;
  if (op === 'removed' && direction === 'worse') return `removed a provision on ${topic} that protected you (${s})`;
  if (op === 'removed' && direction === 'better') return `removed a provision on ${topic} that was unfavourable to you: an improvement (${s})`;
  if (direction === 'worse') return `${verb(op)} ${topic}, unfavourable to you (${s})`;
  if (direction === 'better') return `${verb(op)} ${topic}, favourable to you: an improvement (${s})`;
  return `${verb(op)} ${topic} (${s})`;
}
