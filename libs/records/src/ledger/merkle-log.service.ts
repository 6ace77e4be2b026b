import { emptyRoot, hashChildren, hashLeaf } from '../merkle/merkle.hasher';
import { consistencyRanges, inclusionRanges, LeafRange, NodeCoord, rangeNodes } from '../merkle/merkle-range';
import { RecordsError, RecordsErrorCode } from '../records.error';
import { LedgerNode, LedgerStore } from './ledger.store';

export interface AppendedLeaf {
  index: number;
  leafHash: Buffer;
  /** Size of the log right after this append (index + 1). */
  treeSize: number;
}

export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  hashes: Buffer[];
}

export interface ConsistencyProof {
  oldSize: number;
  newSize: number;
  hashes: Buffer[];
}

/**
 * An append-only RFC 6962 Merkle log over a LedgerStore. Appends read the left siblings they
 * close (amortised O(1), at most log2 n) and write the leaf plus the subtrees it completes;
 * roots and proofs read O(log² n) stored subtree hashes in one batch, never the leaves.
 * Appends must be serialised by the caller (one writer, or a lock); the store's conflict
 * check turns a lost race into an error instead of a fork.
 */
export class MerkleLog {
  constructor(private readonly store: LedgerStore) {}

  size(): Promise<number> {
    return this.store.size();
  }

  async append(leaf: Uint8Array): Promise<AppendedLeaf> {
    const index = await this.store.size();
    const leafHash = hashLeaf(leaf);
    const siblings: NodeCoord[] = [];
    for (let i = index, level = 0; i % 2 === 1; i = (i - 1) / 2, level += 1) siblings.push({ level, index: i - 1 });
    // Half of all appends close no subtree: skip the round trip for them.
    const siblingHashes = siblings.length > 0 ? await this.store.getNodes(siblings) : [];

    const nodes: LedgerNode[] = [{ level: 0, index, hash: leafHash }];
    let hash = leafHash;
    siblingHashes.forEach((left, i) => {
      hash = hashChildren(left, hash);
      nodes.push({ level: i + 1, index: Math.floor(index / 2 ** (i + 1)), hash });
    });
    await this.store.append({ index, leaf: Buffer.from(leaf), nodes });
    return { index, leafHash, treeSize: index + 1 };
  }

  getLeaf(index: number): Promise<Buffer | null> {
    return this.store.getLeaf(index);
  }

  /** MTH of the first `treeSize` leaves (defaults to the whole log). */
  async root(treeSize?: number): Promise<Buffer> {
    const size = await this.checkedSize(treeSize);
    if (size === 0) return emptyRoot();
    const [root] = await this.hashRanges([{ start: 0, end: size }]);
    return root;
  }

  async inclusionProof(leafIndex: number, treeSize?: number): Promise<InclusionProof> {
    const size = await this.checkedSize(treeSize);
    if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= size) {
      throw new RecordsError(RecordsErrorCode.OutOfRange, `leaf ${leafIndex} is not in a tree of ${size}`);
    }
    return { leafIndex, treeSize: size, hashes: await this.hashRanges(inclusionRanges(leafIndex, size)) };
  }

  async consistencyProof(oldSize: number, newSize?: number): Promise<ConsistencyProof> {
    const size = await this.checkedSize(newSize);
    if (!Number.isSafeInteger(oldSize) || oldSize < 0 || oldSize > size) {
      throw new RecordsError(RecordsErrorCode.OutOfRange, `tree size ${oldSize} is not a prefix of ${size}`);
    }
    const hashes = oldSize === 0 ? [] : await this.hashRanges(consistencyRanges(oldSize, size));
    return { oldSize, newSize: size, hashes };
  }

  private async checkedSize(treeSize: number | undefined): Promise<number> {
    const current = await this.store.size();
    if (treeSize === undefined) return current;
    if (!Number.isSafeInteger(treeSize) || treeSize < 0 || treeSize > current) {
      throw new RecordsError(RecordsErrorCode.OutOfRange, `tree size ${treeSize} exceeds the log size ${current}`);
    }
    return treeSize;
  }

  /** Fetches every subtree the ranges need in one store call, then folds each range right to left. */
  private async hashRanges(ranges: readonly LeafRange[]): Promise<Buffer[]> {
    const perRange = ranges.map((r) => rangeNodes(r.start, r.end));
    const hashes = await this.store.getNodes(perRange.flat());
    let next = 0;
    return perRange.map((coords) => {
      const own = hashes.slice(next, next + coords.length);
      next += coords.length;
      return own.reduceRight((acc, left) => hashChildren(left, acc));
    });
  }
}
