// `npm run bench -- provision-search`: GET /api/v1/provisions' query (ProvisionRecordsRepository.search)
// over 1,000,000 provisions in 2,000 documents on a throwaway embedded PostgreSQL, with the GIN indexes of
// migration 1797300000001. Target (issue 14): p95 ≤ 50 ms.
import { createDataSource, migrate, ProvisionRecordsRepository, ProvisionSearch, startEmbeddedDatabase } from '@clausewatch/db';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROVISIONS = Number(process.env.BENCH_PROVISIONS ?? 1_000_000);
const DOCUMENTS = 2_000;
const RUNS = 60;

// Clause sentences of the kinds policies hold, some frequent, some rare; rows combine three of them.
const SENTENCES = [
  'We collect the personal data you give us when you create an account, such as your name and email address.',
  'We use your information to provide, maintain and improve the services and to develop new features.',
  'We share personal information with service providers who process it on our behalf under contract.',
  'You can access, correct or delete your personal data at any time from your account settings.',
  'We keep your information for as long as your account is active and as needed to comply with the law.',
  'We use cookies and similar technologies to remember your preferences and measure how the service is used.',
  'These terms are governed by the laws of the State of California, without regard to conflict of law rules.',
  'Any dispute will be resolved by binding individual arbitration, and you waive your right to a class action.',
  'To the maximum extent permitted by law, our total liability is limited to the amount you paid us.',
  'You grant us a worldwide, royalty-free licence to host, reproduce and display the content you submit.',
  'You must be at least 13 years old to use the services and 18 to purchase a subscription.',
  'We may suspend or terminate your account if you breach these terms or create risk for other users.',
  'We may change these terms from time to time and will notify you of material changes by email.',
  'Subscriptions renew automatically at the end of each billing period unless you cancel before renewal.',
  'We do not sell your personal information, and we do not share it for cross-context behavioural advertising.',
  'We may use your prompts and outputs to train and improve our machine learning models unless you opt out.',
  'We disclose information to law enforcement when we believe in good faith that the law requires it.',
  'If we are involved in a merger, acquisition or sale of assets, your information may be transferred.',
  'We transfer data to the United States under standard contractual clauses approved by the European Commission.',
  'We implement technical and organisational security measures and will notify you of a data breach.',
  'Residents of California have the right to know, delete and opt out under the CCPA.',
  'We process biometric identifiers such as face geometry only with your explicit consent.',
  'You agree to indemnify us against claims arising from your use of the services or your content.',
  'We may remove content that violates our community guidelines, and you may appeal our decision.',
  'Our services may link to third-party websites whose privacy practices we do not control.',
  'We respond to notices of alleged copyright infringement under the Digital Millennium Copyright Act.',
  'We may send you marketing messages, and you can unsubscribe at any time using the link in each message.',
  'Precise geolocation is collected from your device when you enable location services.',
  'We do not knowingly collect personal information from children under 13 without parental consent.',
  'If any provision of these terms is held unenforceable, the remaining provisions stay in effect.',
];
const TYPES = ['data-collection', 'data-use', 'data-sharing', 'user-rights', 'retention', 'tracking', 'governing-law', 'dispute-resolution', 'liability', 'content-license', 'eligibility', 'account-termination', 'policy-changes', 'payment', 'data-sale', 'ai-training', 'law-enforcement', 'business-transfer', 'international-transfer', 'security', 'state-privacy-rights', 'sensitive-data', 'indemnification', 'content-moderation', 'third-party-services', 'ip-infringement', 'communications', 'sensitive-data', 'children', 'other'];

