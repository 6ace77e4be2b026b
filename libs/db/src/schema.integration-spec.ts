import { createTestDatabase, TestDatabase } from '@clausewatch/testing';
import { DataSource } from 'typeorm';
import { createDataSource, migrate } from './data-source';
import { VersionProvisionsUnique1798400000000 } from './migrations/1798400000000-version-provisions-unique';

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

  it('indexes no notification column a sender changes when it finishes one, so sending updates rows in place (HOT)', async () => {
    await migrate(dataSource, 'CW');
    const indexed: Array<{ name: string; definition: string }> = await dataSource.query(
      `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index WHERE indrelid = 'notifications'::regclass`,
    );
    expect(indexed.filter((i) => /\b(status|sent_at|last_error|attempts)\b/.test(i.definition.replace(/^.*? USING /, '')))).toEqual([]);
    // The sender's scan (alerts not yet grouped into an email) has its own small index.
    expect(indexed.map((i) => i.definition)).toContainEqual(expect.stringMatching(/IDX_notifications_ungrouped_alerts.*\(subscriber_id\) WHERE \(\(channel = 'alert'::text\) AND \(email_id IS NULL\)\)/));
  });

  describe('a version holds a provision at most once', () => {
    /** A version of a new document holding two provisions, A at place 0 and B at place 1 (written by `db`: a transaction's runner, say). */
    const versionHoldingTwo = async (slug: string, db: Pick<DataSource, 'query'> = dataSource) => {
      const [platform] = await db.query(`INSERT INTO platforms (slug, name) VALUES ($1, $1) RETURNING id`, [slug]);
      const [document] = await db.query(`INSERT INTO documents (platform_id, title, type, sources) VALUES ($1, 'Terms', 'terms-of-service', '[]') RETURNING id`, [platform.id]);
      const [snapshot] = await db.query(`INSERT INTO snapshots (raw_sha256, byte_size, body) VALUES (md5($1) || md5($1), 1, '\\x00') RETURNING id`, [slug]);
      const [version] = await db.query(
        `INSERT INTO versions (document_id, snapshot_id, raw_sha256, text_sha256, cosmetic_fingerprint, markdown, extractor_version, source_url, captured_at, fetcher)
         VALUES ($1, $2, md5($3) || md5($3), md5($3) || md5($3), $3, 'A\n\nB', 'test', 'https://example.com', now(), 'http') RETURNING id`,
        [document.id, snapshot.id, slug],
      );
      const provisions: Array<{ id: string }> = await db.query(
        `INSERT INTO provisions (document_id, text, fingerprint, first_seen_version_id, last_seen_version_id, first_seen_at, last_seen_at)
         SELECT $1, t, t, $2, $2, now(), now() FROM unnest(ARRAY['A', 'B']) t RETURNING id`,
        [document.id, version.id],
      );
      await db.query(`INSERT INTO version_provisions (version_id, position, provision_id, text) VALUES ($1, 0, $2, 'A'), ($1, 1, $3, 'B')`, [version.id, provisions[0].id, provisions[1].id]);
      return { versionId: version.id as string, a: provisions[0].id, b: provisions[1].id };
    };
    const held = async (versionId: string) =>
      (await dataSource.query(`SELECT provision_id::text AS id FROM version_provisions WHERE version_id = $1 ORDER BY position`, [versionId])).map((r: { id: string }) => r.id);

    beforeAll(() => migrate(dataSource, 'CW'));

    it('refuses a second place of the same provision in one version', async () => {
      const { versionId, a } = await versionHoldingTwo('twice');
      await expect(dataSource.query(`INSERT INTO version_provisions (version_id, position, provision_id, text) VALUES ($1, 2, $2, 'A again')`, [versionId, a])).rejects.toThrow(
        /UQ_version_provisions_version_provision/,
      );
      await expect(dataSource.query(`UPDATE version_provisions SET provision_id = $2 WHERE version_id = $1 AND position = 1`, [versionId, a])).rejects.toThrow(/duplicate key/);
      expect(await held(versionId)).toHaveLength(2);
    });

    it('lets one statement swap two provisions between places (checked at its end, as the lineage writer needs)', async () => {
      const { versionId, a, b } = await versionHoldingTwo('swap');
      await dataSource.query(
        `UPDATE version_provisions vp SET provision_id = m.to_id FROM unnest($2::bigint[], $3::bigint[]) AS m(from_id, to_id) WHERE vp.version_id = $1 AND vp.provision_id = m.from_id`,
        [versionId, [a, b], [b, a]],
      );
      expect(await held(versionId)).toEqual([b, a]);
    });

    it('does not migrate an archive that already holds a duplicate: it names it and changes nothing', async () => {
      const migration = new VersionProvisionsUnique1798400000000();
      const runner = dataSource.createQueryRunner();
      try {
        await runner.startTransaction();
        await migration.down(runner);
        const { versionId, a } = await versionHoldingTwo('legacy', runner);
        await runner.query(`INSERT INTO version_provisions (version_id, position, provision_id, text) VALUES ($1, 2, $2, 'A again')`, [versionId, a]);
        const [ids] = await runner.query(`SELECT v.record_id AS version, p.record_id AS provision FROM versions v, provisions p WHERE v.id = $1 AND p.id = $2`, [versionId, a]);
        await expect(migration.up(runner)).rejects.toThrow(`${ids.version} holds ${ids.provision} at positions 0, 2`);
        expect(await runner.query(`SELECT count(*)::int AS n FROM version_provisions WHERE version_id = $1`, [versionId])).toEqual([{ n: 3 }]);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });
});
