// The write path under concurrency: 8 captures of 8 different documents at once, each a new text
// (analysis, provision lineage, change record, notifications owed to 20 followers, ledger append).
// Measures the throughput and how long each capture holds the ledger's global lock: from sending
// `ledger_append` to reading the answer of the COMMIT that follows it (an upper bound of the hold).
import 'reflect-metadata';
import { CaptureModule, RecordCapture } from '@clausewatch/capture';
import { loadConfig } from '@clausewatch/config';
import { createDataSource, DatabaseModule, Document, DocumentsRepository, LedgerService, migrate, PlatformsRepository, startEmbeddedDatabase } from '@clausewatch/db';
import { readCorpusPage } from '@clausewatch/testing';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

const TOS = 'sites/midjourney/terms-of-service';
const PAGES = ['2025-06-23', '2025-09-10', '2025-10-01', '2025-11-15', '2026-01-20', '2026-02-01', '2026-02-15'];
const DOCUMENTS = 8;
const ROUNDS = 6;
const FOLLOWERS = 20;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clausewatch-bench-'));
  const database = await startEmbeddedDatabase(dataDir);
  try {
    const setup = createDataSource({ url: database.url });
    await setup.initialize();
    await migrate(setup, 'CW');
    await setup.destroy();
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: database.url });
    @Module({ imports: [DatabaseModule.forRoot({ url: database.url }), CaptureModule.forRoot({ config, databaseUrl: database.url })] })
    class BenchModule {}
    const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
    const dataSource = app.get(DataSource);

    // The lock is taken by ledger_append and released by the commit; signTreeHead runs right after it.
    // Each capture runs in its own async context, which notes when it appended and when it committed.
    const timing = new AsyncLocalStorage<{ appendAt?: number; committedAt?: number }>();
    const holds: number[] = [];
    const serverHolds: number[] = [];
    const ledger = app.get(LedgerService);
    // The append and the COMMIT go in one round trip: from sending it to reading its answer bounds the hold.
    const append = ledger.appendVersionAndCommit.bind(ledger);
    ledger.appendVersionAndCommit = async (client, version, documentRecordId) => {
      const store = timing.getStore()!;
      store.appendAt = performance.now();
      const appended = await append(client, version, documentRecordId);
      store.committedAt = performance.now();
      if (appended.serverMs !== undefined) serverHolds.push(appended.serverMs);
      return appended;
    };
    const pages = PAGES.map((p) => readCorpusPage(`${TOS}/${p}.html`));
    const platform = await app.get(PlatformsRepository).ensure('midjourney', 'Midjourney');
    const documents: Document[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const { document } = await app.get(DocumentsRepository).create({ platformId: platform.id, title: `Terms ${i}`, type: `terms-${i}`, sources: [{ url: `https://example.test/terms-${i}` }], fetcher: 'http', checkIntervalMinutes: 360 });
      documents.push(document);
    }
    for (let s = 0; s < FOLLOWERS; s++) {
      const [row] = await dataSource.query(`INSERT INTO subscribers (email, plan, unsubscribe_token) VALUES ($1, $2, $3) RETURNING id`, [`s${s}@example.test`, s % 2 ? 'watcher' : 'free', `t${s}`]);
      await dataSource.query(`INSERT INTO follows (subscriber_id, platform_id) VALUES ($1, $2)`, [row.id, platform.id]);
    }
    const recorder = app.get(RecordCapture);
    const capture = (document: Document, page: number) => timing.run({}, () => captureTimed(document, page));
    const captureTimed = async (document: Document, page: number) => {
      const url = document.sources[0].url;
      const result = await recorder.record(
        document,
        { parts: [{ body: pages[page % pages.length], contentType: 'text/html; charset=utf-8', url }], url, finalUrl: null, httpStatus: 200, fetcher: 'http', capturedAt: new Date() },
        { trigger: 'capture', confirmed: true, startedAt: new Date(), durationMs: 0 },
      );
      if (!result.created || !result.version) throw new Error('every capture of the bench is a new text');
      const { appendAt, committedAt } = timing.getStore()!;
      holds.push(committedAt! - appendAt!);
    };
    await Promise.all(documents.map((d, i) => capture(d, i)));
    holds.length = 0;
    serverHolds.length = 0;

    const started = performance.now();
    for (let round = 1; round <= ROUNDS; round++) await Promise.all(documents.map((d, i) => capture(d, i + round)));
    const seconds = (performance.now() - started) / 1000;
    const captures = DOCUMENTS * ROUNDS;
    holds.sort((a, b) => a - b);
    const mean = holds.reduce((a, b) => a + b, 0) / holds.length;
    const [owed] = await dataSource.query('SELECT count(*)::int AS n FROM notifications');
    serverHolds.sort((a, b) => a - b);
    const serverLine = serverHolds.length
      ? `  ledger lock held per capture, server side (lock taken → COMMIT done): mean ${(serverHolds.reduce((a, b) => a + b, 0) / serverHolds.length).toFixed(2)} ms, p50 ${percentile(serverHolds, 0.5).toFixed(2)} ms, p99 ${percentile(serverHolds, 0.99).toFixed(2)} ms\n`
      : '';
    process.stdout.write(
      `${DOCUMENTS} concurrent captures of different documents (new texts, ${FOLLOWERS} followers), ${ROUNDS} rounds = ${captures} captures:\n` +
        `  throughput ${(captures / seconds).toFixed(2)} captures/s (${((seconds * 1000) / ROUNDS).toFixed(0)} ms per round of ${DOCUMENTS})\n` +
        `  ledger lock held per capture, seen by the client (append sent → commit answered): mean ${mean.toFixed(2)} ms, p50 ${percentile(holds, 0.5).toFixed(2)} ms, p99 ${percentile(holds, 0.99).toFixed(2)} ms, max ${holds[holds.length - 1].toFixed(2)} ms\n` +
        serverLine +
        `  notifications owed: ${owed.n}\n`,
    );
    await app.close();
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
