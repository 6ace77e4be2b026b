import { AppendedLeaf, hashLeaf, LedgerAppend, LedgerStore, NodeCoord, RecordsError, RecordsErrorCode } from '@clausewatch/records';
import { EntityManager } from 'typeorm';
import { LEDGER_LOCK_ID } from './ledger.constants';

interface AppendRow {
  appended_index: string;
  appended_leaf_hash: Buffer;
  closing_hash: Buffer;
}

export interface PgAppendedLeaf extends AppendedLeaf {
  /** The highest complete subtree the leaf closed (its own leaf hash when it closes none). */
  closingHash: Buffer;
}

/** A connection that runs a text query with the simple protocol (node-postgres's client). */
export interface SimpleQueryClient {
  query(text: string): Promise<unknown>;
}

interface NodeRow {
  level: number;
  node_index: string;
  hash: Buffer;
}

/**
 * The ledger's LedgerStore on PostgreSQL (`ledger_leaves`, `ledger_nodes`), bound to one
 * EntityManager so that an append inside the capture transaction commits with its version.
 * `versionId` names the version the next appended leaf belongs to (ledger_leaves.version_id).
 */
export class PgLedgerStore implements LedgerStore {
  constructor(
    private readonly manager: EntityManager,
    private readonly versionId: string | null = null,
  ) {}

  async size(): Promise<number> {
    // max() on the primary key is an index-only lookup of the last entry, not a count.
    const [row]: Array<{ size: string }> = await this.manager.query('SELECT coalesce(max(leaf_index) + 1, 0) AS size FROM ledger_leaves');
    return Number(row.size);
  }

  async getLeaf(index: number): Promise<Buffer | null> {
    const [row]: Array<{ leaf: Buffer }> = await this.manager.query('SELECT leaf FROM ledger_leaves WHERE leaf_index = $1', [index]);
    return row?.leaf ?? null;
  }

  async getNodes(coords: readonly NodeCoord[]): Promise<Buffer[]> {
    if (coords.length === 0) return [];
    const rows: NodeRow[] = await this.manager.query(
      `SELECT n.level, n.node_index, n.hash FROM ledger_nodes n
         JOIN unnest($1::smallint[], $2::bigint[]) AS c(level, node_index) ON n.level = c.level AND n.node_index = c.node_index`,
      [coords.map((c) => c.level), coords.map((c) => c.index)],
    );
    const byCoord = new Map(rows.map((r) => [`${r.level}:${r.node_index}`, r.hash]));
    return coords.map(({ level, index }) => {
      const hash = byCoord.get(`${level}:${index}`);
      if (!hash) throw new RecordsError(RecordsErrorCode.MissingNode, `ledger node (${level}, ${index}) is missing`);
      return hash;
    });
  }

  /**
   * Appends `leaf` as the version's entry in one round trip (`ledger_append` in the database:
   * lock, index, leaf, closed subtrees, versions.ledger_index). Call it inside the capture
   * transaction: the advisory lock it takes is held until that transaction ends.
   * With `expectedIndex`, rejects (writing nothing) unless the leaf lands exactly there.
   */
  async appendLeaf(leaf: Buffer, expectedIndex: number | null = null): Promise<PgAppendedLeaf> {
    if (this.versionId === null) throw new RecordsError(RecordsErrorCode.InvalidArgument, 'this ledger store is read-only (no version to append)');
    let row: AppendRow;
    try {
      [row] = await this.manager.query('SELECT * FROM ledger_append($1::bigint, $2::bigint, $3::bytea, $4::bigint)', [
        LEDGER_LOCK_ID,
        this.versionId,
        leaf,
        expectedIndex,
      ]);
    } catch (error) {
      const code = (error as { code?: string }).code;
      // CWL01: another leaf took the index; 23505: a second leaf for the same version.
      if (code === 'CWL01' || code === '23505') throw new RecordsError(RecordsErrorCode.LedgerConflict, (error as Error).message);
      if (code === 'CWL02') throw new RecordsError(RecordsErrorCode.MissingNode, (error as Error).message);
      throw error;
    }
    const leafHash = hashLeaf(leaf);
    // The database hashed the leaf itself: it must agree with the reference implementation.
    if (!row.appended_leaf_hash.equals(leafHash)) {
      throw new RecordsError(RecordsErrorCode.InvalidArgument, `ledger_append hashed leaf ${row.appended_index} differently from RFC 6962`);
    }
    return { index: Number(row.appended_index), leafHash, closingHash: row.closing_hash, treeSize: Number(row.appended_index) + 1 };
  }

  /** The LedgerStore append: `ledger_append` at `entry.index`, checked against the nodes MerkleLog computed. */
  async append(entry: LedgerAppend): Promise<void> {
    const appended = await this.appendLeaf(entry.leaf, entry.index);
    const closing = entry.nodes[entry.nodes.length - 1];
    if (!closing || !appended.closingHash.equals(closing.hash)) {
      throw new RecordsError(RecordsErrorCode.InvalidArgument, `ledger_append closed a different subtree than the log computed at leaf ${entry.index}`);
    }
  }
}
