import { loadConfig } from '@clausewatch/config';
import { createDataSource, HostSlotsRepository, migrate } from '@clausewatch/db';
import { createTestDatabase, TestDatabase } from '@clausewatch/testing';
import { DataSource } from 'typeorm';
import { HostPolitenessService } from './host-politeness.service';

// Politeness slots on real PostgreSQL: a combined document (sources on several hosts) takes a slot on
// every host it fetches from, not only on its first source's.
describe('HostPolitenessService', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let politeness: HostPolitenessService;
  const SPACING = 1000;
  const doc = (...hosts: string[]) => ({ sources: hosts.map((host) => ({ url: `https://${host}/terms` })) });
  /** The wait in whole spacings (the clock moves between reservations). */
  const slots = (waitMs: number) => Math.round(waitMs / SPACING);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url });
    await dataSource.initialize();
    await migrate(dataSource, 'CW');
    politeness = new HostPolitenessService(new HostSlotsRepository(dataSource), loadConfig({ POLITENESS_DELAY_MS: String(SPACING), PER_HOST_CONCURRENCY: '1' }));
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('reserves the slot on every host of a combined document', async () => {
    expect(slots(await politeness.reserveFor(doc('a1.test', 'b1.test')))).toBe(0);
    // Both hosts were taken: the next fetch from either waits a spacing.
    expect(slots(await politeness.reserveFor(doc('b1.test')))).toBe(1);
    expect(slots(await politeness.reserveFor(doc('a1.test')))).toBe(1);
  });

  it('takes the first moment every host is free, on all of them', async () => {
    for (let i = 0; i < 3; i++) await politeness.reserveFor(doc('busy.test'));
    // busy.test is taken for 3 spacings: the combined fetch goes then, and idle.test is held for it too.
    expect(slots(await politeness.reserveFor(doc('idle.test', 'busy.test')))).toBe(3);
    expect(slots(await politeness.reserveFor(doc('idle.test')))).toBe(4);
    expect(slots(await politeness.reserveFor(doc('busy.test')))).toBe(4);
  });

  it('gives concurrent reservations of overlapping hosts distinct slots, without deadlock', async () => {
    const waits = await Promise.all(Array.from({ length: 8 }, (_, i) => politeness.reserveFor(i % 2 ? doc('x.test', 'y.test') : doc('y.test', 'x.test'))));
    expect(waits.map(slots).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
