import { FixtureSite, loadScenarios } from '@clausewatch/testing';
import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from './testing/api-harness';

const SEVERITY = ['none', 'low', 'medium', 'high', 'critical'];

async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables = ['checks', 'snapshots', 'versions', 'change_records', 'notifications', 'provisions', 'version_provisions', 'ledger_leaves', 'documents', 'platforms'];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);
  return counts;
}

describe('capture pipeline on the corpus (fixture site → check → records)', () => {
  let api: ApiHarness;
  let site: FixtureSite;
  let dataSource: DataSource;

  beforeAll(async () => {
    site = await FixtureSite.start();
    api = await startApi({ FETCH_TIMEOUT_MS: '1500' });
    dataSource = api.app.get(DataSource);
  });

  afterAll(async () => {
    await api?.close();
    await site?.stop();
  });

  const post = (url: string, payload?: object) => api.app.inject({ method: 'POST', url, payload, headers: api.admin });

  async function register(path: string, title: string, extra: object = {}): Promise<string> {
    const response = await post('/api/v1/documents', { platform: 'Midjourney', title, type: title.toLowerCase().replace(/\W+/g, '-'), url: site.url(path), ...extra });
    expect(response.statusCode).toBe(201);
    return response.json().document.id;
  }

  for (const scenario of loadScenarios().documents) {
    it(`${scenario.document}: records exactly what scenarios.json expects, step by step`, async () => {
      const documentId = await register(scenario.path, scenario.document);
      const versionOfPage = new Map<string, string>();
      let latest: string | null = null;
      for (const step of scenario.sequence) {
        site.servePage(scenario.path, step.page);
        const before = await tableCounts(dataSource);
        const response = await post(`/api/v1/documents/${documentId}/check`);
        expect(response.statusCode).toBe(200);
        const body = response.json();
        const label = `${step.page}`;
        expect({ label, outcome: body.outcome }).toEqual({ label, outcome: 'ok' });
        const created = body.version.id !== latest;
        expect({ label, newVersion: created }).toEqual({ label, newVersion: step.expect.newVersion });
        if (!step.expect.newVersion) {
          // An unchanged check writes one check row and nothing else.
          const after = await tableCounts(dataSource);
          expect(after).toEqual({ ...before, checks: before.checks + 1 });
          expect(body.change).toBeNull();
        } else if (step.expect.first) {
          expect(body.change).toBeNull();
        } else {
          const { change } = body;
          expect({ label, kind: change.kind }).toEqual({ label, kind: step.expect.kind });
          expect({ label, severity: step.expect.severity?.includes(change.severity) }).toEqual({ label, severity: true });
          expect(change.clauseTypes).toEqual(expect.arrayContaining(step.expect.clauseTypes ?? []));
          const restores = step.expect.restoresVersionOf;
          const restoredPage = restores && [...versionOfPage.keys()].find((page) => page.includes(restores));
          expect({ label, revertOf: change.revertOf }).toEqual({ label, revertOf: restoredPage ? versionOfPage.get(restoredPage) : null });
          // Cosmetic changes and reverts never alert; confirmed substantive changes may.
          const eligible = change.kind !== 'cosmetic' && !restoredPage && SEVERITY.indexOf(change.severity) > 0;
          expect({ label, alertEligible: change.alertEligible }).toEqual({ label, alertEligible: eligible });
        }
        latest = body.version.id;
        versionOfPage.set(step.page, body.version.id);
      }
      const versions = (await api.app.inject({ method: 'GET', url: `/api/v1/documents/${documentId}/versions` })).json().versions;
      expect(versions).toHaveLength(scenario.sequence.filter((s) => s.expect.newVersion).length);
    });
  }

  describe('fault modes: a failed fetch is a check with a cause, never a version', () => {
    const PAGE = 'sites/midjourney/terms-of-service/2025-06-23.html';
    let documentId: string;

    beforeAll(async () => {
      site.servePage('/faulty/terms', PAGE);
      documentId = await register('/faulty/terms', 'Faulty Terms', { fetcher: 'http', platform: 'Faulty' });
      const first = await post(`/api/v1/documents/${documentId}/check`);
      expect(first.json().outcome).toBe('ok');
    });

    it.each([
      ['slow', {}, 'timeout'],
      ['server-error', {}, 'http-error'],
      ['reset', {}, 'network-error'],
      ['forbidden', {}, 'http-error'],
      ['challenge', {}, 'blocked'],
      ['login-wall', {}, 'blocked'],
      ['cookie-wall', {}, 'blocked'],
      ['empty', {}, 'empty'],
      ['truncated', { page: PAGE }, 'truncated'],
      ['redirect-loop', {}, 'http-error'],
      ['huge', {}, 'truncated'],
      ['client-rendered', {}, 'empty'],
    ] as const)('%s %j → %s', async (mode, options, outcome) => {
      site.fault('/faulty/terms', mode, { delayMs: 4000, ...options });
      const before = await tableCounts(dataSource);
      const body = (await post(`/api/v1/documents/${documentId}/check`)).json();
      expect(body).toMatchObject({ outcome, version: null, change: null });
      expect(body.cause).toEqual(expect.any(String));
      const after = await tableCounts(dataSource);
      expect(after).toEqual({ ...before, checks: before.checks + 1 });
      const [check] = await dataSource.query(`SELECT outcome, cause FROM checks c JOIN documents d ON d.id = c.document_id WHERE d.record_id = $1 ORDER BY c.id DESC LIMIT 1`, [documentId]);
      expect(check).toEqual({ outcome, cause: body.cause });
    });

    it('reports a selector that matches nothing as selector-missing, with no version', async () => {
      site.servePage('/faulty/privacy', PAGE);
      const id = await register('/faulty/privacy', 'Faulty Privacy', { fetcher: 'http', platform: 'Faulty', select: ['#no-such-section'] });
      const body = (await post(`/api/v1/documents/${id}/check`)).json();
      expect(body).toMatchObject({ outcome: 'selector-missing', version: null, change: null });
      expect(body.cause).toContain('#no-such-section');
    });

    it('shows the failures in the document health', async () => {
      const document = (await api.app.inject({ method: 'GET', url: `/api/v1/documents/${documentId}` })).json();
      expect(document.health).toMatchObject({ lastOutcome: 'empty', consecutiveFailures: 12, flagged: false });
      expect(document.health.lastOkAt).not.toBeNull();

      // The same failures, a day older: the document has been failing for 24 h and is flagged.
      await dataSource.query(
        `UPDATE checks SET started_at = started_at - interval '25 hours' WHERE document_id = (SELECT id FROM documents WHERE record_id = $1)`,
        [documentId],
      );
      const later = (await api.app.inject({ method: 'GET', url: `/api/v1/documents/${documentId}` })).json();
      expect(later.health).toMatchObject({ consecutiveFailures: 12, flagged: true });
    });
  });
});
