import { FakeStripe, readCorpusPage } from '@clausewatch/testing';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiHarness, startApi } from '../testing/api-harness';
import { launchChromium, seriousAxeViolations } from '../testing/browser';
import { signInLink } from '../testing/web-client';

const ARTIFACTS = join(__dirname, '../../../../artifacts/screenshots');
// Each step drives a real browser and runs axe on its pages: on a machine shared with other test runs
// that takes longer than jest's default minute.
const BROWSER_STEP_MS = 120_000;
const SCREENSHOTS = new Set(['home', 'platform', 'account', 'change', 'provision', 'changes']);
const TOS = 'sites/midjourney/terms-of-service';
const SOURCE = 'https://docs.midjourney.com/hc/en-us/articles/32083055291277-Terms-of-Service';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// A subscriber's path through the real app in Debian's Chromium: sign up, follow, upgrade, read a change, cite, sign out.
describe('web app in a browser', () => {
  let api: ApiHarness;
  let stripe: FakeStripe;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  const consoleErrors: string[] = [];
  const checked: string[] = [];

  /** axe-core on the current page: no serious or critical violation; screenshots at 1280 and 390 px. */
  const audit = async (name: string) => {
    expect({ page: name, violations: await seriousAxeViolations(page) }).toEqual({ page: name, violations: [] });
    // Screenshots of the main pages at desktop and phone widths (test artifacts, not committed).
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const width of SCREENSHOTS.has(name) ? [1280, 390] : []) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: false });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    checked.push(name);
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stripe = await FakeStripe.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = await startApi({ PUBLIC_URL: base, STRIPE_SECRET_KEY: 'sk_test_browser', STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, STRIPE_BASE_URL: stripe.url });
    await api.app.listen(port, '127.0.0.1');
    stripe.deliverTo(`${base}/api/v1/webhooks/stripe`);
    const created = await api.app.inject({ method: 'POST', url: '/api/v1/documents', payload: { platform: 'Midjourney', title: 'Terms of Service', type: 'terms-of-service', url: SOURCE }, headers: api.admin });
    const documentId = created.json().document.id;
    for (const date of ['2025-06-23', '2025-09-10', '2025-10-01']) {
      const response = await api.app.inject({
        method: 'POST',
        url: `/api/v1/documents/${documentId}/captures?url=${encodeURIComponent(SOURCE)}&capturedAt=${date}T12:00:00.000Z`,
        payload: readCorpusPage(`${TOS}/${date}.html`),
        headers: { ...api.admin, 'content-type': 'text/html; charset=utf-8' },
      });
      expect(response.json().outcome).toBe('ok');
    }
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && page.url().startsWith(base)) consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  }, BROWSER_STEP_MS);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await stripe?.close();
  });

  it('shows the home page and signs up by the emailed link', async () => {
    await page.goto(`${base}/`);
    await expect(page.title()).resolves.toContain('Clausewatch');
    await audit('home');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await audit('login');
    await page.getByLabel('Email address').fill('subscriber@example.org');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await page.goto(signInLink(api.outbox(), 'subscriber@example.org'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your feed' }).waitFor();
  }, BROWSER_STEP_MS);

  it('follows a platform from its page', async () => {
    await page.goto(`${base}/platforms`);
    await audit('platforms');
    await page.getByRole('link', { name: 'Midjourney' }).first().click();
    await page.getByRole('button', { name: 'Follow Midjourney' }).click();
    await page.getByRole('button', { name: /Following/ }).waitFor();
    await audit('platform');
  }, BROWSER_STEP_MS);

  it('upgrades through the fake Stripe Checkout', async () => {
    await page.goto(`${base}/account/upgrade`);
    await audit('upgrade');
    await page.getByRole('button', { name: 'Choose Watcher' }).click();
    await page.waitForURL(`${stripe.url}/pay/**`);
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL(`${base}/account?upgraded=watcher`);
    await expect(page.locator('main').textContent()).resolves.toContain('Watcher');
    await audit('account');
  }, BROWSER_STEP_MS);

  it('sees a corpus change on the home feed, opens it and its provision, and copies a citation', async () => {
    await page.goto(`${base}/?severity=low`);
    const first = page.locator('main ul.list').first().getByRole('link', { name: /Read the change/ }).first();
    await first.click();
    await page.getByRole('heading', { name: /Clause by clause/ }).waitFor();
    await expect(page.locator('del, ins').count()).resolves.toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Side by side' }).click();
    await audit('change');
    await page.locator('article.clause a[href^="/r/CW-P-"]').first().click();
    await page.getByRole('heading', { name: 'Lineage' }).waitFor();
    await audit('provision');
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await page.locator('[data-copy="cite-text"]').click();
    // The button says so once the clipboard write has resolved (asynchronous: wait for it, then read the clipboard).
    await page.waitForFunction(() => document.querySelector('[data-copy="cite-text"]')?.textContent === 'Copied');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toContain(id);
  }, BROWSER_STEP_MS);

  it('opens the version and the document behind the provision', async () => {
    await page.locator('a[href^="/r/CW-V-"]').first().click();
    await audit('version');
    await page.locator('p.meta a[href^="/r/CW-D-"]').first().click();
    await audit('document');
  }, BROWSER_STEP_MS);

  it('has accessible registry, topic and error pages, then signs out', async () => {
    for (const [name, path] of [['changes', '/changes?severity=low'], ['clause-type', '/clause-types/dispute-resolution'], ['regulation', '/regulations/gdpr-art-17'], ['not-found', '/r/CW-C-999999']] as const) {
      await page.goto(`${base}${path}`);
      await audit(name);
    }
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Get alerts — free' }).waitFor();
    expect(consoleErrors.filter((e) => !e.includes('/r/CW-C-999999'))).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(14);
  }, BROWSER_STEP_MS);
});
