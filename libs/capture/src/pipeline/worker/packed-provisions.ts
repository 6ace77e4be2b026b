import type { Provision, ProvisionKind } from '@clausewatch/analyzer';
import type { ProvisionText, ProvisionTexts } from '@clausewatch/db';

const KINDS: ProvisionKind[] = ['heading', 'paragraph', 'list-item', 'table'];

/**
 * A text's provisions as a few columns instead of one object (and one heading array) per provision:
 * what the main thread holds between the `prepare` task and the plan tasks, and what crosses between
 * threads. The 90,000-section page's provisions were a 34 MB message of ~90,000 objects; packed, they are
 * two strings about the size of the text and some typed arrays.
 */
export interface PackedProvisions {
  count: number;
  /** The provisions' texts, one after another; `textEnds[i]` is where provision i's text ends. */
  texts: string;
  textEnds: Int32Array;
  /** The provisions' fingerprints, one after another (see `fingerprintEnds`). */
  fingerprints: string;
  fingerprintEnds: Int32Array;
  /** Index of each provision's kind in KINDS. */
  kinds: Uint8Array;
  /** Each provision's index (the splitter's; in order). */
  indexes: Int32Array;
  /**
   * Heading paths as a tree of distinct paths: path p is path `pathParents[p]` (-1: none) followed by
   * heading `headings[pathHeadings[p]]`. `pathOf[i]` is provision i's path (-1: no heading).
   */
  headings: string[];
  pathParents: Int32Array;
  pathHeadings: Int32Array;
  pathOf: Int32Array;
}

/** Packs provisions (see PackedProvisions); `unpackProvisions` gives them back equal. */
export function packProvisions(provisions: Provision[]): PackedProvisions {
  const n = provisions.length;
  const textEnds = new Int32Array(n);
  const fingerprintEnds = new Int32Array(n);
  const kinds = new Uint8Array(n);
  const indexes = new Int32Array(n);
  const pathOf = new Int32Array(n);
  const headings: string[] = [];
  const headingIds = new Map<string, number>();
  const parents: number[] = [];
  const lasts: number[] = [];
  const pathIds = new Map<string, number>();
  const texts: string[] = [];
  const fingerprints: string[] = [];
  let textEnd = 0;
  let fingerprintEnd = 0;
  for (let i = 0; i < n; i++) {
    const p = provisions[i];
    texts.push(p.text);
    textEnd += p.text.length;
    textEnds[i] = textEnd;
    fingerprints.push(p.fingerprint);
    fingerprintEnd += p.fingerprint.length;
    fingerprintEnds[i] = fingerprintEnd;
    const kind = KINDS.indexOf(p.kind);
    if (kind < 0) throw new Error(`unknown provision kind ${String(p.kind)}`);
    kinds[i] = kind;
    indexes[i] = p.index;
    let path = -1;
    for (const heading of p.headingPath) {
      let h = headingIds.get(heading);
      if (h === undefined) {
        h = headings.length;
        headings.push(heading);
        headingIds.set(heading, h);
      }
      const key = `${path}:${h}`;
      let next = pathIds.get(key);
      if (next === undefined) {
        next = parents.length;
        parents.push(path);
        lasts.push(h);
        pathIds.set(key, next);
      }
      path = next;
    }
    pathOf[i] = path;
  }
  return {
    count: n,
    texts: texts.join(''),
    textEnds,
    fingerprints: fingerprints.join(''),
    fingerprintEnds,
    kinds,
    indexes,
    headings,
    pathParents: Int32Array.from(parents),
    pathHeadings: Int32Array.from(lasts),
    pathOf,
  };
}

/** The provisions packed by `packProvisions`, equal to them (each with a heading array of its own, as the splitter gives). */
export function unpackProvisions(packed: PackedProvisions): Provision[] {
  const paths: string[][] = [];
  const pathAt = (p: number): string[] => {
    if (p < 0) return [];
    // Parents come before their children, so a parent's array is built already.
    return paths[p];
  };
  for (let p = 0; p < packed.pathParents.length; p++) paths.push([...pathAt(packed.pathParents[p]), packed.headings[packed.pathHeadings[p]]]);
  const provisions: Provision[] = new Array<Provision>(packed.count);
  let textStart = 0;
  let fingerprintStart = 0;
  for (let i = 0; i < packed.count; i++) {
    const textEnd = packed.textEnds[i];
    const fingerprintEnd = packed.fingerprintEnds[i];
    provisions[i] = {
      index: packed.indexes[i],
      headingPath: packed.pathOf[i] < 0 ? [] : [...paths[packed.pathOf[i]]],
      kind: KINDS[packed.kinds[i]],
      text: packed.texts.slice(textStart, textEnd),
      fingerprint: packed.fingerprints.slice(fingerprintStart, fingerprintEnd),
    };
    textStart = textEnd;
    fingerprintStart = fingerprintEnd;
  }
  return provisions;
}

/**
 * Packed provisions as the lineage write reads them (ProvisionTexts): each provision built when asked,
 * so the main thread never holds them all as objects.
 */
export class PackedProvisionTexts implements ProvisionTexts {
  constructor(private readonly packed: PackedProvisions) {}

  get length(): number {
    return this.packed.count;
  }

  at(i: number): ProvisionText | undefined {
    const p = this.packed;
    if (!Number.isInteger(i) || i < 0 || i >= p.count) return undefined;
    const headingPath: string[] = [];
    for (let path = p.pathOf[i]; path >= 0; path = p.pathParents[path]) headingPath.push(p.headings[p.pathHeadings[path]]);
    headingPath.reverse();
    return {
      index: p.indexes[i],
      headingPath,
      text: p.texts.slice(i === 0 ? 0 : p.textEnds[i - 1], p.textEnds[i]),
      fingerprint: p.fingerprints.slice(i === 0 ? 0 : p.fingerprintEnds[i - 1], p.fingerprintEnds[i]),
    };
  }
}
