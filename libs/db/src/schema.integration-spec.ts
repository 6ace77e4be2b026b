import { createTestDatabase, TestDatabase } from '@clausewatch/testing';
import { DataSource } from 'typeorm';
import { createDataSource, migrate } from './data-source';

describe('schema', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('has migrations that match the entities exactly (no pending schema change)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('mints record IDs from sequences with the configured prefix, never reusing one', async () => {
    await migrate(dataSource, 'CW');
    const [first] = await dataSource.query(`INSERT INTO platforms (slug, name) VALUES ('a', 'A') RETURNING record_id`);
    await dataSource.query(`DELETE FROM platforms WHERE slug = 'a'`);
    await migrate(dataSource, 'XR');
    const [second] = await dataSource.query(`INSERT INTO platforms (slug, name) VALUES ('a', 'A') RETURNING record_id`);
    expect(first.record_id).toMatch(/^CW-E-\d{5}$/);
    expect(second.record_id).toMatch(/^XR-E-\d{5}$/);
    expect(Number(second.record_id.slice(5))).toBe(Number(first.record_id.slice(5)) + 1);
  });

  it('migrates one process at a time, and never rewrites a stored prefix when none is configured', async () => {
    await migrate(dataSource, 'QA');
    const others = [1, 2, 3].map(() => createDataSource({ url: database.url, poolSize: 2 }));
    await Promise.all(others.map((other) => other.initialize()));
    try {
      // Several processes starting together, none with RECORD_ID_PREFIX set (a CLI command, say).
      await Promise.all(others.map((other) => migrate(other, null)));
    } finally {
      await Promise.all(others.map((other) => other.destroy()));
    }
    const [row] = await dataSource.query(`SELECT value FROM settings WHERE key = 'record_id_prefix'`);
    expect(row.value).toBe('QA');
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM typeorm_migrations`);
    expect(n).toBe(dataSource.migrations.length);
  });

  it('keeps one follow per subscriber and target, NULLs included, and refuses rows that point at nothing', async () => {
    await migrate(dataSource, 'CW');
    const [platform] = await dataSource.query(`INSERT INTO platforms (slug, name) VALUES ('f', 'F') RETURNING id`);
    const [subscriber] = await dataSource.query(`INSERT INTO subscribers (email, unsubscribe_token) VALUES ('f@example.test', 'tf') RETURNING id`);
    for (let i = 0; i < 2; i++) {
      await dataSource.query(`INSERT INTO follows (subscriber_id, platform_id, clause_type) VALUES ($1, $2, NULL) ON CONFLICT DO NOTHING`, [subscriber.id, platform.id]);
      await dataSource.query(`INSERT INTO follows (subscriber_id, platform_id, clause_type) VALUES ($1, NULL, 'arbitration') ON CONFLICT DO NOTHING`, [subscriber.id]);
    }
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM follows WHERE subscriber_id = $1`, [subscriber.id]);
    expect(n).toBe(2);
    await expect(dataSource.query(`INSERT INTO notifications (subscriber_id, change_record_id, channel, idempotency_key) VALUES ($1, 999999, 'digest', 'k')`, [subscriber.id])).rejects.toThrow(/foreign key/);
    // A ledger leaf always records a version that exists.
    await expect(dataSource.query(`INSERT INTO ledger_leaves (leaf_index, version_id, leaf, leaf_hash) VALUES (999999, 999999, '\\x00', '\\x00')`)).rejects.toThrow(/foreign key/);
  });
});
