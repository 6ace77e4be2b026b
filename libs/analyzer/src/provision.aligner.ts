import { diff_match_patch } from 'diff-match-patch';
import {
  CONTAINED_MIN_SHARE,
  MAX_PAIRS_PER_GAP,
  MOVED_MIN_SIMILARITY,
  NEARBY_WINDOW,
  REWORDED_MIN_SIMILARITY,
  SPLIT_MIN_COVERAGE,
} from './analyzer.constants';
import { Alignment, Provision } from './analyzer.types';
import { cosmeticKey, isDateStamp } from './text.normalizer';
import { Bag, containedShare, documentFrequency, overlap, postingsOf, prefixOf, sharingPairs, similarity, Vocabulary } from './word-bag';

const dmp = new diff_match_patch();
dmp.Diff_Timeout = 0;

/** Encodes each distinct key as one character so diff-match-patch can diff sequences of provisions. */
function encode(keys: string[], table: Map<string, string>): string {
  let out = '';
  for (const key of keys) {
    let ch = table.get(key);
    if (ch === undefined) {
      // Skip the surrogate range so every key is one UTF-16 unit.
      let code = table.size + 1;
      if (code >= 0xd800) code += 0x800;
      ch = String.fromCharCode(code);
      table.set(key, ch);
    }
    out += ch;
  }
  return out;
}

/**
 * How much of two clauses' wording they share: the aligner's measure (Dice over word multisets of
 * their cosmetic keys), for whoever else compares clauses (provision lineage, cross-platform context).
 */
export function wordSimilarity(a: string, b: string): number {
  const words = new Vocabulary();
  return similarity(words.bagOf(a), words.bagOf(b));
}

interface Gap {
  before: number[];
  after: number[];
}

