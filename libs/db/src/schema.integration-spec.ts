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
});
