import { NodeCoord } from '../merkle/merkle-range';

export interface LedgerNode extends NodeCoord {
  hash: Buffer;
}

/** One append: the leaf bytes at `index` and every complete subtree it closes (level 0 = its leaf hash). */
export interface LedgerAppend {
  index: number;
  leaf: Buffer;
  nodes: LedgerNode[];
}

/**
 * Where a MerkleLog keeps its leaves and the hashes of its complete subtrees, keyed by
 * (level, index). Only complete subtrees are stored, so nothing ever changes once written:
 * a PostgreSQL store can be two insert-only tables with primary keys
 * `ledger_leaf(index)` and `ledger_node(level, index)`. Signed tree heads are not kept here:
 * store each one you publish next to it, since bundles and consistency proofs refer to them.
 */
export interface LedgerStore {
  /** Number of leaves appended so far; called on every append, so keep it O(1) (e.g. max(index) + 1 on the key). */
  size(): Promise<number>;

  /** The exact leaf bytes at `index`, or null when there is no such leaf. */
  getLeaf(index: number): Promise<Buffer | null>;

  /**
   * Hashes of the given complete subtrees, in the order asked. Every coordinate passed covers
   * leaves below `size()`, so a missing one is corruption: throw RecordsError(MissingNode).
   */
  getNodes(coords: readonly NodeCoord[]): Promise<Buffer[]>;

  /**
   * Writes the leaf and its nodes atomically (one transaction). Must reject with
   * RecordsError(LedgerConflict) — without writing anything — unless `entry.index === size()`,
   * e.g. through the primary key on the leaf index, so two writers can never fork the log.
   */
  append(entry: LedgerAppend): Promise<void>;
}
