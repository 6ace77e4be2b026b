import { LedgerAuditService, LedgerService, ledgerRecordOf, RecordIntegrityService } from '@clausewatch/db';
import { generateLedgerKey, ledgerKeyFile, signLogHead, SignedTreeHead, treeHeadsLogFile, verifyVersionBundle, versionLeafOf } from '@clausewatch/records';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { ApiHarness, createMidjourneyTerms, postTermsCapture, startApi } from '../testing/api-harness';

// Issue 13, item 4, repeated: someone holding the database rewrites a version's text, rebuilds the
// Merkle tree and re-signs every tree head. The private key is no longer in the database, so they can
// only re-sign with a key of their own, which the database-only checks accept; a tree head saved
// before the rewrite (from the API, a bundle or DATA_DIR/ledger/tree-heads.log) exposes it.
describe('ledger key outside the database; a forged ledger detected from a saved head', () => {
  let api: ApiHarness;
  let db: DataSource;
  let documentId: string;

  const get = (url: string) => api.app.inject({ method: 'GET', url });
  const capture = (page: string, capturedAt: string) => postTermsCapture(api, documentId, page, capturedAt);

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    documentId = await createMidjourneyTerms(api);
  });
  afterAll(() => api?.close());

  it('keeps the private key in a 0600 file under DATA_DIR and only public keys in the database', async () => {
    expect((await capture('2025-06-23', '2025-06-23T10:00:00Z')).json().outcome).toBe('ok');
    const file = ledgerKeyFile(api.config.dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    const columns: Array<{ column_name: string }> = await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'ledger_keys'`);
    expect(columns.map((c) => c.column_name).sort()).toEqual(['created_at', 'key_id', 'public_key_pem']);
    const stored = JSON.stringify(await db.query('SELECT * FROM ledger_keys'));
    expect(stored).not.toContain('PRIVATE KEY');
  });

  it('keeps verifying versions under heads signed by an earlier key after the signing key changes', async () => {
    // The operator moves to a new key (the migration that took the key out of the database, or a
    // rotation): heads already signed stay as they are, signed by the earlier key.
    const earlier = (await get('/api/v1/ledger/key')).json();
    const rotated = new LedgerService(db, { dataDir: api.config.dataDir, ledgerSigningKey: generateLedgerKey().privateKeyPem });
    expect((await rotated.publicKey()).keyId).not.toBe(earlier.keyId);
    const [version] = await db.query(
      `SELECT v.record_id, v.captured_at, v.raw_sha256, v.text_sha256, v.source_url, v.ledger_index, d.record_id AS document_record_id
         FROM versions v JOIN documents d ON d.id = v.document_id WHERE v.ledger_index = 0`,
    );
    const bundle = await rotated.bundleFor(
      { recordId: version.record_id, capturedAt: version.captured_at, rawSha256: version.raw_sha256, textSha256: version.text_sha256, sourceUrl: version.source_url, ledgerIndex: version.ledger_index },
      version.document_record_id,
    );
    expect(bundle.treeHead.keyId).toBe(earlier.keyId);
    expect(bundle.publicKey).toBe(earlier.publicKeyBase64);
    expect(verifyVersionBundle(bundle, earlier.publicKeyPem).ok).toBe(true);
    const [{ id }] = await db.query('SELECT id FROM versions WHERE ledger_index = 0');
    const [integrity] = await new RecordIntegrityService(db, rotated).verifyVersions([id]);
    expect(integrity.checks.find((c) => c.name === 'ledger')).toMatchObject({ ok: true });
    // A head naming a key the ledger never recorded is a problem, not a pass.
    await expect(rotated.publicKeyOf('0'.repeat(64))).rejects.toMatchObject({ code: 'UNKNOWN_LEDGER_KEY' });
    await db.query('DELETE FROM ledger_keys WHERE key_id = $1', [(await rotated.publicKey()).keyId]);
  });

  it('detects the rewrite from a saved head, although the database-only audit is fooled', async () => {
    expect((await capture('2025-09-10', '2025-09-10T10:00:00Z')).json().outcome).toBe('ok');
    const saved: SignedTreeHead = (await get('/api/v1/ledger/tree-head')).json();
    expect(saved.treeSize).toBe(2);
    const published = readFileSync(treeHeadsLogFile(api.config.dataDir), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(published).toContainEqual(saved);
    // A citation made now carries that head, so whoever keeps the citation can check the ledger against it later.
    const [cited] = await db.query(`SELECT record_id FROM versions WHERE ledger_index = 1`);
    const citation = (await get(`/api/v1/records/${cited.record_id}/citation?format=text`)).body;
    expect(citation).toContain(`ledger tree head ${saved.treeSize}:${saved.rootHash} signed ${saved.timestamp}`);
    expect((await capture('2025-06-23', '2025-09-12T10:00:00Z')).json().outcome).toBe('ok');

    // Before the forgery: the log of 3 extends the saved head of 2, by a real consistency proof.
    const honest = (await get(`/api/v1/ledger/verify?since=${encodeURIComponent(JSON.stringify(saved))}`)).json();
    expect(honest).toMatchObject({ ok: true, problems: [], current: { treeSize: 3 } });
    expect(honest.proof.length).toBeGreaterThan(0);
    const operatorKey = (await get('/api/v1/ledger/key')).json();

    // The forgery, with nothing but the database.
    const [victim] = await db.query(`SELECT v.id FROM versions v WHERE v.ledger_index = 0`);
    const forged = 'Terms of Service\n\nWe never share anything with anyone.';
    await db.query(`UPDATE versions SET markdown = $2, text_sha256 = $3 WHERE id = $1`, [victim.id, forged, createHash('sha256').update(forged).digest('hex')]);
    const versions: Array<{ id: string; record_id: string; captured_at: Date; raw_sha256: string; text_sha256: string; source_url: string; document_record_id: string }> = await db.query(
      `SELECT v.id, v.record_id, v.captured_at, v.raw_sha256, v.text_sha256, v.source_url, d.record_id AS document_record_id
         FROM versions v JOIN documents d ON d.id = v.document_id ORDER BY v.ledger_index`,
    );
    await db.query('DELETE FROM ledger_tree_heads');
    await db.query('DELETE FROM ledger_nodes');
    await db.query('DELETE FROM ledger_leaves');
    for (const v of versions) {
      const leaf = versionLeafOf(
        ledgerRecordOf({ recordId: v.record_id, capturedAt: v.captured_at, rawSha256: v.raw_sha256, textSha256: v.text_sha256, sourceUrl: v.source_url }, v.document_record_id),
      );
      await db.query('SELECT * FROM ledger_append(1, $1::bigint, $2::bytea)', [v.id, leaf]);
    }
    const forger = generateLedgerKey();
    await db.query('INSERT INTO ledger_keys (key_id, public_key_pem) VALUES ($1, $2)', [forger.keyId, forger.publicKeyPem]);
    const log = api.app.get(LedgerService).log();
    for (let size = 0; size <= versions.length; size += 1) {
      const head = await signLogHead(log, forger.privateKeyPem, { treeSize: size, origin: saved.origin });
      await db.query('INSERT INTO ledger_tree_heads (tree_size, root_hash, signed_at, signature, key_id) VALUES ($1, $2, $3, $4, $5)', [
        size,
        Buffer.from(head.rootHash, 'hex'),
        new Date(head.timestamp),
        Buffer.from(head.signature, 'base64'),
        head.keyId,
      ]);
    }

    // What the database alone says: everything consistent (this is what the issue saw).
    expect(await api.app.get(LedgerAuditService).audit()).toMatchObject({ ok: true, leaves: 3 });

    // The saved head says otherwise, in both of its forms.
    const detected = (await get(`/api/v1/ledger/verify?since=${encodeURIComponent(JSON.stringify(saved))}`)).json();
    expect(detected.ok).toBe(false);
    expect(detected.problems.join('\n')).toContain('does not extend the saved head of 2: entries before 2 were rewritten');
    const short = (await get(`/api/v1/ledger/verify?since=${saved.treeSize}:${saved.rootHash}`)).json();
    expect(short.ok).toBe(false);
    // And the forged heads are not signed by the operator's key, which lives outside the database.
    expect(detected.current.keyId).toBe(forger.keyId);
    expect(detected.current.keyId).not.toBe(operatorKey.keyId);
  });

  it('answers 400 for a malformed saved head', async () => {
    for (const since of ['', 'abc', '2:zz', JSON.stringify({ treeSize: -1, rootHash: 'a'.repeat(64) })]) {
      expect((await get(`/api/v1/ledger/verify?since=${encodeURIComponent(since)}`)).statusCode).toBe(400);
    }
  });
});