/** Aligns two versions' provisions; every provision of both sides appears in exactly one alignment. */
export function alignProvisions(before: Provision[], after: Provision[]): Alignment[] {
  const table = new Map<string, string>();
  const diffs = dmp.diff_main(encode(before.map((p) => p.fingerprint), table), encode(after.map((p) => p.fingerprint), table), false);

  const result: Alignment[] = [];
  const gaps: Gap[] = [];
  let i = 0;
  let j = 0;
  let gap: Gap = { before: [], after: [] };
  for (const [op, chars] of diffs) {
    for (let k = 0; k < chars.length; k++) {
      if (op === 0) {
        result.push({ op: 'identical', before: [i++], after: [j++], similarity: 1 });
      } else if (op === -1) gap.before.push(i++);
      else gap.after.push(j++);
    }
    if (op === 0 && (gap.before.length || gap.after.length)) {
      gaps.push(gap);
      gap = { before: [], after: [] };
    }
  }
  if (gap.before.length || gap.after.length) gaps.push(gap);

  // cosmeticKey is pure: computed once per provision for the same-words check and the word bags.
  const keys = { before: new Map<number, string>(), after: new Map<number, string>() };
  const keyOf = (side: 'before' | 'after', index: number): string => {
    let k = keys[side].get(index);
    if (k === undefined) {
      k = cosmeticKey((side === 'before' ? before : after)[index].text);
      keys[side].set(index, k);
    }
    return k;
  };
  const vocabulary = new Vocabulary();
  const bags = { before: new Map<number, Bag>(), after: new Map<number, Bag>() };
  const bag = (side: 'before' | 'after', index: number): Bag => {
    let b = bags[side].get(index);
    if (!b) {
      b = vocabulary.bagOfKey(keyOf(side, index));
      bags[side].set(index, b);
    }
    return b;
  };
  // isDateStamp is pure: asked once per provision, not once per candidate pair.
  const stamps = { before: new Map<number, boolean>(), after: new Map<number, boolean>() };
  const stamp = (side: 'before' | 'after', index: number): boolean => {
    let s = stamps[side].get(index);
    if (s === undefined) {
      s = isDateStamp((side === 'before' ? before : after)[index].text);
      stamps[side].set(index, s);
    }
    return s;
  };
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  const take = (alignment: Alignment): void => {
    alignment.before.forEach((x) => usedBefore.add(x));
    alignment.after.forEach((x) => usedAfter.add(x));
    result.push(alignment);
  };

  // Within a gap: same words in another order are a move; otherwise the closest pairs are rewordings.
  for (const g of gaps) {
    const byKey = new Map<string, number[]>();
    for (const b of g.before) {
      const key = keyOf('before', b);
      byKey.set(key, [...(byKey.get(key) ?? []), b]);
    }
    for (const a of g.after) {
      const list = byKey.get(keyOf('after', a));
      const b = list?.shift();
      if (b !== undefined) take({ op: 'reworded', before: [b], after: [a], similarity: 1 });
    }
    detectSplitsAndMerges(g, before, after, bag, vocabulary, usedBefore, usedAfter, take);
    const candidates: Array<{ b: number; a: number; score: number }> = [];
    const restBefore = g.before.filter((b) => !usedBefore.has(b));
    const restAfter = g.after.filter((a) => !usedAfter.has(a));
    const nearbyOnly = restBefore.length * restAfter.length > MAX_PAIRS_PER_GAP;
    const pairs = nearbyOnly ? nearbyPairs(restBefore.length, restAfter.length) : gapPairs({ before: restBefore, after: restAfter }, bag, stamp, vocabulary);
    for (const [x, y] of pairs) {
      const b = restBefore[x];
      if (nearbyOnly && Math.abs(x - (y * restBefore.length) / restAfter.length) > NEARBY_WINDOW) continue;
      const a = restAfter[y];
      if (before[b].kind === 'heading' !== (after[a].kind === 'heading')) continue;
      if (stamp('before', b) && stamp('after', a)) {
        candidates.push({ b, a, score: 1 });
        continue;
      }
      const bb = bag('before', b);
      const ba = bag('after', a);
      const score = similarity(bb, ba);
      const contained = Math.min(bb.size, ba.size) >= 3 && containedShare(bb, ba) >= CONTAINED_MIN_SHARE;
      if (score >= REWORDED_MIN_SIMILARITY || contained) candidates.push({ b, a, score: Math.max(score, contained ? REWORDED_MIN_SIMILARITY : 0) });
    }
    candidates.sort((p, q) => q.score - p.score || p.b - q.b);
    for (const c of candidates) {
      if (usedBefore.has(c.b) || usedAfter.has(c.a)) continue;
      take({ op: 'reworded', before: [c.b], after: [c.a], similarity: round(c.score) });
    }
  }

  // Across gaps: a clause that left one place and reappears in another moved (perhaps reworded too).
  const identicalBefore = new Set(result.filter((r) => r.op === 'identical').map((r) => r.before[0]));
  const leftBefore = before.map((p) => p.index).filter((b) => !usedBefore.has(b) && !identicalBefore.has(b));
  const identicalAfter = new Set(result.filter((r) => r.op === 'identical').map((r) => r.after[0]));
  const leftAfter = after.map((p) => p.index).filter((a) => !usedAfter.has(a) && !identicalAfter.has(a));
  if (leftBefore.length * leftAfter.length <= MAX_PAIRS_PER_GAP) {
    const moved: Array<{ b: number; a: number; score: number }> = [];
    for (const [x, y] of movedPairs(leftBefore, leftAfter, before, after, bag, vocabulary)) {
      const b = leftBefore[x];
      const a = leftAfter[y];
      const score = before[b].fingerprint === after[a].fingerprint ? 1 : similarity(bag('before', b), bag('after', a));
      if (score >= MOVED_MIN_SIMILARITY) moved.push({ b, a, score });
    }
    moved.sort((p, q) => q.score - p.score || p.b - q.b);
    for (const m of moved) {
      if (usedBefore.has(m.b) || usedAfter.has(m.a)) continue;
      take({ op: 'moved', before: [m.b], after: [m.a], similarity: round(m.score) });
    }
  }
  for (const b of leftBefore) if (!usedBefore.has(b)) take({ op: 'removed', before: [b], after: [], similarity: 0 });
  for (const a of leftAfter) if (!usedAfter.has(a)) take({ op: 'added', before: [], after: [a], similarity: 0 });

  return result.sort((p, q) => position(p) - position(q));
}

