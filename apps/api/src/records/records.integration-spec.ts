jest.mock('node-fetch', () => ({
  __esModule: true,
  default: () => Promise.reject(new Error('no network in tests')),
  Headers: class {},
}));

import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { LedgerAuditService, LedgerService, RecordIntegrityService } from '@clausewatch/db';
import { fromHex, hashLeaf, verifyConsistency, verifyVersionBundle } from '@clausewatch/records';
import { readCorpusPage } from '@clausewatch/testing';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../testing/api-harness';

const TOS = 'sites/midjourney/terms-of-service';
const TOS_PAGES = ['2025-06-23', '2025-09-10', '2025-10-01'];
const SOURCE = 'https://docs.midjourney.com/hc/en-us/articles/32083055291277-Terms-of-Service';

// Records by ID, citations, verification and the ledger, over HTTP on a real PostgreSQL.
describe('records: lineage, citations, verification and the ledger', () => {
  let api: ApiHarness;
  let db: DataSource;
  let documentId: string;
  const versions: string[] = [];

  const get = (url: string) => api.app.inject({ method: 'GET', url });
  const capture = (document: string, page: string, capturedAt: string) =>
    api.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${document}/captures?url=${encodeURIComponent(SOURCE)}&capturedAt=${capturedAt}`,
      payload: readCorpusPage(page),
      headers: { ...api.admin, 'content-type': 'text/html; charset=utf-8' },
    });

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: { platform: 'Midjourney', title: 'Terms of Service', type: 'terms-of-service', url: SOURCE },
      headers: api.admin,
    });
    documentId = created.json().document.id;
    for (const date of TOS_PAGES) {
      const response = await capture(documentId, `${TOS}/${date}.html`, `${date}T12:00:00.000Z`);
      expect(response.json().outcome).toBe('ok');
      versions.push(response.json().version.id);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('appends every version to the ledger, in order, with a proof an outsider can check', async () => {
    const indexes = await Promise.all(versions.map(async (id) => (await get(`/api/v1/records/${id}`)).json().ledger.index));
    expect(indexes).toEqual([0, 1, 2]);

    const key = (await get('/api/v1/ledger/key')).json();
    expect(key.algorithm).toBe('Ed25519');
    expect(key.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const proof = await get(`/api/v1/records/${versions[1]}/proof`);
    expect(proof.statusCode).toBe(200);
    const bundle = proof.json();
    expect(bundle.record).toMatchObject({ id: versions[1], documentId, capturedAt: '2025-09-10T12:00:00.000Z', sourceUrl: SOURCE });
    expect(verifyVersionBundle(bundle, key.publicKeyPem).ok).toBe(true);

    // The standalone script needs only Node, the bundle and the public key.
    const dir = mkdtempSync(join(tmpdir(), 'cw-bundle-'));
    writeFileSync(join(dir, 'bundle.json'), JSON.stringify(bundle));
    writeFileSync(join(dir, 'key.pem'), key.publicKeyPem);
    const script = join(__dirname, '../../../../scripts/verify-record.mjs');
    execFileSync('node', [script, join(dir, 'bundle.json'), '--public-key', join(dir, 'key.pem')]);
    const forged = { ...bundle, record: { ...bundle.record, textSha256: 'f'.repeat(64) } };
    writeFileSync(join(dir, 'forged.json'), JSON.stringify(forged));
    expect(() => execFileSync('node', [script, join(dir, 'forged.json'), '--public-key', join(dir, 'key.pem')], { stdio: 'pipe' })).toThrow();
  });

  it('serves the exact captured bytes and stored text, and an outsider verifies them with the standalone script', async () => {
    const id = versions[1];
    const record = (await get(`/api/v1/records/${id}`)).json();
    const snapshot = await get(`/api/v1/records/${id}/snapshot`);
    expect(snapshot.statusCode).toBe(200);
    expect(snapshot.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(snapshot.headers['content-disposition']).toBe(`inline; filename="${id}.html"`);
    expect(snapshot.rawPayload.equals(readCorpusPage(`${TOS}/2025-09-10.html`))).toBe(true);
    expect(createHash('sha256').update(snapshot.rawPayload).digest('hex')).toBe(record.rawSha256);
    const text = await get(`/api/v1/records/${id}/text`);
    expect(text.statusCode).toBe(200);
    expect(text.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(text.rawPayload.toString('utf8')).toBe(record.markdown);
    expect(createHash('sha256').update(text.rawPayload).digest('hex')).toBe(record.textSha256);

    // As docs/verifying-a-record.md tells an outsider: download four files, run the script on them.
    const dir = mkdtempSync(join(tmpdir(), 'cw-outsider-'));
    writeFileSync(join(dir, `${id}.bundle.json`), (await get(`/api/v1/records/${id}/proof`)).rawPayload);
    writeFileSync(join(dir, 'ledger.pub.pem'), (await get('/api/v1/ledger/key')).json().publicKeyPem);
    writeFileSync(join(dir, `${id}.md`), text.rawPayload);
    writeFileSync(join(dir, `${id}.html`), snapshot.rawPayload);
    const script = join(__dirname, '../../../../scripts/verify-record.mjs');
    const run = (textFile: string, rawFile: string) =>
      spawnSync('node', [script, `${id}.bundle.json`, '--public-key', 'ledger.pub.pem', '--text', textFile, '--raw', rawFile], { cwd: dir, encoding: 'utf8' });
    const verified = run(`${id}.md`, `${id}.html`);
    expect(verified.stdout).toContain(`ok   text      ${id}.md has the record's textSha256`);
    expect(verified.stdout).toContain(`ok   raw       ${id}.html has the record's rawSha256`);
    expect(verified.stdout).toContain(`VERIFIED ${id}`);
    expect(verified.status).toBe(0);

    // The text as a JSON field plus the newline `jq -r` adds is not the record's text: the script says so.
    writeFileSync(join(dir, 'from-json.md'), `${record.markdown}\n`);
    writeFileSync(join(dir, 'other.html'), (await get(`/api/v1/records/${versions[0]}/snapshot`)).rawPayload);
    const failed = run('from-json.md', 'other.html');
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/FAIL text .*the record says/);
    expect(failed.stdout).toMatch(/FAIL raw .*the record says/);

    expect((await get('/api/v1/records/CW-V-9999999/snapshot')).statusCode).toBe(404);
    expect((await get(`/api/v1/records/${documentId}/text`)).statusCode).toBe(400);
  });

  it('lists a version\'s provisions, names the provisions of each changed clause, and finds provisions by words, type and document', async () => {
    const version = (await get(`/api/v1/records/${versions[1]}`)).json();
    const held: string[] = (await db.query(
      'SELECT p.record_id FROM version_provisions vp JOIN versions v ON v.id = vp.version_id JOIN provisions p ON p.id = vp.provision_id WHERE v.record_id = $1 ORDER BY vp.position',
      [versions[1]],
    )).map((r: { record_id: string }) => r.record_id);
    expect(held.length).toBeGreaterThan(3);
    expect(version.provisions.map((p: { id: string }) => p.id)).toEqual(held);
    expect(version.provisions[1]).toEqual({ id: held[1], headingPath: expect.any(Array), clauseTypes: expect.any(Array) });

    const change = version.change;
    const before = (await get(`/api/v1/records/${change.from}`)).json().provisions.map((p: { id: string }) => p.id);
    for (const clause of change.clauses) {
      expect(clause.provisions.before).toEqual(clause.beforeIndexes.map((i: number) => before[i]));
      expect(clause.provisions.after).toEqual(clause.afterIndexes.map((i: number) => held[i]));
    }
    const reworded = change.clauses.find((c: { op: string }) => c.op !== 'added' && c.op !== 'removed');
    expect(reworded.provisions.before[0]).toMatch(/^CW-P-/);
    // Also in the change record itself and in the document's list.
    expect((await get(`/api/v1/records/${change.id}`)).json().clauses).toEqual(change.clauses);

    const search = (query: string) => get(`/api/v1/provisions?${query}`);
    const [sample] = await db.query(
      `SELECT record_id, text, clause_types->>0 AS type FROM provisions WHERE jsonb_array_length(clause_types) > 0 AND length(text) > 80 ORDER BY id LIMIT 1`,
    );
    const word = (sample.text as string).split(/\W+/).filter((w) => w.length > 7)[0];
    const found = (await search(`q=${encodeURIComponent(word)}&document=${documentId}&limit=100`)).json();
    expect(found.provisions.map((p: { id: string }) => p.id)).toContain(sample.record_id);
    for (const p of found.provisions) expect(p.text.toLowerCase()).toContain(word.toLowerCase().slice(0, 5));
    const typed = (await search(`type=${sample.type}&limit=100`)).json();
    expect(typed.provisions.length).toBeGreaterThan(0);
    for (const p of typed.provisions) expect(p.clauseTypes).toContain(sample.type);
    expect(typed.provisions.map((p: { id: string }) => p.id)).toContain(sample.record_id);
    expect((await search(`q=${encodeURIComponent(word)}&type=${sample.type}`)).json().provisions[0]).toMatchObject({ document: { id: documentId }, platform: { slug: 'midjourney' } });

    // Paged: two pages of 2 are the first 4, in order, without repeats.
    const all = (await search(`document=${documentId}&limit=4`)).json();
    const first = (await search(`document=${documentId}&limit=2`)).json();
    const second = (await search(`document=${documentId}&limit=2&offset=${first.next}`)).json();
    expect([...first.provisions, ...second.provisions].map((p: { id: string }) => p.id)).toEqual(all.provisions.map((p: { id: string }) => p.id));
    expect((await search('q=xylophonequasarzzz')).json()).toMatchObject({ provisions: [], next: null });
    // No filter: the newest provisions of all documents.
    const [newest] = await db.query('SELECT record_id FROM provisions ORDER BY id DESC LIMIT 1');
    expect((await search('limit=3')).json().provisions.map((p: { id: string }) => p.id)[0]).toBe(newest.record_id);
    expect((await search('document=CW-V-0000001')).statusCode).toBe(400);
    expect((await search('limit=1000')).statusCode).toBe(400);
  });

  it('proves a later tree head consistent with an earlier one', async () => {
    const before = (await get('/api/v1/ledger/tree-head')).json();
    const extra = await capture(documentId, `${TOS}/2025-11-15.html`, '2025-11-15T12:00:00.000Z');
    versions.push(extra.json().version.id);
    const after = (await get('/api/v1/ledger/tree-head')).json();
    expect(after.treeSize).toBe(before.treeSize + 1);
    const response = await get(`/api/v1/ledger/consistency?from=${before.treeSize}&to=${after.treeSize}`);
    expect(response.statusCode).toBe(200);
    const { proof } = response.json();
    const check = (oldRoot: string) =>
      verifyConsistency({ oldSize: before.treeSize, newSize: after.treeSize, oldRoot: fromHex(oldRoot)!, newRoot: fromHex(after.rootHash)!, proof: proof.hashes.map((h: string) => fromHex(h)!) });
    expect(check(before.rootHash)).toBe(true);
    expect(check('0'.repeat(64))).toBe(false);
    expect((await get('/api/v1/ledger/consistency?from=9&to=2')).statusCode).toBe(400);
    expect((await get(`/api/v1/ledger/consistency?from=1&to=${after.treeSize + 5}`)).statusCode).toBe(404);
  });

  it('signs tree heads on the write path only: reads never write, and an uncovered version says so', async () => {
    const heads = async () => Number((await db.query('SELECT count(*) AS n FROM ledger_tree_heads'))[0].n);
    const before = await heads();
    for (let i = 0; i < 3; i += 1) {
      expect((await get('/api/v1/ledger/tree-head')).statusCode).toBe(200);
      expect((await get(`/api/v1/records/${versions[0]}/proof`)).statusCode).toBe(200);
    }
    expect(await heads()).toBe(before);

    // Paged, smallest first.
    const page = (await get('/api/v1/ledger/tree-heads?from=0&limit=2')).json();
    expect(page.treeHeads.map((h: { treeSize: number }) => h.treeSize)).toEqual([0, 1]);
    expect(page.next).toBe(2);
    expect((await get('/api/v1/ledger/tree-heads?limit=0')).statusCode).toBe(400);

    // As if the signing after the last capture had failed: its version is not covered yet.
    const newest = versions.at(-1)!;
    const [{ tree_size: size }] = await db.query('SELECT max(tree_size) AS tree_size FROM ledger_tree_heads');
    const [saved] = await db.query('SELECT * FROM ledger_tree_heads WHERE tree_size = $1', [size]);
    await db.query('DELETE FROM ledger_tree_heads WHERE tree_size = $1', [size]);
    try {
      const uncovered = await get(`/api/v1/records/${newest}/proof`);
      expect(uncovered.statusCode).toBe(503);
      expect(uncovered.json().message).toContain('not covered by a signed tree head yet');
      // The crawler's next tick (or the next capture) signs it.
      await api.app.get(LedgerService).signTreeHead();
      expect((await get(`/api/v1/records/${newest}/proof`)).statusCode).toBe(200);
    } finally {
      await db.query('DELETE FROM ledger_tree_heads WHERE tree_size = $1', [size]);
      // Put the published head back as it was (a re-signed one has another timestamp).
      await db.query('INSERT INTO ledger_tree_heads (tree_size, root_hash, signed_at, signature, key_id) VALUES ($1, $2, $3, $4, $5)', [
        saved.tree_size, saved.root_hash, saved.signed_at, saved.signature, saved.key_id,
      ]);
    }
  });

  it('keeps provision IDs across versions and records their history', async () => {
    const [changed]: Array<{ record_id: string; text: string }> = await db.query(
      `SELECT record_id, text FROM provisions p WHERE change_count > 0 AND removed_at IS NULL ORDER BY id LIMIT 1`,
    );
    expect(changed).toBeDefined();
    const record = (await get(`/api/v1/records/${changed.record_id}`)).json();
    expect(record).toMatchObject({ recordType: 'provision', id: changed.record_id, document: documentId, status: 'current', removed: null, text: changed.text });
    expect(record.changes).toBeGreaterThan(0);
    expect(record.history[0].event).toBe('first seen');
    expect(record.history.filter((h: { event: string }) => h.event === 'changed').length).toBe(record.changes);
    expect(record.history.at(-1).text).toBe(changed.text);
    expect(record.monthsMonitored).toBeGreaterThan(0);

    // Each version holds each provision at most once, and the latest version holds every current provision.
    const [dupes] = await db.query('SELECT count(*)::int AS n FROM (SELECT version_id, provision_id FROM version_provisions GROUP BY 1, 2 HAVING count(*) > 1) d');
    expect(dupes.n).toBe(0);
    const latest = versions[versions.length - 1];
    const [orphans] = await db.query(
      `SELECT count(*)::int AS n FROM provisions p WHERE removed_at IS NULL AND NOT EXISTS (
         SELECT 1 FROM version_provisions vp JOIN versions v ON v.id = vp.version_id WHERE vp.provision_id = p.id AND v.record_id = $1)`,
      [latest],
    );
    expect(orphans.n).toBe(0);

    const [removed]: Array<{ record_id: string }> = await db.query('SELECT record_id FROM provisions WHERE removed_at IS NOT NULL ORDER BY id LIMIT 1');
    if (removed) {
      const gone = (await get(`/api/v1/records/${removed.record_id}`)).json();
      expect(gone.status).toBe('removed');
      expect(gone.removed.version).toMatch(/^CW-V-/);
      expect(gone.history.at(-1)).toMatchObject({ event: 'removed', version: gone.removed.version });
    }
  });

  it('serves every kind by ID, as JSON and as a permalink page; 400 and 404 say why', async () => {
    const [provision] = await db.query('SELECT record_id FROM provisions ORDER BY id LIMIT 1');
    const [change] = await db.query('SELECT record_id FROM change_records ORDER BY id LIMIT 1');
    const [platform] = await db.query('SELECT record_id FROM platforms LIMIT 1');
    for (const [id, type] of [[platform.record_id, 'platform'], [documentId, 'document'], [versions[0], 'version'], [provision.record_id, 'provision'], [change.record_id, 'change']]) {
      const response = await get(`/api/v1/records/${id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id, recordType: type });
      const page = await get(`/r/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(id);
    }
    const malformed = await get('/api/v1/records/CW-P-12');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toContain('is not a record ID');
    const unknown = await get('/api/v1/records/CW-P-999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('no record CW-P-999999');
    expect((await get('/api/v1/records/CW-P-999999/citation')).statusCode).toBe(404);
    expect((await get(`/api/v1/records/${versions[0]}/citation?format=mla`)).statusCode).toBe(400);
  });

  it('cites a version in text, BibTeX, RIS and CSL-JSON that a reference manager imports', async () => {
    const version = (await get(`/api/v1/records/${versions[0]}`)).json();
    const text = await get(`/api/v1/records/${versions[0]}/citation?format=text&accessed=2026-05-01`);
    expect(text.headers['content-type']).toContain('text/plain');
    for (const fact of ['Midjourney', 'Terms of Service', versions[0], '2025-06-23 12:00:00 UTC', version.textSha256, SOURCE, 'accessed 2026-05-01']) {
      expect(text.body).toContain(fact);
    }
    for (const format of ['bibtex', 'ris', 'csl-json']) {
      const response = await get(`/api/v1/records/${versions[0]}/citation?format=${format}&accessed=2026-05-01`);
      expect(response.statusCode).toBe(200);
      const [item] = new Cite(response.body).data;
      expect(item.title).toContain('Terms of Service');
      expect(item.URL).toBe(`http://clausewatch.test/r/${versions[0]}`);
      expect(item.issued?.['date-parts'][0].slice(0, 3)).toEqual([2025, 6, 23]);
      expect(JSON.stringify(item)).toContain(version.textSha256);
    }
    const [provision] = await db.query(`SELECT record_id, text, heading_path FROM provisions WHERE jsonb_array_length(heading_path) > 0 AND length(text) > 40 ORDER BY id LIMIT 1`);
    const [item] = new Cite((await get(`/api/v1/records/${provision.record_id}/citation?format=csl-json`)).body).data;
    expect(item.title).toContain(provision.record_id);
    expect(item.title).toContain(`§ ${provision.heading_path.join(' › ')}`);
    expect(String(item.abstract).slice(0, 20)).toBe(provision.text.replace(/[*_`]+/g, '').replace(/^\s*(?:[-+*]|\d+[.)])\s+/, '').slice(0, 20));
    const [change] = await db.query('SELECT record_id FROM change_records ORDER BY id LIMIT 1');
    for (const format of ['text', 'bibtex', 'ris', 'csl-json']) {
      const body = (await get(`/api/v1/records/${change.record_id}/citation?format=${format}`)).body;
      expect(body).toContain(change.record_id);
      expect(body).not.toMatch(/record record/);
    }
  });

  it('verifies stored bytes, and names what does not match when a version, a snapshot or a ledger row is edited', async () => {
    const audit = api.app.get(LedgerAuditService);
    const target = versions[1];
    const ok = (await get(`/api/v1/records/${target}/verify`)).json();
    expect(ok).toMatchObject({ ok: true, status: 'snapshot stored, hash verified' });
    expect(await audit.audit()).toMatchObject({ ok: true, leaves: versions.length, problems: [] });

    const tamper = async (edit: string, restore: string) => {
      await db.query(edit, [target]);
      try {
        return { record: (await get(`/api/v1/records/${target}/verify`)).json(), ledger: await audit.audit() };
      } finally {
        await db.query(restore, [target]);
      }
    };
    const flip = (column: string) => `set_byte(${column}, 5, get_byte(${column}, 5) # 1)`;

    const snapshot = await tamper(
      `UPDATE snapshots SET body = ${flip('body')} WHERE id = (SELECT snapshot_id FROM versions WHERE record_id = $1)`,
      `UPDATE snapshots SET body = ${flip('body')} WHERE id = (SELECT snapshot_id FROM versions WHERE record_id = $1)`,
    );
    expect(snapshot.record.ok).toBe(false);
    expect(snapshot.record.status).toContain('snapshot mismatch');
    expect(snapshot.record.status).not.toContain('text mismatch');

    const text = await tamper(
      `UPDATE versions SET markdown = overlay(markdown placing 'X' from 20 for 1), title = substr(markdown, 20, 1) WHERE record_id = $1`,
      `UPDATE versions SET markdown = overlay(markdown placing title from 20 for 1), title = NULL WHERE record_id = $1`,
    );
    expect(text.record.status).toContain('text mismatch');
    expect(text.record.status).not.toContain('snapshot mismatch');

    const leaf = await tamper(
      `UPDATE ledger_leaves SET leaf = ${flip('leaf')} WHERE version_id = (SELECT id FROM versions WHERE record_id = $1)`,
      `UPDATE ledger_leaves SET leaf = ${flip('leaf')} WHERE version_id = (SELECT id FROM versions WHERE record_id = $1)`,
    );
    expect(leaf.record.status).toContain('ledger mismatch');
    expect(leaf.ledger.ok).toBe(false);
    expect(leaf.ledger.problems.join('\n')).toContain('ledger leaf 1');

    // A rewritten leaf with a consistent hash still breaks the signed roots.
    const node = await tamper(
      `UPDATE ledger_nodes SET hash = ${flip('hash')} WHERE level = 1 AND node_index = 0 AND $1::text IS NOT NULL`,
      `UPDATE ledger_nodes SET hash = ${flip('hash')} WHERE level = 1 AND node_index = 0 AND $1::text IS NOT NULL`,
    );
    expect(node.ledger.problems.join('\n')).toContain('ledger node (1, 0)');

    const hashed = await tamper(
      `UPDATE versions SET text_sha256 = repeat('a', 64), title = text_sha256 WHERE record_id = $1`,
      `UPDATE versions SET text_sha256 = title, title = NULL WHERE record_id = $1`,
    );
    expect(hashed.record.status).toMatch(/text mismatch.*ledger mismatch.*textSha256/s);
    expect(hashed.ledger.problems.join('\n')).toContain(`do not match version ${target} (differs in textSha256)`);

    expect((await get(`/api/v1/records/${target}/verify`)).json().ok).toBe(true);
    expect((await audit.audit()).ok).toBe(true);
    const stored: Array<{ leaf: Buffer; leaf_hash: Buffer }> = await db.query('SELECT leaf, leaf_hash FROM ledger_leaves');
    expect(stored.every((r) => hashLeaf(r.leaf).equals(r.leaf_hash))).toBe(true);
  });

  it('reuses a verification until the data behind the record changes, and computes it once for concurrent requests', async () => {
    const integrity = api.app.get(RecordIntegrityService);
    const rehash = jest.spyOn(integrity, 'verifyVersions');
    try {
      // The document record rests on every version; ten clients at once share one re-hash.
      const concurrent = await Promise.all(Array.from({ length: 10 }, () => get(`/api/v1/records/${documentId}/verify`)));
      expect(concurrent.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
      expect(new Set(concurrent.map((r) => r.body)).size).toBe(1);
      expect(concurrent[0].json()).toMatchObject({ ok: true, status: `${versions.length} versions: snapshot stored, hash verified` });
      expect(rehash).toHaveBeenCalledTimes(1);
      expect((await get(`/api/v1/records/${documentId}/verify`)).body).toBe(concurrent[0].body);
      expect(rehash).toHaveBeenCalledTimes(1);

      // A snapshot rewritten behind the API's back: the next request re-hashes and says so.
      const flip = `UPDATE snapshots SET body = set_byte(body, 5, get_byte(body, 5) # 1) WHERE id = (SELECT snapshot_id FROM versions WHERE record_id = $1)`;
      await db.query(flip, [versions[0]]);
      try {
        const forged = (await get(`/api/v1/records/${documentId}/verify`)).json();
        expect(forged.ok).toBe(false);
        expect(forged.status).toContain(`${versions[0]}: snapshot mismatch`);
        expect(rehash).toHaveBeenCalledTimes(2);
      } finally {
        await db.query(flip, [versions[0]]);
      }
      expect((await get(`/api/v1/records/${documentId}/verify`)).json().ok).toBe(true);
      expect(rehash).toHaveBeenCalledTimes(3);
      expect((await get(`/api/v1/records/${documentId}/verify`)).json().ok).toBe(true);
      expect(rehash).toHaveBeenCalledTimes(3);
    } finally {
      rehash.mockRestore();
    }
  });

  it('never gives two concurrent captures the same ledger index', async () => {
    const others = await Promise.all(
      ['Privacy Policy', 'Data Deletion FAQ'].map(async (title) =>
        (await api.app.inject({ method: 'POST', url: '/api/v1/documents', payload: { platform: 'Midjourney', title, type: title.toLowerCase().replace(/ /g, '-'), url: `${SOURCE}?${title.length}` }, headers: api.admin })).json().document.id,
      ),
    );
    const pages = ['sites/midjourney/privacy-policy/2026-04-19.html', 'sites/midjourney/data-deletion-faq/2023-10-02.html'];
    const results = await Promise.all(others.map((id: string, i: number) => capture(id, pages[i], '2026-04-19T00:00:00.000Z')));
    const indexes = await Promise.all(results.map(async (r) => (await get(`/api/v1/records/${r.json().version.id}`)).json().ledger.index));
    expect(new Set(indexes).size).toBe(2);
    expect((await api.app.get(LedgerAuditService).audit()).ok).toBe(true);
  });

  it('gives a clause that comes back word for word its old ID, and its history says when it was gone', async () => {
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: { platform: 'Midjourney', title: 'Cookie Policy', type: 'cookie-policy', url: 'https://docs.midjourney.com/privacy' },
      headers: api.admin,
    });
    expect(created.statusCode).toBe(201);
    const document = created.json().document.id;
    const page = (sections: string[]) =>
      `<html><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1>${sections.join('')}</main></body></html>`;
    const collection = '<h2>What we collect</h2><p>We collect your email address and the prompts you submit so that we can run the service.</p>';
    const sale = '<h2>Selling data</h2><p>We never sell your personal information to anyone, for any purpose, at any time.</p>';
    const held = async (version: string): Promise<string[]> =>
      (await db.query(
        'SELECT p.record_id FROM version_provisions vp JOIN versions v ON v.id = vp.version_id JOIN provisions p ON p.id = vp.provision_id WHERE v.record_id = $1 ORDER BY vp.position',
        [version],
      )).map((r: { record_id: string }) => r.record_id);
    const ids: string[] = [];
    for (const [i, sections] of [[collection, sale], [collection], [collection, sale]].entries()) {
      const response = await api.app.inject({
        method: 'POST',
        url: `/api/v1/documents/${document}/captures?url=${encodeURIComponent('https://docs.midjourney.com/privacy')}&capturedAt=2025-0${i + 1}-01T00:00:00.000Z`,
        payload: page(sections),
        headers: { ...api.admin, 'content-type': 'text/html; charset=utf-8' },
      });
      expect(response.json().outcome).toBe('ok');
      ids.push(response.json().version.id);
    }
    const [first, second, third] = await Promise.all(ids.map(held));
    expect(third).toEqual(first);
    expect(second).toEqual(first.slice(0, second.length));
    const restored = first.filter((id) => !second.includes(id));
    expect(restored.length).toBeGreaterThan(0);
    for (const id of restored) {
      const record = (await get(`/api/v1/records/${id}`)).json();
      expect(record).toMatchObject({ status: 'current', removed: null, versionsSeen: 2 });
      expect(record.history.map((h: { event: string; version: string }) => [h.event, h.version])).toEqual([
        ['first seen', ids[0]],
        ['removed', ids[1]],
        ['restored', ids[2]],
      ]);
    }
  });
  it('a provision first recorded in a later capture is superseded by the older one a back-dated capture shows it restores; its ID still resolves', async () => {
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: { platform: 'Midjourney', title: 'Community Rules', type: 'community-rules', url: 'https://docs.midjourney.com/privacy' },
      headers: api.admin,
    });
    const document = created.json().document.id;
    const page = (sections: string[]) => `<html><head><title>Rules</title></head><body><main><h1>Rules</h1>${sections.join('')}</main></body></html>`;
    const conduct = '<h2>Conduct</h2><p>Be kind to other members of the community and do not post anything hateful.</p>';
    const appeals = '<h2>Appeals</h2><p>You may appeal a ban within thirty days by writing to our moderation team.</p>';
    const post = async (sections: string[], capturedAt: string) =>
      (
        await api.app.inject({
          method: 'POST',
          url: `/api/v1/documents/${document}/captures?url=${encodeURIComponent('https://docs.midjourney.com/privacy')}&capturedAt=${capturedAt}`,
          payload: page(sections),
          headers: { ...api.admin, 'content-type': 'text/html; charset=utf-8' },
        })
      ).json();
    // The version record lists the provision at the appeals clause's place (the third clause after the title).
    const appealsIn = async (version: string): Promise<string | undefined> => {
      const [row] = await db.query(`SELECT vp.position FROM version_provisions vp JOIN versions v ON v.id = vp.version_id WHERE v.record_id = $1 AND vp.text LIKE 'You may appeal%'`, [version]);
      return row ? (await get(`/api/v1/records/${version}`)).json().provisions[row.position]?.id : undefined;
    };
    // Newest first: the appeals clause is first recorded in March; February lacks it; January had it.
    const march = await post([conduct, appeals], '2025-03-01T00:00:00.000Z');
    const laterId = await appealsIn(march.version.id);
    expect(laterId).toMatch(/^CW-P-/);
    // Read (and cached) before the insertions: the cache must hear that it changed.
    expect((await get(`/api/v1/records/${laterId}`)).json()).toMatchObject({ status: 'current', supersededBy: null });
    await post([conduct], '2025-02-01T00:00:00.000Z');
    // Still the March ID (nothing yet says the clause is older); March's record is cached again here.
    expect(await appealsIn(march.version.id)).toBe(laterId);
    const january = await post([conduct, appeals], '2025-01-01T00:00:00.000Z');
    // In time order the March clause is January's, back after February: one provision, January's ID.
    const olderId = await appealsIn(january.version.id);
    expect(olderId).toMatch(/^CW-P-/);
    expect(olderId).not.toBe(laterId);
    expect(await appealsIn(march.version.id)).toBe(olderId);

    const superseded = (await get(`/api/v1/records/${laterId}`)).json();
    expect(superseded).toMatchObject({ id: laterId, status: 'superseded', supersededBy: olderId });
    const html = await get(`/r/${laterId}`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain(`Superseded by`);
    expect(html.body).toContain(`href="/r/${olderId}"`);
    const current = (await get(`/api/v1/records/${olderId}`)).json();
    expect(current).toMatchObject({ status: 'current', supersededBy: null, firstSeen: { version: january.version.id } });
    expect(current.history.map((h: { event: string; version: string }) => [h.event, h.version])).toEqual([
      ['first seen', january.version.id],
      ['removed', expect.any(String)],
      ['restored', march.version.id],
    ]);
  });

  it('inserts a back-dated capture in time order: the record it splits stays, superseded, and names its replacements', async () => {
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: { platform: 'Midjourney', title: 'Terms (back-filled)', type: 'terms-backfilled', url: SOURCE },
      headers: api.admin,
    });
    const document = created.json().document.id;
    const first = (await capture(document, `${TOS}/2025-06-23.html`, '2025-06-23T12:00:00.000Z')).json();
    const last = (await capture(document, `${TOS}/2025-10-01.html`, '2025-10-01T12:00:00.000Z')).json();
    const spanning = last.change.id;
    // Read (and cached) before the insertion: the cache must hear that it changed.
    expect((await get(`/api/v1/records/${spanning}`)).json()).toMatchObject({ superseded: false, supersededBy: [] });

    const middle = (await capture(document, `${TOS}/2025-09-10.html`, '2025-09-10T12:00:00.000Z')).json();
    expect(middle.outcome).toBe('ok');
    expect(middle.change).toMatchObject({ from: first.version.id, to: middle.version.id });

    const old = (await get(`/api/v1/records/${spanning}`)).json();
    expect(old).toMatchObject({ id: spanning, from: first.version.id, to: last.version.id, superseded: true });
    expect(old.supersededBy).toHaveLength(2);
    expect(old.supersededBy[0]).toBe(middle.change.id);
    const correction = (await get(`/api/v1/records/${old.supersededBy[1]}`)).json();
    expect(correction).toMatchObject({ from: middle.version.id, to: last.version.id, alertEligible: false, superseded: false });
    expect(correction.reasons[0]).toMatch(/^technical correction: .*replaces /);
    // The later version's record now shows the corrected change that leads to it.
    expect((await get(`/api/v1/records/${last.version.id}`)).json().change).toMatchObject({ id: correction.id });
  });
});
