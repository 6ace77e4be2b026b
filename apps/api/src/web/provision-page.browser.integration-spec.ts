import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
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
