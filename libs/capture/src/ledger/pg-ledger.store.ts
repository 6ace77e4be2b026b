import { LedgerAppend, LedgerStore, NodeCoord, RecordsError, RecordsErrorCode } from '@clausewatch/records';
import { EntityManager } from 'typeorm';

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

  async append(entry: LedgerAppend): Promise<void> {
    if (this.versionId === null) throw new RecordsError(RecordsErrorCode.InvalidArgument, 'this ledger store is read-only (no version to append)');
    const [leafHash] = entry.nodes.filter((n) => n.level === 0).map((n) => n.hash);
    // The primary key on leaf_index refuses a second leaf at the same index: a lost race fails, never forks.
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO ledger_leaves (leaf_index, version_id, leaf, leaf_hash)
         SELECT $1, $2, $3, $4 WHERE $1 = (SELECT coalesce(max(leaf_index) + 1, 0) FROM ledger_leaves)
         ON CONFLICT DO NOTHING RETURNING leaf_index`,
      [entry.index, this.versionId, entry.leaf, leafHash],
    );
    if (inserted.length === 0) throw new RecordsError(RecordsErrorCode.LedgerConflict, `ledger leaf ${entry.index} is taken or out of order`);
    await this.manager.query(
      'INSERT INTO ledger_nodes (level, node_index, hash) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])',
      [entry.nodes.map((n) => n.level), entry.nodes.map((n) => n.index), entry.nodes.map((n) => n.hash)],
    );
    await this.manager.query('UPDATE versions SET ledger_index = $1 WHERE id = $2', [entry.index, this.versionId]);
  }
}