function position(a: Alignment): number {
  // Order by place in the new version; removed provisions sit where they were in the old one.
  return a.after.length ? a.after[0] * 2 + 1 : a.before[0] * 2;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

type BagOf = (side: 'before' | 'after', index: number) => Bag;

/**
 * In a gap too large to score every pair, the pairs near the diagonal (a superset of those within NEARBY_WINDOW, which
 * the caller checks), in nested-loop order: linear in the gap, where an index of a repetitive gap (a long table) could
 * still yield most pairs.
 */
function nearbyPairs(width: number, height: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let x = 0; x < width; x++) {
    const from = Math.max(0, Math.floor(((x - NEARBY_WINDOW - 1) * height) / width));
    const to = Math.min(height - 1, Math.ceil(((x + NEARBY_WINDOW + 1) * height) / width));
    for (let y = from; y <= to; y++) pairs.push([x, y]);
  }
  return pairs;
}

/** Positions (x in before, y in after) of the pairs worth scoring as rewordings in a gap, in nested-loop order. */
function gapPairs(rest: Gap, bag: BagOf, stamp: (side: 'before' | 'after', index: number) => boolean, vocabulary: Vocabulary): Array<[number, number]> {
  if (rest.before.length * rest.after.length <= INDEX_MIN_PAIRS) return allPairs(rest.before.length, rest.after.length);
  const bagsBefore = rest.before.map((b) => bag('before', b));
  const bagsAfter = rest.after.map((a) => bag('after', a));
  const df = documentFrequency(vocabulary.size, [bagsBefore, bagsAfter]);
  // A rewording (Dice ≥ t) shares at least t of the smaller bag's words, a contained one CONTAINED_MIN_SHARE of them.
  const pairs = sharingPairs(bagsBefore, bagsAfter, Math.min(REWORDED_MIN_SIMILARITY, CONTAINED_MIN_SHARE), df);
  // Date stamps pair whatever their words, and two wordless provisions are alike (Dice 1).
  const stamped = { before: rest.before.flatMap((b, x) => (stamp('before', b) ? [x] : [])), after: rest.after.flatMap((a, y) => (stamp('after', a) ? [y] : [])) };
  const empty = { before: bagsBefore.flatMap((b, x) => (b.size === 0 ? [x] : [])), after: bagsAfter.flatMap((b, y) => (b.size === 0 ? [y] : [])) };
  return withPairs(pairs, rest.after.length, [stamped, empty]);
}

/** Positions (x in leftBefore, y in leftAfter) of the pairs worth scoring as moves, in nested-loop order. */
function movedPairs(leftBefore: number[], leftAfter: number[], before: Provision[], after: Provision[], bag: BagOf, vocabulary: Vocabulary): Array<[number, number]> {
  if (leftBefore.length * leftAfter.length <= INDEX_MIN_PAIRS) return allPairs(leftBefore.length, leftAfter.length);
  const bagsBefore = leftBefore.map((b) => bag('before', b));
  const bagsAfter = leftAfter.map((a) => bag('after', a));
  const df = documentFrequency(vocabulary.size, [bagsBefore, bagsAfter]);
  const pairs = sharingPairs(bagsBefore, bagsAfter, MOVED_MIN_SIMILARITY, df);
  const sameFingerprint: Array<{ before: number[]; after: number[] }> = [];
  const byFingerprint = new Map<string, { before: number[]; after: number[] }>();
  leftBefore.forEach((b, x) => {
    let group = byFingerprint.get(before[b].fingerprint);
    if (!group) byFingerprint.set(before[b].fingerprint, (group = { before: [], after: [] }));
    group.before.push(x);
  });
  leftAfter.forEach((a, y) => byFingerprint.get(after[a].fingerprint)?.after.push(y));
  for (const group of byFingerprint.values()) if (group.after.length) sameFingerprint.push(group);
  const empty = { before: bagsBefore.flatMap((b, x) => (b.size === 0 ? [x] : [])), after: bagsAfter.flatMap((b, y) => (b.size === 0 ? [y] : [])) };
  return withPairs(pairs, leftAfter.length, [...sameFingerprint, empty]);
}

// Below this many pairs, scoring every pair costs less than indexing the words (the result is the same).
const INDEX_MIN_PAIRS = 1024;

