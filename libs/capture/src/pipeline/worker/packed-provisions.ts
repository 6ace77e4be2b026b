import type { Provision, ProvisionKind } from '@clausewatch/analyzer';
import type { HeldProvision, HeldProvisionColumns, HeldProvisions, ProvisionText, ProvisionTexts } from '@clausewatch/db';

const KINDS: ProvisionKind[] = ['heading', 'paragraph', 'list-item', 'table'];

/** Strings one after another in one string: `ends[i]` is where string i ends (one string and a typed array instead of many strings). */
interface PackedStrings {
  joined: string;
  ends: Int32Array;
}

function packStrings(values: string[]): PackedStrings {
  const ends = new Int32Array(values.length);
  let end = 0;
  for (let i = 0; i < values.length; i++) {
    end += values[i].length;
    ends[i] = end;
  }
  return { joined: values.join(''), ends };
}

/** String i of strings packed by `packStrings`. */
function stringAt(joined: string, ends: Int32Array, i: number): string {
  return joined.slice(i === 0 ? 0 : ends[i - 1], ends[i]);
}

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
  const texts = packStrings(provisions.map((p) => p.text));
  const fingerprints = packStrings(provisions.map((p) => p.fingerprint));
  const kinds = new Uint8Array(n);
  const indexes = new Int32Array(n);
  const pathOf = new Int32Array(n);
  const headings: string[] = [];
  const headingIds = new Map<string, number>();
  const parents: number[] = [];
  const lasts: number[] = [];
  const pathIds = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const p = provisions[i];
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
    texts: texts.joined,
    textEnds: texts.ends,
    fingerprints: fingerprints.joined,
    fingerprintEnds: fingerprints.ends,
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
  for (let i = 0; i < packed.count; i++) {
    provisions[i] = {
      index: packed.indexes[i],
      headingPath: packed.pathOf[i] < 0 ? [] : [...paths[packed.pathOf[i]]],
      kind: KINDS[packed.kinds[i]],
      text: stringAt(packed.texts, packed.textEnds, i),
      fingerprint: stringAt(packed.fingerprints, packed.fingerprintEnds, i),
    };
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
      text: stringAt(p.texts, p.textEnds, i),
      fingerprint: stringAt(p.fingerprints, p.fingerprintEnds, i),
    };
  }
}

/**
 * The provisions a version holds (ProvisionsRepository.heldBy), packed as the split is: what the main
 * thread holds while it plans a capture and sends to the plan task. For the 90,000-section page, 180,000
 * objects with a Date each became two strings and a few typed arrays.
 */
export interface PackedHeldProvisions {
  count: number;
  /** Each provision's position in the version (the splitter's index). */
  positions: Int32Array;
  /** The provisions' IDs, one after another (see `provisionIdEnds`). */
  provisionIds: string;
  provisionIdEnds: Int32Array;
  /** The texts the version holds, one after another (see `textEnds`). */
  texts: string;
  textEnds: Int32Array;
  /** When each provision was first held, in milliseconds since the epoch. */
  firstSeenAt: Float64Array;
}

/** Packs the columns `heldBy` reads. */
export function packHeldColumns(columns: HeldProvisionColumns): PackedHeldProvisions {
  const ids = packStrings(columns.provisionIds);
  const texts = packStrings(columns.texts);
  return {
    count: columns.positions.length,
    positions: Int32Array.from(columns.positions),
    provisionIds: ids.joined,
    provisionIdEnds: ids.ends,
    texts: texts.joined,
    textEnds: texts.ends,
    firstSeenAt: Float64Array.from(columns.firstSeenAt),
  };
}

/** Held provisions read one at a time from their packed columns (see PackedHeldProvisions). */
export class PackedHeldRows implements HeldProvisions {
  constructor(readonly packed: PackedHeldProvisions) {}

  get length(): number {
    return this.packed.count;
  }

  at(i: number): HeldProvision | undefined {
    const p = this.packed;
    if (!Number.isInteger(i) || i < 0 || i >= p.count) return undefined;
    return { position: p.positions[i], provisionId: stringAt(p.provisionIds, p.provisionIdEnds, i), text: stringAt(p.texts, p.textEnds, i), firstSeenAt: new Date(p.firstSeenAt[i]) };
  }
}

/** Held provisions packed to cross into a worker thread: as they are when read packed, else packed here (a plan given rows). */
export function packHeldProvisions(held: HeldProvisions): PackedHeldProvisions {
  if (held instanceof PackedHeldRows) return held.packed;
  const rows = heldRowsOf(held);
  return packHeldColumns({
    positions: rows.map((r) => r.position),
    provisionIds: rows.map((r) => r.provisionId),
    texts: rows.map((r) => r.text),
    firstSeenAt: rows.map((r) => r.firstSeenAt.getTime()),
  });
}

/** Every held provision as an object (for the back-dated capture's planning, which looks them up in maps). */
export function heldRowsOf(held: HeldProvisions): HeldProvision[] {
  return Array.from({ length: held.length }, (_, i) => held.at(i)!);
}
