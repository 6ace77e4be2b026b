import { guidanceOf } from '@clausewatch/analyzer';
import { readCorpusPage } from '@clausewatch/testing';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { FollowsService } from '../accounts/follows.service';
import { ApiHarness, startApi } from '../testing/api-harness';
import { signIn, signInLink, WebClient } from '../testing/web-client';

const TOS = 'sites/midjourney/terms-of-service';
const SOURCE = 'https://docs.midjourney.com/hc/en-us/articles/32083055291277-Terms-of-Service';
const HOSTILE = `<!doctype html><html><head><title>Evil terms</title></head><body><main>
<h1>Terms of Use</h1>
<p>By using the service you agree to these terms. Written &lt;script&gt;alert(1)&lt;/script&gt; here, and an image &lt;img src=x onerror=alert(2)&gt; too.</p>
<p>Read <a href="javascript:alert(3)">our javascript: link</a> before you continue to use the service.</p>
<img src="x" onerror="alert(4)" alt="a picture">
<script>alert(5)</script>
</main></body></html>`;

// The web app over HTTP on a real PostgreSQL: pages of every record kind, sign-in, follows and plan limits.
describe('web app: pages, sign-in, follows', () => {
  let api: ApiHarness;
  let anon: WebClient;
  const versions: string[] = [];
  const changes: string[] = [];
  let documentId: string;

  const capture = (document: string, body: Buffer | string, capturedAt: string, url = SOURCE) =>
    api.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${document}/captures?url=${encodeURIComponent(url)}&capturedAt=${capturedAt}`,
      payload: body,
      headers: { ...api.admin, 'content-type': 'text/html; charset=utf-8' },
    });
  const createDocument = async (platform: string, url: string) =>
    (await api.app.inject({ method: 'POST', url: '/api/v1/documents', payload: { platform, title: 'Terms of Service', type: 'terms-of-service', url }, headers: api.admin })).json().document.id as string;

  beforeAll(async () => {
    api = await startApi({ ADMIN_EMAILS: 'admin@example.org' });
    anon = new WebClient(api.app);
    documentId = await createDocument('Midjourney', SOURCE);
    for (const date of ['2025-06-23', '2025-09-10', '2025-10-01']) {
      const response = (await capture(documentId, readCorpusPage(`${TOS}/${date}.html`), `${date}T12:00:00.000Z`)).json();
      expect(response.outcome).toBe('ok');
      versions.push(response.version.id);
      if (response.change) changes.push(response.change.id);
    }
    for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta']) await createDocument(name, `https://${name.toLowerCase()}.example.com/terms`);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('serves the home page as HTML with a strict Content-Security-Policy', async () => {
    const home = await anon.get('/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.body).toContain('Latest high and critical changes');
    const csp = String(home.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:/);
    expect(home.body).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*src=)[^>]*>/);
    const css = await anon.get(home.body.match(/href="(\/assets\/app\.css\?v=[0-9a-f]+)"/)![1]);
    expect(css.status).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
  });

  it('shows a version page with provenance, downloads, the ledger, the text and four citations', async () => {
    const page = await anon.get(`/r/${versions[1]}`);
    expect(page.status).toBe(200);
    const json = (await anon.get(`/api/v1/records/${versions[1]}`)).body;
    const record = JSON.parse(json);
    expect(page.body).toContain(record.textSha256);
    expect(page.body).toContain(record.rawSha256);
    expect(page.body).toContain(`/api/v1/records/${versions[1]}/snapshot`);
    expect(page.body).toContain(`/api/v1/records/${versions[1]}/text`);
    expect(page.body).toContain('inclusion proof');
    for (const label of ['Plain text', 'BibTeX', 'RIS', 'CSL-JSON']) expect(page.body).toContain(label);
    const verified = await anon.get(`/r/${versions[1]}?verify=1`);
    expect(verified.body).toContain('hash verified');
  });

  it('answers JSON at /r/:id for Accept: application/json, the same record as the API', async () => {
    const json = await anon.get(`/r/${changes[0]}`, { accept: 'application/json' });
    expect(json.headers['content-type']).toContain('application/json');
    expect(JSON.parse(json.body)).toEqual(JSON.parse((await anon.get(`/api/v1/records/${changes[0]}`)).body));
  });

  it('shows a change with severity, reasons, word-level redlines linked to provisions, and the provision page', async () => {
    const record = JSON.parse((await anon.get(`/api/v1/records/${changes[0]}`)).body);
    const page = await anon.get(`/r/${changes[0]}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`severity-${record.severity}`);
    expect(page.body).toMatch(/<del class="redline-del">[^<]+<\/del>|<ins class="redline-ins">[^<]+<\/ins>/);
    for (const reason of record.reasons.slice(0, 2)) expect(page.body).toContain(escapeHtml(reason));
    // "What you can do": one card per type that set a clause's severity, most severe first, none for a type only mentioned.
    const cards = [...page.body.matchAll(/<div class="card"><h3><a href="\/clause-types\/([a-z-]+)">/g)].map((m) => m[1]);
    expect(cards).toEqual(guidanceOf(record.clauses).map((g) => g.type));
    expect(cards.length).toBeGreaterThan(0);
    const provision = /href="\/r\/(CW-P-\d+)"/.exec(page.body)![1];
    const provisionPage = await anon.get(`/r/${provision}`);
    expect(provisionPage.status).toBe(200);
    expect(provisionPage.body).toContain('Lineage');
    expect(provisionPage.body).toContain('first seen');
  });

  it('shows a document with its versions, a compare view, checks and a platform page with a timeline', async () => {
    const page = await anon.get(`/r/${documentId}`);
    expect(page.status).toBe(200);
    for (const version of versions) expect(page.body).toContain(`/r/${version}`);
    const compare = await anon.get(`/r/${documentId}?from=${versions[0]}&to=${versions[2]}`);
    expect(compare.body).toMatch(/<(del|ins) class="redline-(del|ins)">/);
    const platform = await anon.get('/platforms/midjourney');
    expect(platform.status).toBe(200);
    expect(platform.body).toContain('<svg class="timeline"');
    expect((platform.body.match(/<circle /g) ?? []).length).toBe(changes.length);
    expect(platform.body).toContain('Quick facts');
    const viaRecord = await anon.get(`/r/${JSON.parse((await anon.get('/api/v1/platforms/midjourney')).body).id}`);
    expect(viaRecord.body).toContain('<svg class="timeline"');
    // The API's /api/v1/platforms is still JSON.
    expect((await anon.get('/api/v1/platforms')).headers['content-type']).toContain('application/json');
  });

  it('lists changes with filters, and topic pages for clause types and regulations', async () => {
    const all = await anon.get('/changes');
    for (const change of changes) expect(all.body).toContain(change);
    const none = await anon.get('/changes?platform=alpha');
    expect(none.body).toContain('No change matches');
    const filtered = await anon.get('/changes?platform=midjourney&severity=low&type=terms-of-service');
    const atom = /href="(\/api\/v1\/feeds\/changes\?[^"]+)"/.exec(filtered.body)![1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');
    expect(atom).toBe('/api/v1/feeds/changes?platform=midjourney&type=terms-of-service&severity=low');
    const feed = await anon.get(atom);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    const expected = (await Promise.all(changes.map(async (id) => [id, JSON.parse((await anon.get(`/api/v1/records/${id}`)).body).severity]))).filter(([, s]) => s !== 'none').map(([id]) => id);
    expect([...feed.body.matchAll(/<id>http:\/\/clausewatch\.test\/r\/(CW-C-\d+)<\/id>/g)].map((m) => m[1]).sort()).toEqual(expected.sort());
    expect((await anon.get('/api/v1/feeds/changes?platform=alpha')).body).not.toContain('<entry>');
    const clauseType = await anon.get('/clause-types/dispute-resolution');
    expect(clauseType.status).toBe(200);
    expect(clauseType.body).toContain('Dispute resolution');
    expect((await anon.get('/regulations/faa')).status).toBe(200);
  });

  it('answers unknown and malformed IDs with HTML error pages', async () => {
    const unknown = await anon.get('/r/CW-V-9999999');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toContain('text/html');
    expect(unknown.body).toContain('Not found');
    const malformed = await anon.get('/r/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toContain('text/html');
    expect((await anon.get('/platforms/no-such-platform')).status).toBe(404);
    expect((await anon.get('/clause-types/nope')).status).toBe(404);
  });

  it('shows crawled <script>, onerror= and javascript: links as inert text everywhere', async () => {
    const evil = await createDocument('Evil Corp', 'https://evil.example.com/terms');
    const first = (await capture(evil, HOSTILE, '2026-01-01T00:00:00.000Z', 'https://evil.example.com/terms')).json();
    expect(first.outcome).toBe('ok');
    const second = (await capture(evil, HOSTILE.replace('agree to these terms', 'agree to these new terms, and waive any class action'), '2026-01-02T00:00:00.000Z', 'https://evil.example.com/terms')).json();
    const pages = [`/r/${first.version.id}`, `/r/${second.version.id}`, `/r/${second.change.id}`, `/r/${evil}`, '/platforms/evil-corp', '/changes', '/'];
    const provisions = [...new Set([...(await anon.get(`/r/${second.change.id}`)).body.matchAll(/\/r\/(CW-P-\d+)/g)].map((m) => m[1]))];
    for (const url of [...pages, ...provisions.map((p) => `/r/${p}`)]) {
      const page = await anon.get(url);
      expect(page.status).toBe(200);
      expect(page.body).not.toMatch(/<script(?![^>]*src="\/assets\/)/i);
      expect(page.body).not.toMatch(/<[^>]+\sonerror\s*=/i);
      expect(page.body).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
      expect(page.body).not.toMatch(/<img /i);
    }
    expect((await anon.get(`/r/${first.version.id}`)).body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('signs in by a single-use emailed link, keeps a PostgreSQL session, and signs out', async () => {
    const client = new WebClient(api.app, '10.0.0.1');
    const form = await client.get('/login');
    expect(form.body).toContain('name="email"');
    await signIn(client, 'Reader@Example.org', api.outbox);
    const cookie = client.cookies.get('cw_session')!;
    expect(cookie).toBeTruthy();
    const [row] = await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM sessions WHERE token_hash <> $1', [cookie]);
    expect(row.n).toBe(1);
    expect((await client.get('/account')).body).toContain('reader@example.org');
    // The link works once.
    const link = new URL(signInLink(api.outbox(), 'reader@example.org'));
    const again = await client.post('/login/verify', { _csrf: WebClient.csrfOf((await client.get('/login')).body), token: link.searchParams.get('token')! });
    expect(again.status).toBe(400);
    // Sign-out ends the session.
    const out = await client.submit('/account', '/logout', {});
    expect(out.status).toBe(303);
    expect((await client.get('/account')).status).toBe(401);
    const [{ n }] = await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM sessions');
    expect(n).toBe(0);
  });

  it('sets the session cookie HTTP-only and SameSite=Lax, and answers the same whether or not the address exists, rate-limited', async () => {
    const client = new WebClient(api.app, '10.0.0.2');
    const first = await client.post('/login', { email: 'new-person@example.org' });
    const known = await client.post('/login', { email: 'reader@example.org' });
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '').replace(/<strong>[^<]+<\/strong>/, '');
    expect(first.status).toBe(200);
    expect(strip(first.body)).toBe(strip(known.body));
    const before = api.outbox().filter((e) => e.to === 'flood@example.org').length;
    for (let i = 0; i < 6; i++) expect((await client.post('/login', { email: 'flood@example.org' })).status).toBe(200);
    expect(api.outbox().filter((e) => e.to === 'flood@example.org').length - before).toBe(3);
    const session = new WebClient(api.app, '10.0.0.3');
    await session.post('/login', { email: 'cookie@example.org' });
    const link = new URL(signInLink(api.outbox(), 'cookie@example.org'));
    const confirm = await session.get(`${link.pathname}${link.search}`);
    const done = await api.app.inject({
      method: 'POST',
      url: '/login/verify',
      payload: new URLSearchParams({ _csrf: WebClient.csrfOf(confirm.body), token: link.searchParams.get('token')! }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    const setCookie = ([] as string[]).concat(done.headers['set-cookie'] as string[] | string).find((c) => c.startsWith('cw_session='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it('rejects a state-changing form without its CSRF token', async () => {
    const client = new WebClient(api.app, '10.0.0.4');
    await signIn(client, 'csrf@example.org', api.outbox);
    const forged = await client.post('/follow', { kind: 'platform', value: 'alpha', return: '/' });
    expect(forged.status).toBe(403);
    const [{ n }] = await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM follows f JOIN subscribers s ON s.id = f.subscriber_id WHERE s.email = 'csrf@example.org'`);
    expect(n).toBe(0);
  });

  it('never lets a free account follow past one platform, even with parallel requests', async () => {
    const client = new WebClient(api.app, '10.0.0.5');
    await signIn(client, 'free@example.org', api.outbox);
    const csrf = WebClient.csrfOf((await client.get('/platforms')).body);
    const slugs = ['alpha', 'beta', 'gamma', 'delta', 'midjourney'];
    const answers = await Promise.all([...slugs, ...slugs].map((value) => client.post('/follow', { _csrf: csrf, kind: 'platform', value, return: '/' })));
    expect(answers.filter((a) => a.status === 303).length).toBeGreaterThanOrEqual(1);
    expect(answers.filter((a) => a.status !== 303).every((a) => a.status === 409)).toBe(true);
    const follows = await api.app.get(DataSource).query(`SELECT f.platform_id FROM follows f JOIN subscribers s ON s.id = f.subscriber_id WHERE s.email = 'free@example.org' AND f.paused_at IS NULL`);
    expect(follows).toHaveLength(1);
    // A clause-type follow counts as one follow too.
    expect((await client.post('/follow', { _csrf: csrf, kind: 'clause-type', value: 'ai-training', return: '/' })).status).toBe(409);
    // The admin enrol route goes through the same limit, in parallel too.
    const enrol = await Promise.all(slugs.map((slug) => api.app.inject({ method: 'POST', url: '/api/v1/subscribers', payload: { email: 'free@example.org', platforms: [slug] }, headers: api.admin })));
    expect(enrol.filter((r) => r.statusCode === 201).length).toBeLessThanOrEqual(1);
    const after = await api.app.get(DataSource).query(`SELECT f.platform_id FROM follows f JOIN subscribers s ON s.id = f.subscriber_id WHERE s.email = 'free@example.org' AND f.paused_at IS NULL`);
    expect(after).toHaveLength(1);
  });

  it('leaves a change superseded by a back-dated capture out of the home feed, the registry and the feeds; its page says what replaces it', async () => {
    const url = 'https://sigma.example.com/terms';
    const sigma = await createDocument('Sigma', url);
    const page = (text: string) => `<html><body><main><h1>Terms</h1><h2>Disputes</h2><p>${text}</p><h2>Accounts</h2><p>You must keep your password safe.</p></main></body></html>`;
    expect((await capture(sigma, page('Disputes are resolved in the courts of your home country.'), '2025-01-01T12:00:00.000Z', url)).json().outcome).toBe('ok');
    const later = (await capture(sigma, page('Disputes are resolved by binding individual arbitration, and you waive any right to a jury trial or to take part in a class action.'), '2025-03-01T12:00:00.000Z', url)).json();
    const news: string = later.change.id;
    const follower = new WebClient(api.app, '10.0.0.11');
    await signIn(follower, 'sigma@example.org', api.outbox);
    expect((await follower.submit('/platforms', '/follow', { kind: 'platform', value: 'sigma', return: '/' })).status).toBe(303);
    const lists = async () => [
      (await follower.get('/')).body,
      (await anon.get('/changes?platform=sigma')).body,
      (await anon.get('/api/v1/feeds/changes?platform=sigma')).body,
      (await anon.get('/api/v1/feeds/platforms/sigma')).body,
      (await anon.get(`/api/v1/feeds/documents/${sigma}`)).body,
      (await anon.get(`/r/${sigma}`)).body,
    ];
    for (const body of await lists()) expect(body).toContain(news);

    // A capture taken between the two, ingested last: the change it splits is superseded by two technical corrections.
    const between = (await capture(sigma, page('Disputes are resolved by mediation first, then in the courts of your home country.'), '2025-02-01T12:00:00.000Z', url)).json();
    expect(between.outcome).toBe('ok');
    const record = JSON.parse((await anon.get(`/api/v1/records/${news}`)).body);
    expect(record.superseded).toBe(true);
    expect(record.supersededBy).toHaveLength(2);
    for (const body of await lists()) {
      expect(body).not.toContain(news);
      expect(body).toContain(record.supersededBy[1]);
    }
    const superseded = await anon.get(`/r/${news}`);
    expect(superseded.status).toBe(200);
    expect(superseded.body).toContain('Superseded.');
    for (const id of record.supersededBy) expect(superseded.body).toContain(`<a class="rid" href="/r/${id}">${id}</a>`);
  });

  it('opens the own feed (JSON, Atom) and the registry exports to a professional API token; refuses none, a replaced one and another plan\'s', async () => {
    const pro = new WebClient(api.app, '10.0.0.12');
    await signIn(pro, 'pro@example.org', api.outbox);
    const db = api.app.get(DataSource);
    const [{ id }] = await db.query(`SELECT id FROM subscribers WHERE email = 'pro@example.org'`);
    await api.app.get(FollowsService).setPlan(id, 'professional');
    expect((await pro.submit('/platforms', '/follow', { kind: 'platform', value: 'midjourney', return: '/' })).status).toBe(303);
    const newToken = async () => decodeURIComponent(/token=([^&]+)/.exec(String((await pro.submit('/account', '/account/api-token', {})).headers.location))![1]);
    const get = (url: string, token?: string) => api.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const token = await newToken();

    const atom = await get('/api/v1/account/feed.atom', token);
    expect(atom.statusCode).toBe(200);
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    for (const change of changes) expect(atom.body).toContain(change);
    expect(atom.body).not.toContain(token);
    const reader = await get(`/api/v1/account/feed.atom?token=${encodeURIComponent(token)}`);
    expect(reader.statusCode).toBe(200);
    for (const change of changes) expect(reader.body).toContain(change);
    expect((await get('/api/v1/account/feed', token)).json().changes.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(changes));

    const jsonl = await get('/api/v1/exports/changes?platform=midjourney', token);
    expect(jsonl.statusCode).toBe(200);
    expect(jsonl.headers['content-type']).toContain('application/x-ndjson');
    const lines = jsonl.body.trim().split('\n').map((line) => JSON.parse(line) as { id: string; platform: string; severity: string });
    expect(lines.map((l) => l.id)).toEqual(expect.arrayContaining(changes));
    expect(new Set(lines.map((l) => l.platform))).toEqual(new Set(['midjourney']));
    const csv = await get('/api/v1/exports/changes?platform=midjourney&format=csv', token);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.body.split('\r\n').filter((row) => row !== '');
    expect(rows[0]).toBe('id,platform,document,document_type,kind,severity,clause_types,summary,captured_at,created_at');
    expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(lines.map((l) => l.id));
    expect((await get('/api/v1/exports/changes?format=xml', token)).statusCode).toBe(400);

    for (const url of ['/api/v1/account/feed', '/api/v1/account/feed.atom', '/api/v1/exports/changes']) {
      expect((await get(url)).statusCode).toBe(401);
      expect((await get(url, 'cwk_wrongwrongwrongwrongwrong')).statusCode).toBe(401);
    }
    // A replaced token is revoked; a plan change that left the token in place does not keep it working.
    const replacement = await newToken();
    expect((await get('/api/v1/exports/changes', token)).statusCode).toBe(401);
    expect((await get('/api/v1/exports/changes', replacement)).statusCode).toBe(200);
    await db.query(`UPDATE subscribers SET plan = 'monitor' WHERE id = $1`, [id]);
    expect((await get('/api/v1/exports/changes', replacement)).statusCode).toBe(401);
    expect((await get(`/api/v1/account/feed.atom?token=${encodeURIComponent(replacement)}`)).statusCode).toBe(401);
  });

  it('alerts a regulation follower across platforms, and not a follow that a downgrade paused', async () => {
    const regulation = new WebClient(api.app, '10.0.0.8');
    await signIn(regulation, 'faa@example.org', api.outbox);
    expect((await regulation.submit('/regulations/faa', '/follow', { kind: 'regulation', value: 'FAA', return: '/regulations/faa' })).status).toBe(303);
    expect((await regulation.get('/regulations/faa')).body).toContain('Following');
    const paused = new WebClient(api.app, '10.0.0.9');
    await signIn(paused, 'paused@example.org', api.outbox);
    const db = api.app.get(DataSource);
    const [{ id }] = await db.query(`SELECT id FROM subscribers WHERE email = 'paused@example.org'`);
    const follows = api.app.get(FollowsService);
    await follows.setPlan(id, 'watcher');
    const omega = await createDocument('Omega', 'https://omega.example.com/terms');
    for (const value of ['alpha', 'omega']) expect((await paused.submit('/platforms', '/follow', { kind: 'platform', value, return: '/' })).status).toBe(303);
    await follows.setPlan(id, 'free');
    const page = (text: string) => `<html><body><main><h1>Terms</h1><h2>Disputes</h2><p>${text}</p><h2>Accounts</h2><p>You must keep your password safe.</p></main></body></html>`;
    // Recent captures: a capture older than a week owes no notification at all.
    await capture(omega, page('Disputes are resolved in the courts of your home country.'), new Date(Date.now() - 7200_000).toISOString(), 'https://omega.example.com/terms');
    const second = (await capture(omega, page('Disputes are resolved by binding individual arbitration, and you waive any right to a jury trial or to take part in a class action.'), new Date(Date.now() - 3600_000).toISOString(), 'https://omega.example.com/terms')).json();
    expect(second.change.clauseTypes).toContain('dispute-resolution');
    const notified: Array<{ email: string }> = await db.query(
      `SELECT DISTINCT s.email FROM notifications n JOIN subscribers s ON s.id = n.subscriber_id JOIN change_records c ON c.id = n.change_record_id WHERE c.record_id = $1 ORDER BY s.email`,
      [second.change.id],
    );
    expect(notified.map((n) => n.email)).toEqual(['faa@example.org']);
  });

  it('pauses follows over the limit on a downgrade and never deletes them; the feed shows followed changes', async () => {
    const admin = new WebClient(api.app, '10.0.0.6');
    await signIn(admin, 'admin@example.org', api.outbox);
    expect((await admin.get('/account/upgrade')).body).toContain('Billing is not configured');
    expect((await admin.submit('/account/upgrade', '/account/plan', { plan: 'watcher' })).status).toBe(303);
    for (const value of ['midjourney', 'alpha', 'beta']) expect((await admin.submit('/platforms', '/follow', { kind: 'platform', value, return: '/' })).status).toBe(303);
    const feed = await admin.get('/?severity=low');
    const severities = await Promise.all(changes.map(async (id) => JSON.parse((await anon.get(`/api/v1/records/${id}`)).body).severity));
    const shown = changes.filter((_, i) => severities[i] !== 'none');
    expect(shown.length).toBeGreaterThan(0);
    const feedSection = feed.body.slice(feed.body.indexOf('Your feed'), feed.body.indexOf('Latest high and critical'));
    for (const change of shown) expect(feedSection).toContain(change);
    expect(feedSection).not.toContain('Evil Corp');
    expect((await admin.submit('/account/upgrade', '/account/plan', { plan: 'free' })).status).toBe(303);
    const rows = await api.app.get(DataSource).query(`SELECT p.slug, f.paused_at FROM follows f JOIN subscribers s ON s.id = f.subscriber_id JOIN platforms p ON p.id = f.platform_id WHERE s.email = 'admin@example.org' ORDER BY f.id`);
    expect(rows.map((r: { slug: string; paused_at: Date | null }) => [r.slug, r.paused_at === null])).toEqual([['midjourney', true], ['alpha', false], ['beta', false]]);
    expect((await admin.get('/account')).body).toContain('paused');
    // The professional plan's API token reads the subscriber's own feed; a downgrade revokes it.
    expect((await admin.submit('/account/upgrade', '/account/plan', { plan: 'professional' })).status).toBe(303);
    const created = await admin.submit('/account', '/account/api-token', {});
    const token = decodeURIComponent(/token=([^&]+)/.exec(String(created.headers.location))![1]);
    expect((await admin.get(String(created.headers.location))).body).toContain(token);
    const feedJson = await api.app.inject({ method: 'GET', url: '/api/v1/account/feed', headers: { authorization: `Bearer ${token}` } });
    expect(feedJson.statusCode).toBe(200);
    expect(feedJson.json().changes.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(shown));
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/account/feed', headers: { authorization: 'Bearer cwk_wrongwrongwrongwrongwrong' } })).statusCode).toBe(401);
    expect((await admin.submit('/account/upgrade', '/account/plan', { plan: 'free' })).status).toBe(303);
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/account/feed', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    // A non-admin cannot set a plan without billing.
    const reader = new WebClient(api.app, '10.0.0.7');
    await signIn(reader, 'plain@example.org', api.outbox);
    expect((await reader.submit('/account/upgrade', '/account/plan', { plan: 'professional' })).status).toBe(503);
  });
});

