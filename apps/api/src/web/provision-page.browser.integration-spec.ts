import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ApiHarness, startApi } from '../testing/api-harness';
import { launchChromium, seriousAxeViolations } from '../testing/browser';

const ARTIFACTS = join(__dirname, '../../../../artifacts/screenshots');
// Captures, a real browser and axe on a machine shared with other test runs: longer than jest's default.
const BROWSER_STEP_MS = 120_000;
const SOURCE = 'https://docs.midjourney.com/community-rules';
const CONDUCT = '<h2>Conduct</h2><p>Be kind to other members of the community and do not post anything hateful.</p>';
const APPEALS = '<h2>Appeals</h2><p>You may appeal a ban within thirty days by writing to our moderation team.</p>';

// A provision superseded by an older one (a back-dated capture showed the clause continues it) is held by no
// version, so it has no lineage to show: its page must not carry a heading with nothing under it.
describe('a superseded provision page in a browser', () => {
  let api: ApiHarness;
  let browser: Browser;
  let page: Page;
  let base: string;
  let documentId: string;
  let supersededId: string;
  let survivorId: string;

  const post = async (sections: string[], capturedAt: string): Promise<string> => {
    const response = await api.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${documentId}/captures?url=${encodeURIComponent(SOURCE)}&capturedAt=${capturedAt}`,
      payload: `<html><head><title>Rules</title></head><body><main><h1>Rules</h1>${sections.join('')}</main></body></html>`,
      headers: { ...api.admin, 'content-type': 'text/html; charset=utf-8' },
    });
    expect(response.json().outcome).toBe('ok');
    return response.json().version.id;
  };
  /** The provision a version holds for the appeals clause. */
  const appealsIn = async (versionId: string): Promise<string> => {
    const held: Array<{ id: string }> = (await api.app.inject({ url: `/api/v1/records/${versionId}` })).json().provisions;
    const records = await Promise.all(held.map(async ({ id }) => (await api.app.inject({ url: `/api/v1/records/${id}` })).json()));
    const appeals = records.find((r) => String(r.text).startsWith('You may appeal'));
    if (!appeals) throw new Error(`${versionId} holds no appeals clause`);
    return appeals.id;
  };
  /** axe-core finds no serious or critical violation; screenshots at desktop and phone widths (test artifacts, not committed). */
  const audit = async (name: string) => {
    expect({ page: name, violations: await seriousAxeViolations(page) }).toEqual({ page: name, violations: [] });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
    }
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    api = await startApi();
    await api.app.listen(0, '127.0.0.1');
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    const created = await api.app.inject({ method: 'POST', url: '/api/v1/documents', payload: { platform: 'Midjourney', title: 'Community Rules', type: 'community-rules', url: SOURCE }, headers: api.admin });
    documentId = created.json().document.id;
    // Newest first: the appeals clause is first recorded in March, February lacks it, then January shows it is older.
    supersededId = await appealsIn(await post([CONDUCT, APPEALS], '2025-03-01T00:00:00.000Z'));
    await post([CONDUCT], '2025-02-01T00:00:00.000Z');
    survivorId = await appealsIn(await post([CONDUCT, APPEALS], '2025-01-01T00:00:00.000Z'));
    expect((await api.app.inject({ url: `/api/v1/records/${supersededId}` })).json()).toMatchObject({ status: 'superseded', supersededBy: survivorId, history: [] });
    browser = await launchChromium();
    // axe needs a page of an explicit context.
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, BROWSER_STEP_MS);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows no Lineage heading (nor an empty list) on the superseded provision, and points to its successor', async () => {
    await page.goto(`${base}/r/${supersededId}`);
    await page.getByRole('note').getByRole('link', { name: survivorId }).waitFor();
    await expect(page.getByRole('heading', { name: 'Lineage' }).count()).resolves.toBe(0);
    await expect(page.locator('main ol:not(:has(li))').count()).resolves.toBe(0);
    await audit('provision-superseded');
  }, BROWSER_STEP_MS);

  it('counts what the superseded provision was seen in before it was superseded, and a period that stops growing', async () => {
    await page.goto(`${base}/r/${supersededId}`);
    // Seen in the March version only (the version its successor holds now), first and last seen the same day.
    await expect(page.locator('dt:has-text("Changes") + dd').innerText()).resolves.toBe('0 · seen in 1 version before it was superseded · 0 months monitored until then');
    expect((await api.app.inject({ url: `/api/v1/records/${supersededId}` })).json()).toMatchObject({ versionsSeen: 1, monthsMonitored: 0 });
    // The provision that replaced it is still there: seen in January and March, monitored until now.
    await page.goto(`${base}/r/${survivorId}`);
    await expect(page.locator('dt:has-text("Changes") + dd').innerText()).resolves.toMatch(/^0 · seen in 2 versions · \d+(\.\d)? months monitored$/);
  }, BROWSER_STEP_MS);

  it('compares with live provisions only: the superseded records of the clause type are not counted', async () => {
    // The appeals heading and its clause carry the type; each was superseded once (4 records, 2 live).
    const [{ all, live }] = await api.app.get(DataSource).query(
      `SELECT count(*)::int AS "all", (count(*) FILTER (WHERE superseded_by_id IS NULL AND removed_at IS NULL))::int AS live
         FROM provisions WHERE clause_types @> '["content-moderation"]'`,
    );
    expect({ all, live }).toEqual({ all: 4, live: 2 });
    for (const id of [supersededId, survivorId]) {
      await page.goto(`${base}/r/${id}`);
      await expect(page.locator('h2:has-text("How other platforms handle it") + h3 .meta').innerText()).resolves.toBe('2 clauses on 1 platform');
    }
  }, BROWSER_STEP_MS);

  it('keeps the Lineage heading and its entries on the provision that replaced it', async () => {
    await page.goto(`${base}/r/${survivorId}`);
    await page.getByRole('heading', { name: 'Lineage' }).waitFor();
    await expect(page.locator('h2:has-text("Lineage") + ol > li').allTextContents()).resolves.toEqual([
      expect.stringContaining('restored'),
      expect.stringContaining('removed'),
      expect.stringContaining('first seen'),
    ]);
    await audit('provision-survivor');
  }, BROWSER_STEP_MS);
});