function stats(samples: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clausewatch-bench-search-'));
  const database = await startEmbeddedDatabase(dataDir);
  const dataSource = createDataSource({ url: database.url, poolSize: 2 });
  try {
    await dataSource.initialize();
    await migrate(dataSource, 'CW');
    const started = Date.now();
    await dataSource.query(`INSERT INTO platforms (slug, name) SELECT 'p' || i, 'Platform ' || i FROM generate_series(1, 200) i`);
    await dataSource.query(
      `INSERT INTO documents (platform_id, title, type, sources) SELECT (SELECT id FROM platforms ORDER BY id OFFSET (i % 200) LIMIT 1), 'Document ' || i, 'type-' || i, '[{"url":"https://example.test/"}]' FROM generate_series(1, $1) i`,
      [DOCUMENTS],
    );
    // Provisions point at the version that first and last held them (foreign keys): one version each end.
    const [snapshot] = await dataSource.query(`INSERT INTO snapshots (raw_sha256, content_type, byte_size, body) VALUES (repeat('a', 64), 'text/html', 1, '\\x00') RETURNING id`);
    const [version] = await dataSource.query(
      `INSERT INTO versions (document_id, snapshot_id, raw_sha256, text_sha256, cosmetic_fingerprint, markdown, extractor_version, source_url, captured_at, fetcher)
       SELECT id, $1, repeat('a', 64), repeat('b', 64), 'bench', 'bench', 'bench', 'https://example.test/', now(), 'http' FROM documents ORDER BY id LIMIT 1 RETURNING id`,
      [snapshot.id],
    );
    // Built without the search indexes, then indexed, as a restore would.
    await dataSource.query('DROP INDEX provisions_text_search; DROP INDEX provisions_clause_types');
    await dataSource.query(
      `INSERT INTO provisions (document_id, heading_path, text, fingerprint, clause_types, first_seen_version_id, last_seen_version_id, first_seen_at, last_seen_at)
       SELECT d.ids[1 + i % $3], ('["Section ' || (i % 40) || '"]')::jsonb,
              s[1 + abs(hashint4(i)) % $4] || ' ' || s[1 + abs(hashint4(i + 1000003)) % $4] || ' Clause ' || i || '.',
              md5(i::text), jsonb_build_array(t[1 + abs(hashint4(i)) % $4], t[1 + abs(hashint4(i + 1000003)) % $4]), $6, $6, now(), now()
         FROM generate_series(1, $1) i, (SELECT $2::text[] AS s, $5::text[] AS t) c, (SELECT array_agg(id ORDER BY id) AS ids FROM documents) d`,
      [PROVISIONS, SENTENCES, DOCUMENTS, SENTENCES.length, TYPES, version.id],
    );
    const inserted = Date.now();
    await dataSource.query(`SET maintenance_work_mem = '512MB'`);
    await dataSource.query(`CREATE INDEX "provisions_text_search" ON "provisions" USING GIN ("search_vector")`);
    await dataSource.query(`CREATE INDEX "provisions_clause_types" ON "provisions" USING GIN ("clause_types" jsonb_path_ops)`);
    await dataSource.query('ANALYZE provisions; ANALYZE documents; ANALYZE platforms');
    process.stdout.write(`${PROVISIONS} provisions in ${DOCUMENTS} documents: inserted in ${((inserted - started) / 1000).toFixed(0)} s, indexed in ${((Date.now() - inserted) / 1000).toFixed(0)} s\n`);

    const repository = new ProvisionRecordsRepository(dataSource);
    const [{ record_id: document }] = await dataSource.query('SELECT record_id FROM documents ORDER BY id OFFSET 777 LIMIT 1');
    const queries: Array<[string, Omit<ProvisionSearch, 'limit' | 'offset'>]> = [
      ['q=personal data (frequent)', { q: 'personal data' }],
      ['q=arbitration (1 in 15)', { q: 'arbitration' }],
      ['q="class action" (phrase)', { q: '"class action"' }],
      ['q=biometric face (rare pair)', { q: 'biometric face' }],
      ['q=clause 123457 (one row)', { q: 'clause 123457' }],
      ['q=zebra (no hit)', { q: 'zebra' }],
      ['type=data-sale', { type: 'data-sale' }],
      ['type=ai-training&q=opt out', { type: 'ai-training', q: 'opt out' }],
      ['document=…&q=licence', { document, q: 'licence' }],
      ['document=…', { document }],
    ];
    const all: number[] = [];
    for (const [label, query] of queries) {
      const samples: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = process.hrtime.bigint();
        rows = (await repository.search({ ...query, limit: 20, offset: i % 3 === 1 ? 100 : 0 })).length;
        samples.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      all.push(...samples);
      const s = stats(samples);
      process.stdout.write(`${label.padEnd(32)} rows ${String(rows).padStart(2)}  p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  max ${s.max.toFixed(1)} ms\n`);
    }
    if (process.env.BENCH_EXPLAIN) {
      for (const q of ['zebra', 'personal data']) {
        const plan = await dataSource.query(
          `EXPLAIN ANALYZE SELECT p.id FROM provisions p WHERE p.search_vector @@ websearch_to_tsquery('english', $1) ORDER BY p.id DESC LIMIT 20`,
          [q],
        );
        process.stdout.write(`${plan.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}\n`);
      }
    }
    const s = stats(all);
    process.stdout.write(`all ${all.length} searches (20 per page, a third at offset 100): p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (target ≤ 50 ms)\n`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