describe('web app: admin pages', () => {
  let api: ApiHarness;
  let site: Server;
  let siteUrl: string;

  beforeAll(async () => {
    api = await startApi({ ADMIN_EMAILS: 'admin@example.org' });
    site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><head><title>Example terms</title></head><body><nav>Menu</nav><main><h1>Terms</h1><p>You agree to arbitrate every dispute with Example Inc.</p></main></body></html>');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/terms`;
  });

  afterAll(async () => {
    await new Promise((resolve) => site?.close(resolve));
    await api?.close();
  });

  it('lets an admin preview the extraction, save, list with health and deactivate a document; others get 403', async () => {
    const reader = new WebClient(api.app, '10.1.0.1');
    await signIn(reader, 'reader@example.org', api.outbox);
    expect((await reader.get('/admin/documents')).status).toBe(403);
    const admin = new WebClient(api.app, '10.1.0.2');
    await signIn(admin, 'admin@example.org', api.outbox);
    const form = { platform: 'Example', title: 'Terms of Service', type: 'terms-of-service', url: siteUrl, select: 'main', remove: '', fetcher: 'http' };
    const preview = await admin.submit('/admin/documents/new', '/admin/documents/preview', form);
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('You agree to arbitrate every dispute');
    expect(preview.body).not.toContain('Menu');
    expect(await api.app.get(DataSource).query('SELECT id FROM documents')).toHaveLength(0);
    const saved = await admin.submit('/admin/documents/new', '/admin/documents', form);
    expect(saved.status).toBe(303);
    const id = String(saved.headers.location).split('/').pop()!;
    expect((await admin.get('/admin/documents')).body).toContain(id);
    expect((await admin.submit(`/admin/documents/${id}`, `/admin/documents/${id}`, { title: 'Terms', checkIntervalMinutes: '720', fetcher: 'http' })).status).toBe(303);
    const [row] = await api.app.get(DataSource).query('SELECT active, check_interval_minutes, title FROM documents WHERE record_id = $1', [id]);
    expect(row).toEqual({ active: false, check_interval_minutes: 720, title: 'Terms' });
    // The edit is in the document's history, as a PATCH /api/v1/documents/:id would be (issue 14 item 3).
    const { history } = (await api.app.inject({ method: 'GET', url: `/api/v1/documents/${id}` })).json();
    expect(history.at(-1)).toMatchObject({ actor: 'admin', changes: expect.objectContaining({ title: expect.anything(), active: expect.anything(), checkIntervalMinutes: expect.anything() }) });
    expect(JSON.stringify(history.at(-1).changes)).toContain('Terms of Service');
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/`/g, '&#x60;').replace(/=/g, '&#x3D;');
}
