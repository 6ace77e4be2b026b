import { HEAVY_TYPE_ACTS } from './analyzer.constants';
import { compiledRules } from './clause.classifier';

// Whether a version of a document still states a heavy type's practice anywhere: one of the type's act rules (the
// rubric's topics read by their act, HEAVY_TYPE_ACTS) matches its text. A burden removed while the new version states
// none of it any more is a practice dropped (the rubric's Steam: an arbitration agreement removed is high), not a
// narrowing of it.

// The notice of changes is stated where the terms say that they may change: a "Last updated" line alone (one of the
// type's acts) states no notice.
const STATING_RULES: Readonly<Record<string, readonly string[]>> = {
  'policy-changes': ['change-terms', 'terms-change'],
};

const actRules = new Map<string, RegExp[]>();

function actPatterns(id: string): RegExp[] | undefined {
  const acts = STATING_RULES[id] ?? HEAVY_TYPE_ACTS[id]?.rules;
  if (!acts) return undefined;
  let patterns = actRules.get(id);
  if (!patterns) {
    patterns = compiledRules.filter((r) => r.type === id && acts.includes(r.id)).map((r) => new RegExp(r.pattern.source, 'i'));
    actRules.set(id, patterns);
  }
  return patterns;
}

/**
 * Whether the version states the type's practice anywhere; undefined for a type read without act rules. `matches`
 * answers whether the version matches a pattern (the analysis remembers its answers per version).
 */
export function practiceStated(id: string, version: string, matches = (pattern: RegExp): boolean => pattern.test(version)): boolean | undefined {
  return actPatterns(id)?.some(matches);
}
