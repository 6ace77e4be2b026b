// `npm run bench -- records-api`: GET /api/v1/records/:id on a database of 1,000 documents and
// 100,000 versions (autocannon in a child process, the API and PostgreSQL on the same 2 cores), then
// the ledger on the PostgreSQL store grown to 1,000,000 leaves: inclusion proofs, appends under the
// advisory lock, and signing a tree head. Targets (issue 5): ≥ 2,000 requests/s with p99 ≤ 25 ms;
// append ≤ 1 ms per version; inclusion proof ≤ 5 ms at 1,000,000 leaves.
import 'reflect-metadata';
import { createApiApp } from '../apps/api/src/bootstrap';
import { createDataSource, ledgerRecordOf, migrate, PgLedgerStore, startEmbeddedDatabase } from '@clausewatch/db';
import { loadConfig } from '@clausewatch/config';
import { generateLedgerKey, hashChildren, hashLeaf, MerkleLog, signLogHead, versionLeafOf } from '@clausewatch/records';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

export const DOCUMENTS = 1000;
export const VERSIONS_PER_DOCUMENT = 100;
const PROVISIONS_PER_DOCUMENT = 5;
const LEDGER_LEAVES = 1_000_000;
const INSERT_BATCH = 50_000;
const DURATION_S = 20;
const CONNECTIONS = 24;
const SAMPLES = 1000;

interface LoadResult {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
}

// The load generator runs in a child process so it does not share the API's event loop; it gets
// its work by IPC (100,000 IDs do not fit in an environment variable).
if (process.env.RECORDS_BENCH_CLIENT) {
  process.once('message', (work: { url: string; ids: string[]; label: string }) => {
    void (async () => {
      // autocannon ships no types; only these fields of its result are read.
      const autocannon = createRequire(__filename)('autocannon') as (o: object) => Promise<{ requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number }>;
      const { url, ids, label } = work;
      const result = await autocannon({
        url,
        connections: CONNECTIONS,
        duration: DURATION_S,
        requests: [{ setupRequest: (req: object) => ({ ...req, path: `/api/v1/records/${ids[Math.floor(Math.random() * ids.length)]}` }) }],
      });
      const out: LoadResult = { label, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, total: result.requests.total };
      process.send!(out, () => process.exit(0));
    })();
  });
}