function allPairs(width: number, height: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let x = 0; x < width; x++) for (let y = 0; y < height; y++) pairs.push([x, y]);
  return pairs;
}

/** The pairs plus every pair of each group's before and after positions, deduplicated, in nested-loop order. */
function withPairs(pairs: Array<[number, number]>, width: number, groups: Array<{ before: number[]; after: number[] }>): Array<[number, number]> {
  if (groups.every((g) => !g.before.length || !g.after.length)) return pairs;
  const keys = new Set(pairs.map(([x, y]) => x * width + y));
  for (const g of groups) for (const x of g.before) for (const y of g.after) keys.add(x * width + y);
  return [...keys].sort((p, q) => p - q).map((k) => [Math.floor(k / width), k % width]);
}

// One provision on one side whose words are covered by a run of consecutive provisions on the other.
function detectSplitsAndMerges(
  g: Gap,
  before: Provision[],
  after: Provision[],
  bag: BagOf,
  vocabulary: Vocabulary,
  usedBefore: Set<number>,
  usedAfter: Set<number>,
  take: (a: Alignment) => void,
): void {
  // A part covered by a whole (SPLIT_MIN_COVERAGE of the part's words) holds a word of the whole among its prefix words:
  // only those parts can start a run, so a large gap is not searched from every position.
  // Built on first use, and only for a large gap: a small one is searched from every position (the result is the same).
  let prefixes: { before: Map<number, number[]>; after: Map<number, number[]> } | null = null;
  const startsOf = (whole: Bag, manySide: 'before' | 'after', many: number[]): Iterable<number> => {
    if (g.before.length * g.after.length <= INDEX_MIN_PAIRS) return many.keys();
    if (!prefixes) {
      const bags = { before: g.before.map((b) => bag('before', b)), after: g.after.map((a) => bag('after', a)) };
      const df = documentFrequency(vocabulary.size, [bags.before, bags.after]);
      prefixes = {
        before: postingsOf(bags.before, (b) => prefixOf(b, SPLIT_MIN_COVERAGE, df)),
        after: postingsOf(bags.after, (b) => prefixOf(b, SPLIT_MIN_COVERAGE, df)),
      };
    }
    const starts = new Set<number>();
    for (const id of whole.ids) for (const position of prefixes[manySide].get(id) ?? []) starts.add(position);
    return [...starts].sort((x, y) => x - y);
  };
  const tryJoin = (oneSide: 'before' | 'after', one: number, manySide: 'before' | 'after', many: number[], used: Set<number>): number[] | null => {
    const whole = bag(oneSide, one);
    if (whole.size < 4) return null;
    for (const start of startsOf(whole, manySide, many)) {
      const run: number[] = [];
      for (let k = start; k < many.length; k++) {
        const idx = many[k];
        if (used.has(idx) || (run.length && idx !== run[run.length - 1] + 1)) break;
        const part = bag(manySide, idx);
        // The overlap is at most the whole's size: a part that much larger cannot be covered at that share.
        if (part.size === 0 || whole.size < part.size * SPLIT_MIN_COVERAGE || overlap(part, whole) / part.size < SPLIT_MIN_COVERAGE) break;
        run.push(idx);
      }
      if (run.length >= 2) {
        const joined = vocabulary.bagOf(run.map((idx) => (manySide === 'before' ? before : after)[idx].text).join(' '));
        if (overlap(joined, whole) / whole.size >= SPLIT_MIN_COVERAGE) return run;
      }
    }
    return null;
  };
  for (const b of g.before) {
    if (usedBefore.has(b)) continue;
    const run = tryJoin('before', b, 'after', g.after, usedAfter);
    if (run) take({ op: 'split', before: [b], after: run, similarity: round(similarity(bag('before', b), vocabulary.bagOf(run.map((x) => after[x].text).join(' ')))) });
  }
  for (const a of g.after) {
    if (usedAfter.has(a)) continue;
    const run = tryJoin('after', a, 'before', g.before, usedBefore);
    if (run) take({ op: 'merged', before: run, after: [a], similarity: round(similarity(vocabulary.bagOf(run.map((x) => before[x].text).join(' ')), bag('after', a))) });
  }
}
