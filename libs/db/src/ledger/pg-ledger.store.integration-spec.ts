import { createDataSource } from '../data-source';
import { MemoryLedgerStore, MerkleLog, RecordsError, RecordsErrorCode } from '@clausewatch/records';
import { createTestDatabase, TestDatabase } from '@clausewatch/testing';
import { DataSource } from 'typeorm';
import { PgLedgerStore } from './pg-ledger.store';

const LEAVES = 70;

const VERSIONS = 256;
const leafOf = (i: number): Buffer => Buffer.from(`leaf ${i}`);

describe('PgLedgerStore (ledger_append in PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let syntheticVersions: string[] = [];
  const versionIdOf = (i: number): string => syntheticVersions[i];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 4 });
    await dataSource.initialize();
    // Each synthetic leaf records a version of its own (ledger_leaves.version_id has a foreign key).
    const [platform] = await dataSource.query(`INSERT INTO platforms (slug, name) VALUES ('synthetic', 'Synthetic') RETURNING id`);
    const [document] = await dataSource.query(`INSERT INTO documents (platform_id, title, type, sources) VALUES ($1, 'T', 'synthetic', '[]') RETURNING id`, [platform.id]);
    const [snapshot] = await dataSource.query(`INSERT INTO snapshots (raw_sha256, content_type, byte_size, body) VALUES (repeat('c', 64), 'text/html', 1, 'x') RETURNING id`);
    const rows: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO versions (document_id, snapshot_id, raw_sha256, text_sha256, cosmetic_fingerprint, markdown, extractor_version, source_url, captured_at, fetcher)
       SELECT $1, $2, repeat('a', 64), repeat('b', 64), 'f' || n, 'text ' || n, 'x', 'https://example.com', now() + n * interval '1 second', 'http'
         FROM generate_series(1, $3) n ORDER BY n RETURNING id`,
      [document.id, snapshot.id, VERSIONS],
    );
    syntheticVersions = rows.map((r) => r.id);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('builds exactly the RFC 6962 tree of the in-memory log, at every size', async () => {
    const reference = new MerkleLog(new MemoryLedgerStore());
    const stored = new MerkleLog(new PgLedgerStore(dataSource.manager));
    for (let i = 0; i < LEAVES; i += 1) {
      const expected = await reference.append(leafOf(i));
      const appended = await dataSource.transaction((manager) => new PgLedgerStore(manager, versionIdOf(i)).appendLeaf(leafOf(i)));
      expect({ index: appended.index, leafHash: appended.leafHash.toString('hex') }).toEqual({ index: expected.index, leafHash: expected.leafHash.toString('hex') });
      expect((await stored.root()).toString('hex')).toBe((await reference.root()).toString('hex'));
    }
    for (const size of [1, 2, 3, 31, 32, 33, LEAVES]) {
      for (const leaf of [0, size >> 1, size - 1]) {
        expect(await stored.inclusionProof(leaf, size)).toEqual(await reference.inclusionProof(leaf, size));
      }
      expect(await stored.consistencyProof(size, LEAVES)).toEqual(await reference.consistencyProof(size, LEAVES));
    }
  });

  it('goes through the LedgerStore interface too, and refuses a taken index without writing anything', async () => {
    const size = await new PgLedgerStore(dataSource.manager).size();
    await dataSource.transaction((manager) => new MerkleLog(new PgLedgerStore(manager, versionIdOf(size))).append(leafOf(size)));

    const stale = dataSource.transaction((manager) => new PgLedgerStore(manager, versionIdOf(size + 1)).appendLeaf(leafOf(size + 1), size));
    await expect(stale).rejects.toMatchObject({ code: RecordsErrorCode.LedgerConflict });
    await expect(stale).rejects.toBeInstanceOf(RecordsError);
    expect(await new PgLedgerStore(dataSource.manager).size()).toBe(size + 1);
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM ledger_leaves WHERE version_id = $1', [versionIdOf(size + 1)]);
    expect(count).toBe(0);
  });

  it('gives concurrent writers consecutive indexes and never forks the log', async () => {
    const start = await new PgLedgerStore(dataSource.manager).size();
    const writers = Array.from({ length: 8 }, (_, k) =>
      dataSource.transaction(async (manager) => {
        const appended = await new PgLedgerStore(manager, versionIdOf(start + 100 + k)).appendLeaf(leafOf(start + 100 + k));
        // Hold the lock a moment so the others queue behind it.
        await manager.query('SELECT pg_sleep(0.01)');
        return appended.index;
      }),
    );
    const indexes = (await Promise.all(writers)).sort((a, b) => a - b);
    expect(indexes).toEqual(Array.from({ length: 8 }, (_, k) => start + k));
    const log = new MerkleLog(new PgLedgerStore(dataSource.manager));
    const proof = await log.consistencyProof(start, start + 8);
    expect(proof.hashes.length).toBeGreaterThan(0);
  });

  it('points the version at its leaf in the same statement', async () => {
    const [platform] = await dataSource.query(`INSERT INTO platforms (slug, name) VALUES ('p', 'P') RETURNING id`);
    const [document] = await dataSource.query(`INSERT INTO documents (platform_id, title, type, sources) VALUES ($1, 'T', 'terms-of-service', '[]') RETURNING id`, [platform.id]);
    const [snapshot] = await dataSource.query(`INSERT INTO snapshots (raw_sha256, content_type, byte_size, body) VALUES (repeat('a', 64), 'text/html', 1, 'x') RETURNING id`);
    const [version] = await dataSource.query(
      `INSERT INTO versions (document_id, snapshot_id, raw_sha256, text_sha256, cosmetic_fingerprint, markdown, extractor_version, source_url, captured_at, fetcher)
       VALUES ($1, $2, repeat('a', 64), repeat('b', 64), 'f', 'text', 'x', 'https://example.com', now(), 'http') RETURNING id`,
      [document.id, snapshot.id],
    );
    const appended = await dataSource.transaction((manager) => new PgLedgerStore(manager, version.id).appendLeaf(Buffer.from('version leaf')));
    const [row] = await dataSource.query('SELECT ledger_index FROM versions WHERE id = $1', [version.id]);
    expect(Number(row.ledger_index)).toBe(appended.index);
  });
});