function stats(label: string, samplesMs: number[]): string {
  const s = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(3);
  return `${label}: n=${s.length} mean ${(s.reduce((a, b) => a + b, 0) / s.length).toFixed(3)} ms, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`;
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function seed(db: DataSource): Promise<void> {
  await db.query(`INSERT INTO platforms (slug, name) SELECT 'platform-' || g, 'Platform ' || g FROM generate_series(1, ${DOCUMENTS / 10}) g`);
  await db.query(`INSERT INTO documents (platform_id, title, type, sources)
    SELECT p.id, 'Document ' || t, 'type-' || t, jsonb_build_array(jsonb_build_object('url', 'https://platform-' || p.id || '.example/legal/' || t))
      FROM platforms p CROSS JOIN generate_series(1, 10) t ORDER BY p.id, t`);
  await db.query(`INSERT INTO snapshots (raw_sha256, content_type, byte_size, body)
    SELECT encode(sha256(convert_to('<html>' || id || '</html>', 'UTF8')), 'hex'), 'text/html', length('<html>' || id || '</html>'), convert_to('<html>' || id || '</html>', 'UTF8') FROM documents`);
  // ~5 KB of text per version, like a short policy.
  await db.query(`INSERT INTO versions (document_id, snapshot_id, raw_sha256, text_sha256, cosmetic_fingerprint, markdown, title, extractor_version, source_url, captured_at, http_status, fetcher, confirmed_at)
    SELECT d.id, s.id, s.raw_sha256, encode(sha256(convert_to(m.md, 'UTF8')), 'hex'), md5(m.md), m.md, d.title, 'bench', d.sources->0->>'url',
           timestamptz '2024-01-01' + (n || ' days')::interval, 200, 'http', now()
      FROM documents d JOIN snapshots s ON s.raw_sha256 = encode(sha256(convert_to('<html>' || d.id || '</html>', 'UTF8')), 'hex')
      CROSS JOIN generate_series(1, ${VERSIONS_PER_DOCUMENT}) n
      CROSS JOIN LATERAL (SELECT repeat('Clause ' || n || ' of document ' || d.id || ': we may change these terms at any time and will tell you. ', 60) AS md) m
     ORDER BY d.id, n`);
  await db.query(`INSERT INTO change_records (document_id, from_version_id, to_version_id, kind, severity, alert_eligible, summary, analyzer_version, clause_types)
    SELECT document_id, prev, id, 'substantive', 'medium', true, 'Clause ' || id || ' changed its notice period.', 'bench', '["notice-of-changes"]'
      FROM (SELECT id, document_id, lag(id) OVER (PARTITION BY document_id ORDER BY captured_at) AS prev FROM versions) v WHERE prev IS NOT NULL ORDER BY id`);
  await db.query(`INSERT INTO provisions (document_id, heading_path, text, fingerprint, clause_types, first_seen_version_id, last_seen_version_id, first_seen_at, last_seen_at, change_count)
    SELECT d.id, '["Terms"]', 'Provision ' || k || ' of document ' || d.id, md5(k || '-' || d.id), '["notice-of-changes"]', f.id, l.id, f.captured_at, l.captured_at, 3
      FROM documents d CROSS JOIN generate_series(1, ${PROVISIONS_PER_DOCUMENT}) k
      JOIN LATERAL (SELECT id, captured_at FROM versions WHERE document_id = d.id ORDER BY captured_at LIMIT 1) f ON true
      JOIN LATERAL (SELECT id, captured_at FROM versions WHERE document_id = d.id ORDER BY captured_at DESC LIMIT 1) l ON true ORDER BY d.id, k`);
  await db.query(`INSERT INTO version_provisions (version_id, position, provision_id, text)
    SELECT v.id, row_number() OVER (PARTITION BY v.id ORDER BY p.id) - 1, p.id, p.text FROM versions v JOIN provisions p ON p.document_id = v.document_id`);
}

/** All node levels of a tree over `leafHashes` (level 0 = the leaf hashes). */
function levelsOf(leafHashes: Buffer[]): Buffer[][] {
  const levels = [leafHashes];
  while (levels[levels.length - 1].length > 1) {
    const below = levels[levels.length - 1];
    const level: Buffer[] = [];
    for (let j = 0; j + 1 < below.length; j += 2) level.push(hashChildren(below[j], below[j + 1]));
    if (level.length === 0) break;
    levels.push(level);
  }
  return levels;
}

/** Writes leaves [from, to) and every complete subtree they close that is not stored yet. */
async function storeLedger(db: DataSource, leaves: Buffer[], versionIds: string[], from: number, levels: Buffer[][]): Promise<void> {
  for (let start = from; start < leaves.length; start += INSERT_BATCH) {
    const end = Math.min(leaves.length, start + INSERT_BATCH);
    const idx = Array.from({ length: end - start }, (_, i) => start + i);
    await db.query('INSERT INTO ledger_leaves (leaf_index, version_id, leaf, leaf_hash) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[], $4::bytea[])', [
      idx, idx.map((i) => versionIds[i]), idx.map((i) => leaves[i]), idx.map((i) => levels[0][i]),
    ]);
  }
  const coords: Array<[number, number, Buffer]> = [];
  levels.forEach((level, k) => level.forEach((hash, j) => {
    if ((j + 1) * 2 ** k > from) coords.push([k, j, hash]);
  }));
  for (let start = 0; start < coords.length; start += INSERT_BATCH) {
    const batch = coords.slice(start, start + INSERT_BATCH);
    await db.query('INSERT INTO ledger_nodes (level, node_index, hash) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])', [
      batch.map((c) => c[0]), batch.map((c) => c[1]), batch.map((c) => c[2]),
    ]);
  }
}

async function load(url: string, ids: string[], label: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], { env: { ...process.env, RECORDS_BENCH_CLIENT: '1' } });
    child.once('message', (m) => resolve(m as LoadResult));
    child.once('error', reject);
    child.send({ url, ids, label });
  });
}

