import { HEAVY_TYPE_ACTS } from './analyzer.constants';
import { classify, compiledRules } from './clause.classifier';

// Whether a version of a document still states a heavy type's practice anywhere: one of the type's act rules (the
// rubric's topics read by their act, HEAVY_TYPE_ACTS) matches its text. A burden removed while the new version states
// none of it any more is a practice dropped (the rubric's Steam: an arbitration agreement removed is high), not a
// narrowing of it.

// The notice of changes is stated where the terms say that they may change: a "Last updated" line alone (one of the
// type's acts) states no notice.
const STATING_RULES: Readonly<Record<string, readonly string[]>> = {
  'policy-changes': ['change-terms', 'terms-change'],
};

// Per type, its act rules' patterns: as tests (`i`), and for walking a version's matches (`gi`).
const actRules = new Map<string, { tests: RegExp[]; walks: RegExp[] }>();

function actPatterns(id: string): { tests: RegExp[]; walks: RegExp[] } | undefined {
  const acts = STATING_RULES[id] ?? HEAVY_TYPE_ACTS[id]?.rules;
  if (!acts) return undefined;
  let patterns = actRules.get(id);
  if (!patterns) {
    const sources = compiledRules.filter((r) => r.type === id && acts.includes(r.id)).map((r) => r.pattern.source);
    patterns = { tests: sources.map((source) => new RegExp(source, 'i')), walks: sources.map((source) => new RegExp(source, 'gi')) };
    actRules.set(id, patterns);
  }
  return patterns;
}

/**
 * Whether the version states the type's practice anywhere; undefined for a type read without act rules. `matches`
 * answers whether the version matches a pattern (the analysis remembers its answers per version).
 */
export function practiceStated(id: string, version: string, matches = (pattern: RegExp): boolean => pattern.test(version)): boolean | undefined {
  return actPatterns(id)?.tests.some(matches);
}

// A sentence of the other version read for a promise: at most this many of the act's matches, so a page repeating the
// act does not turn one removed clause into thousands of classifications.
const PROMISE_MATCHES_MAX = 12;
const PROMISE_SENTENCE_MAX = 400;

/**
 * Whether the version still makes a promise not to do the type's act ("we do not and will not sell your data"): a
 * sentence around one of the act's matches whose every cue of the type is negated. A removed "We don't sell your
 * personal information." is no disclosure removed while the new version says it in other words.
 */
export function promiseStated(id: string, version: string): boolean {
  const patterns = actPatterns(id);
  if (!patterns) return false;
  let seen = 0;
  for (const global of patterns.walks) {
    global.lastIndex = 0;
    for (let m = global.exec(version); m && seen < PROMISE_MATCHES_MAX; m = global.exec(version)) {
      seen++;
      const start = Math.max(version.lastIndexOf('. ', m.index) + 2, m.index - PROMISE_SENTENCE_MAX);
      const stop = version.indexOf('. ', m.index + m[0].length);
      const sentence = version.slice(start, stop < 0 ? Math.min(version.length, m.index + PROMISE_SENTENCE_MAX) : Math.min(stop + 1, m.index + PROMISE_SENTENCE_MAX));
      const type = classify(sentence).clauseTypes.find((t) => t.id === id);
      if (type && type.evidence.length > 0 && type.evidence.every((e) => e.negated)) return true;
      if (m[0].length === 0) global.lastIndex++;
    }
  }
  return false;
}
