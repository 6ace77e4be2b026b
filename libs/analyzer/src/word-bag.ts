import { wordsOf } from './text.normalizer';

/** A multiset of words: word numbers in ascending order with their counts (numbers from one Vocabulary). */
export interface Bag {
  ids: number[];
  counts: number[];
  size: number;
}

/** Numbers the words of one alignment, so bags compare as sorted integer arrays rather than string maps. */
export class Vocabulary {
  private readonly numbers = new Map<string, number>();

  get size(): number {
    return this.numbers.size;
  }

  bagOf(text: string): Bag {
    return this.bagOfWords(wordsOf(text));
  }

  /** bagOf from a text's cosmeticKey (wordsOf is that key's non-empty words). */
  bagOfKey(key: string): Bag {
    return this.bagOfWords(key.split(' ').filter((w) => w.length > 0));
  }

  private bagOfWords(list: string[]): Bag {
    // Word numbers sorted, then counted in runs: no map per bag (this runs on every provision of both versions).
    const numbers = new Int32Array(list.length);
    for (let k = 0; k < list.length; k++) {
      let id = this.numbers.get(list[k]);
      if (id === undefined) {
        id = this.numbers.size;
        this.numbers.set(list[k], id);
      }
      numbers[k] = id;
    }
    numbers.sort();
    // Plain arrays for the result: two more typed arrays per bag cost more to allocate than the whole count.
    const ids: number[] = [];
    const counts: number[] = [];
    for (let k = 0; k < numbers.length; k++) {
      if (k === 0 || numbers[k] !== numbers[k - 1]) {
        ids.push(numbers[k]);
        counts.push(1);
      } else counts[counts.length - 1]++;
    }
    return { ids, counts, size: list.length };
  }
}

/** Words the two bags share, counted with multiplicity (a merge of the two sorted arrays). */
export function overlap(a: Bag, b: Bag): number {
  const ai = a.ids;
  const bi = b.ids;
  let x = 0;
  let y = 0;
  let shared = 0;
  while (x < ai.length && y < bi.length) {
    const u = ai[x];
    const v = bi[y];
    if (u === v) {
      shared += Math.min(a.counts[x++], b.counts[y++]);
    } else if (u < v) x++;
    else y++;
  }
  return shared;
}

/** Dice coefficient over word multisets. */
export function similarity(a: Bag, b: Bag): number {
  if (a.size + b.size === 0) return 1;
  return (2 * overlap(a, b)) / (a.size + b.size);
}

export function containedShare(a: Bag, b: Bag): number {
  const smaller = Math.min(a.size, b.size);
  return smaller === 0 ? 0 : overlap(a, b) / smaller;
}

/** How many of a group's bags hold each word number: the rarity order of prefix filtering. */
export function documentFrequency(vocabularySize: number, groups: Bag[][]): Int32Array {
  const df = new Int32Array(vocabularySize);
  for (const group of groups) for (const b of group) for (const id of b.ids) df[id]++;
  return df;
}

/**
 * Prefix filtering (as in set-similarity joins): the rarest distinct words of a bag whose counts add up to more than
 * (1 - share) of its size. A bag that holds at least `share` of this bag's words (with multiplicity) must hold one of
 * them, since the words it lacks add up to at most (1 - share) of the size. Rare words make short posting lists, so
 * the pairs worth scoring are found without comparing all pairs.
 */
export function prefixOf(bag: Bag, share: number, df: Int32Array): number[] {
  // The words a sharing bag may lack, as a whole number (a small margin guards against floating-point error).
  const lacking = Math.floor((1 - share) * bag.size + 1e-6);
  // Rarest first, ties by word number: as the numbers ascend in the bag, by position. Each position with its frequency
  // as one number (frequency × POSITIONS + position, exact in a double) sorts natively, with no comparator called.
  const order = new Float64Array(bag.ids.length);
  for (let k = 0; k < order.length; k++) order[k] = df[bag.ids[k]] * POSITIONS + k;
  order.sort();
  const prefix: number[] = [];
  let covered = 0;
  for (const key of order) {
    const k = key % POSITIONS;
    prefix.push(bag.ids[k]);
    covered += bag.counts[k];
    if (covered > lacking) break;
  }
  return prefix;
}

// More distinct words than a bag of one clause holds, and fewer than 2^53 / POSITIONS bags: the keys stay exact.
const POSITIONS = 2 ** 26;

/** Word number → positions (in the list) of the bags holding it. */
export function postingsOf(bags: Bag[], wordsOfBag: (bag: Bag, position: number) => ArrayLike<number> = (b) => b.ids): Map<number, number[]> {
  const postings = new Map<number, number[]>();
  bags.forEach((b, position) => {
    const words = wordsOfBag(b, position);
    for (let k = 0; k < words.length; k++) {
      const list = postings.get(words[k]);
      if (list) list.push(position);
      else postings.set(words[k], [position]);
    }
  });
  return postings;
}

/**
 * Every pair (left position, right position) of non-empty bags that may share at least `share` of the smaller bag's
 * words (a superset: the caller scores each pair), in ascending order of left then right position, as a nested loop
 * over all pairs would visit them.
 */
export function sharingPairs(left: Bag[], right: Bag[], share: number, df: Int32Array): Array<[number, number]> {
  const inLeft = postingsOf(left);
  const inRight = postingsOf(right);
  const found = new Set<number>();
  const width = right.length;
  left.forEach((b, l) => {
    for (const w of prefixOf(b, share, df)) for (const r of inRight.get(w) ?? []) found.add(l * width + r);
  });
  right.forEach((b, r) => {
    for (const w of prefixOf(b, share, df)) for (const l of inLeft.get(w) ?? []) found.add(l * width + r);
  });
  return [...found].sort((x, y) => x - y).map((k) => [Math.floor(k / width), k % width]);
}