/** Reads every record once (8 at a time), as earlier readers would have. */
async function readAll(url: string, ids: string[]): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const response = await fetch(`${url}/api/v1/records/${ids[next++]}`);
      if (!response.ok) throw new Error(`GET ${response.url}: ${response.status}`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-records-bench-'));
  const database = await startEmbeddedDatabase(dataDir);
  const db = createDataSource({ url: database.url, poolSize: 10 });
  try {
    await db.initialize();
    await migrate(db, 'CW');
    let t = Date.now();
    await seed(db);
    await db.query('ANALYZE');
    process.stdout.write(`seeded ${DOCUMENTS} documents, ${DOCUMENTS * VERSIONS_PER_DOCUMENT} versions in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);

    // The versions' ledger, built in memory and written in bulk (appending 100,000 one by one is measured below).
    t = Date.now();
    const rows: Array<{ id: string; record_id: string; document_record_id: string; captured_at: Date; raw_sha256: string; text_sha256: string; source_url: string }> = await db.query(
      'SELECT v.id, v.record_id, d.record_id AS document_record_id, v.captured_at, v.raw_sha256, v.text_sha256, v.source_url FROM versions v JOIN documents d ON d.id = v.document_id ORDER BY v.id',
    );
    const leaves = rows.map((r) => versionLeafOf(ledgerRecordOf({ recordId: r.record_id, capturedAt: r.captured_at, rawSha256: r.raw_sha256, textSha256: r.text_sha256, sourceUrl: r.source_url }, r.document_record_id)));
    const versionIds = rows.map((r) => r.id);
    await storeLedger(db, leaves, versionIds, 0, levelsOf(leaves.map((l) => hashLeaf(l))));
    await db.query('UPDATE versions v SET ledger_index = l.leaf_index FROM ledger_leaves l WHERE l.version_id = v.id');
    await db.query('VACUUM ANALYZE');
    process.stdout.write(`ledger of ${leaves.length} versions written in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);

    const config = loadConfig({ DATA_DIR: dataDir, ADMIN_TOKEN: 'bench-admin-token-0123456789', PUBLIC_URL: 'http://127.0.0.1', RATE_LIMIT_PER_MINUTE: '1000000' });
    const app = await createApiApp({ config, databaseUrl: database.url, ticks: false, logger: false });
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    try {
      const sample = async (sql: string) => ((await db.query(sql)) as Array<{ record_id: string }>).map((r) => r.record_id);
      const versionsIds = await sample('SELECT record_id FROM versions ORDER BY random() LIMIT 5000');
      const mixed = [
        ...versionsIds.slice(0, 1000),
        ...(await sample('SELECT record_id FROM documents ORDER BY random() LIMIT 1000')),
        ...(await sample('SELECT record_id FROM platforms')),
        ...(await sample('SELECT record_id FROM provisions ORDER BY random() LIMIT 1000')),
        ...(await sample('SELECT record_id FROM change_records ORDER BY random() LIMIT 1000')),
      ];
      const everyVersion = await sample('SELECT record_id FROM versions');
      await load(url, versionsIds.slice(0, 200), 'warm-up');
      const report = (r: LoadResult): void => {
        process.stdout.write(`GET /api/v1/records/:id ${r.label}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.total} requests, non-2xx ${r.non2xx}, errors ${r.errors} (${CONNECTIONS} connections, ${DURATION_S} s)\n`);
      };
      // Random over all 100,000 versions: nearly every request is the record's first read (from PostgreSQL).
      report(await load(url, everyVersion, 'versions, random over all 100,000 (first reads: cache cold)'));
      // Then working sets that earlier readers have already read once (from memory, kept fresh by NOTIFY).
      await readAll(url, [...versionsIds, ...mixed]);
      for (const [label, ids] of [['versions, 5,000 read before (CW-V, with text)', versionsIds], ['mixed kinds, 4,100 read before (E, D, V, P, C)', mixed]] as const) {
        report(await load(url, [...ids], label));
      }
      const proofs: number[] = [];
      for (let i = 0; i < 200; i += 1) proofs.push(await timed(() => app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/api/v1/records/${versionsIds[i]}/proof` })));
      process.stdout.write(`${stats('GET /records/:id/proof (in-process, 100,000 leaves)', proofs)}\n`);
    } finally {
      await app.close();
    }

    // Grow the ledger to 1,000,000 leaves with synthetic leaves (no version behind them). In this throwaway
    // database only, the foreign key ledger_leaves.version_id → versions is dropped first: a million version
    // rows would take longer to seed than the whole benchmark, and the proofs never read versions. The
    // appends timed below therefore skip that key's check (one primary-key lookup in versions).
    await db.query('ALTER TABLE ledger_leaves DROP CONSTRAINT "FK_f20a85c139c2b4e34d8b14cab87"');
    t = Date.now();
    for (let i = leaves.length; i < LEDGER_LEAVES; i += 1) {
      leaves.push(Buffer.from(`synthetic leaf ${i}`));
      versionIds.push(String(-1 - i));
    }
    await storeLedger(db, leaves, versionIds, rows.length, levelsOf(leaves.map((l) => hashLeaf(l))));
    await db.query('VACUUM ANALYZE ledger_leaves, ledger_nodes');
    process.stdout.write(`ledger grown to ${LEDGER_LEAVES} leaves in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);

    const log = new MerkleLog(new PgLedgerStore(db.manager));
    const proofTimes: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) proofTimes.push(await timed(() => log.inclusionProof(Math.floor(Math.random() * LEDGER_LEAVES), LEDGER_LEAVES)));
    process.stdout.write(`${stats('inclusion proof, PostgreSQL store, 1,000,000 leaves', proofTimes)}\n`);
    const consistency: number[] = [];
    for (let i = 0; i < 200; i += 1) consistency.push(await timed(() => log.consistencyProof(1 + Math.floor(Math.random() * (LEDGER_LEAVES - 1)), LEDGER_LEAVES)));
    process.stdout.write(`${stats('consistency proof, PostgreSQL store, 1,000,000 leaves', consistency)}\n`);

    const appendOnly: number[] = [];
    const withCommit: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      const leaf = Buffer.from(`appended leaf ${i}`);
      withCommit.push(
        await timed(() =>
          db.transaction(async (manager) => {
            appendOnly.push(
              await timed(() => new PgLedgerStore(manager, String(-10_000_000 - i)).appendLeaf(leaf)),
            );
          }),
        ),
      );
    }
    process.stdout.write(`${stats('append in the capture transaction (ledger_append: lock, leaf, nodes, version; one round trip), 1,000,000 leaves', appendOnly)}\n`);
    process.stdout.write(`${stats('append as its own transaction (BEGIN … COMMIT, fsync on)', withCommit)}\n`);

    const key = generateLedgerKey();
    const signing: number[] = [];
    for (let i = 0; i < 100; i += 1) signing.push(await timed(() => signLogHead(log, key.privateKeyPem)));
    process.stdout.write(`${stats('sign a tree head (root from stored subtrees + Ed25519), 1,001,000 leaves', signing)}\n`);
  } finally {
    if (db.isInitialized) await db.destroy();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
