import { createTestDatabase, TestDatabase } from '@clausewatch/testing';
import { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { DocumentsRepository } from './documents.repository';
import { RunningChecksRepository } from './running-checks.repository';

// The mark "this document's check is running", as two crawler processes (two data sources) see it: one
// check per document at a time, the mark gone when its check ends or when its process's session dies,
// and a document being checked is not due for the scheduler meanwhile.
describe('RunningChecksRepository: a running check, seen from every process', () => {
  let database: TestDatabase;
  const sources: DataSource[] = [];
  let documentIds: string[];

  const crawlerProcess = async () => {
    const dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    sources.push(dataSource);
    return { dataSource, running: new RunningChecksRepository(dataSource), documents: new DocumentsRepository(dataSource) };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const { dataSource } = await crawlerProcess();
    await dataSource.query(`INSERT INTO platforms (slug, name) VALUES ('p', 'P')`);
    documentIds = [];
    for (const n of [1, 2]) {
      const [row] = await dataSource.query(
        `INSERT INTO documents (platform_id, title, type, sources, fetcher, check_interval_minutes)
         SELECT id, $1, $1, '[{"url":"https://example.org/t"}]', 'http', 60 FROM platforms RETURNING id`,
        [`terms-${n}`],
      );
      documentIds.push(String(row.id));
    }
  });

  afterAll(async () => {
    for (const dataSource of sources) if (dataSource.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('lets one check of a document run at a time, in one process or across two', async () => {
    const [a, b] = [await crawlerProcess(), await crawlerProcess()];
    const check = await a.running.start(documentIds[0]);
    expect(check).not.toBeNull();
    expect(await a.running.start(documentIds[0])).toBeNull();
    expect(await b.running.start(documentIds[0])).toBeNull();
    // Another document is free.
    const other = await b.running.start(documentIds[1]);
    expect(other).not.toBeNull();
    await other!.end();
    await check!.end();
    const again = await b.running.start(documentIds[0]);
    expect(again).not.toBeNull();
    await again!.end();
  });

  it('holds one connection for all the running checks of a process, and only while some run', async () => {
    const { dataSource, running } = await crawlerProcess();
    const pool = (dataSource.driver as unknown as { master: { totalCount: number; idleCount: number } }).master;
    const checkedOut = () => pool.totalCount - pool.idleCount;
    const checks = await Promise.all(documentIds.map((id) => running.start(id)));
    expect(checks.every(Boolean)).toBe(true);
    expect(checkedOut()).toBe(1);
    await checks[0]!.end();
    expect(checkedOut()).toBe(1);
    await checks[1]!.end();
    expect(checkedOut()).toBe(0);
    const locks = await dataSource.query(`SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    expect(Number(locks[0].count)).toBe(0);
  });

  it('keeps a document being checked out of the due ones, and gives it back when the process dies', async () => {
    const scheduler = await crawlerProcess();
    const doomed = await crawlerProcess();
    expect((await scheduler.documents.findDue(10)).map((d) => d.id).sort()).toEqual([...documentIds].sort());
    expect(await doomed.running.start(documentIds[0])).not.toBeNull();
    expect((await scheduler.documents.findDue(10)).map((d) => d.id)).toEqual([documentIds[1]]);
    expect(await scheduler.running.start(documentIds[0])).toBeNull();
    // The process dies mid-check (its connections close): the document is due and free again.
    await doomed.dataSource.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await scheduler.documents.findDue(10)).map((d) => d.id).sort()).toEqual([...documentIds].sort());
    const taken = await scheduler.running.start(documentIds[0]);
    expect(taken).not.toBeNull();
    await taken!.end();
  });
});
