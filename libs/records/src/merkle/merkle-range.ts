// Which stored subtrees make up each hash of a root or proof. Every range that RFC 6962's
// recursion produces, [start, end), starts at a multiple of the largest power of two not above
// its length, so it is the right fold of at most log2(n) complete, aligned subtrees — the ones a
// LedgerStore keeps. Planning is pure so a store can fetch all nodes of a proof in one batch.

/** A complete subtree: leaves [index * 2^level, (index + 1) * 2^level). */
export interface NodeCoord {
  level: number;
  index: number;
}

/** The largest power of two strictly smaller than n (n >= 2). */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Complete subtrees covering [start, end), largest first; MTH of the range is their right fold. */
export function rangeNodes(start: number, end: number): NodeCoord[] {
  const nodes: NodeCoord[] = [];
  let offset = start;
  let remaining = end - start;
  while (remaining > 0) {
    let size = 1;
    let level = 0;
    while (size * 2 <= remaining) {
      size *= 2;
      level += 1;
    }
    nodes.push({ level, index: offset / size });
    offset += size;
    remaining -= size;
  }
  return nodes;
}

export interface LeafRange {
  start: number;
  end: number;
}

/** RFC 6962 §2.1.1 PATH(m, D[n]): the sibling ranges from the leaf up to the root. */
export function inclusionRanges(leafIndex: number, treeSize: number): LeafRange[] {
  const ranges: LeafRange[] = [];
  let start = 0;
  let end = treeSize;
  let m = leafIndex;
  // Walk down from the root; the siblings come out root-first, the proof lists them leaf-first.
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start);
    if (m < k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
      m -= k;
    }
  }
  return ranges.reverse();
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), as ranges in proof order. */
export function consistencyRanges(oldSize: number, newSize: number): LeafRange[] {
  const ranges: LeafRange[] = [];
  let start = 0;
  let end = newSize;
  let m = oldSize;
  let complete = true;
  while (m !== end - start) {
    const k = largestPowerOfTwoBelow(end - start);
    if (m <= k) {
      ranges.push({ start: start + k, end });
      end = start + k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
      m -= k;
      complete = false;
    }
  }
  if (!complete) ranges.push({ start, end });
  return ranges.reverse();
}
