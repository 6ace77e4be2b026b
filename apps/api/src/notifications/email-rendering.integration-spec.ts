import { analyzeChange, ClauseChange } from '@clausewatch/analyzer';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { launchChromium, seriousAxeViolations } from '../testing/browser';
import { alertView, ChangeForEmail, digestDocumentView, digestEntryView, digestView, SubscriberForEmail } from './email-content';
import { EmailRenderer } from './email.renderer';

const ARTIFACTS = join(__dirname, '../../../../artifacts/email');

const BEFORE = `# Terms of Service

Last updated: 1 January 2026

## Arbitration

You may opt out of arbitration within 30 days of accepting these Terms by emailing legal@example.com with your name and account.

## Your content

We use your content to provide the Services.

## Liability

Our total liability is limited to the amounts you paid us in the past twelve months.`;

const AFTER = `# Terms of Service

Last updated: 2 February 2026

## Arbitration

You may opt out of arbitration within 10 days of accepting these Terms by mailing a signed letter to our registered office.

## Your content

We use your content to provide the Services and to train our artificial intelligence models, with no opt-out.

## Liability

Our total liability is limited to one hundred US dollars.`;

const hostile = (i: number): ClauseChange => ({
  op: 'added',
  kind: 'substantive',
  clauseTypes: ['data-sharing'],
  severity: 'low',
  direction: 'worse',
  before: null,
  after: `Clause ${i}: <script>alert("x")</script><img src=x onerror="alert(1)"> & partners`,
  headingPath: ['Terms of Service', `Section <b>${i}</b>`],
  beforeIndexes: [],
  afterIndexes: [i],
  reasons: [],
});

// The alert and digest as a reader sees them: rendered by a real Chromium (scripts off, like a mail
// client) at a phone's 390 px, with screenshots under artifacts/email/ (gitignored).
describe('email rendering', () => {
  let browser: Browser;
  const renderer = new EmailRenderer();
  const analysis = analyzeChange(BEFORE, AFTER);
  const change: ChangeForEmail = {
    id: '1',
    recordId: 'CW-C-000042',
    platformId: '7',
    platformName: 'Midjourney',
    documentId: '3',
    documentTitle: 'Terms of Service',
    severity: analysis.severity,
    kind: analysis.kind,
    summary: analysis.summary,
    clauses: [...analysis.clauses, ...Array.from({ length: 9 }, (_, i) => hostile(i + 1))],
    clauseTypes: [...new Set(analysis.clauses.flatMap((c) => c.clauseTypes))],
    capturedAt: new Date('2026-02-02T09:15:00Z'),
  };
  // A second platform's change of its own, a clarification (low): its summary and its badge agree.
  const notice = analyzeChange(
    '# Terms of Service\n\n## Changes\n\nWe may update these terms from time to time.',
    '# Terms of Service\n\n## Changes\n\nWe may update these terms from time to time. The date at the top of this page shows when they last changed.',
  );
  const lowChange: ChangeForEmail = {
    ...change,
    id: '2',
    recordId: 'CW-C-000043',
    platformId: '8',
    platformName: 'OpenAI',
    severity: notice.severity,
    kind: notice.kind,
    summary: notice.summary,
    clauses: notice.clauses,
    clauseTypes: [...new Set(notice.clauses.flatMap((c) => c.clauseTypes))],
  };
  const reader: SubscriberForEmail = { email: 'dana@example.org', unsubscribeToken: 'abc123', timezone: 'America/New_York', followedPlatformIds: ['7'], followedClauseTypes: [] };
  const links = { publicUrl: 'https://clausewatch.example' };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const open = async (html: string, name: string, width = 390) => {
    const page = await browser.newPage({ viewport: { width, height: 800 }, javaScriptEnabled: false });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
    return page;
  };

  /** axe-core on the rendered email: no serious or critical violation (contrast, link names, language). */
  const seriousViolations = async (html: string) => {
    // axe runs as a script: a page of its own with scripts on, at the desktop width.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const violations = await seriousAxeViolations(page);
    await context.close();
    return violations;
  };

  it('shows the most severe clause first, word-level, readable at 390 px, with crawled text escaped', async () => {
    const view = alertView([change], reader, links);
    expect(view.subject).toMatch(/^\[(high|critical)\] Midjourney Terms of Service: .+/);
    const { html, text } = renderer.render('alert', view);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Section &lt;b&gt;');
    // 3 substantive clauses of the analysis + 9 added ones, 8 shown, the cosmetic date left out.
    const significant = analysis.clauses.filter((c) => c.kind !== 'cosmetic' && c.severity !== 'none').length + 9;
    expect(html).toContain(`and ${significant - 8} more changes`);
    expect(html).toContain('href="https://clausewatch.example/r/CW-C-000042"');
    expect(html).toContain('Captured 2 Feb 2026, 04:15 EST');
    expect(text).toContain(`and ${significant - 8} more changes: https://clausewatch.example/r/CW-C-000042`);
    expect(text).not.toContain('&lt;');

    const page = await open(html, 'alert');
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The first clause shown is the most severe one; severities never rise further down.
    const rank: Record<string, number> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };
    const severities = await page.$$eval('div[style*="border-left"] .severity', (els) => els.map((e) => e.textContent!.trim()));
    expect(severities).toHaveLength(8);
    expect(severities.map((s) => rank[s])).toEqual([...severities.map((s) => rank[s])].sort((a, b) => b - a));
    // Only changed words are marked: "30" struck, "10" inserted, and readable without colour.
    const marks = await page.$$eval('del, ins', (els) => els.map((e) => ({ tag: e.tagName, text: e.textContent!.trim(), decoration: getComputedStyle(e).textDecorationLine })));
    expect(marks).toEqual(expect.arrayContaining([{ tag: 'DEL', text: '30', decoration: 'line-through' }, { tag: 'INS', text: '10', decoration: 'underline' }]));
    expect(marks.every((m) => m.text.split(/\s+/).length < 40)).toBe(true);
    // The hostile text is shown as text, not run or rendered as markup.
    expect(await page.$$eval('img', (els) => els.length)).toBe(0);
    expect(await page.textContent('body')).toContain('<script>alert("x")</script>');
    await page.close();
  });

  it('renders the weekly digest, changes and the proof of monitoring, at 390 px', async () => {
    const view = digestView(
      [change, lowChange],
      [
        { documentId: '3', platformName: 'Midjourney', title: 'Terms of Service', lastVerifiedAt: new Date('2026-02-08T06:00:00Z'), checksInPeriod: 28, failing: false, cause: null },
        { documentId: '4', platformName: 'OpenAI', title: 'Privacy Policy', lastVerifiedAt: new Date('2026-02-05T06:00:00Z'), checksInPeriod: 12, failing: true, cause: 'HTTP 403 (bot challenge)' },
      ],
      reader,
      { start: new Date('2026-02-02T13:00:00Z'), end: new Date('2026-02-09T13:00:00Z') },
      links,
      (c) => renderer.renderFragment('digest-entry', digestEntryView(c, reader.timezone, links)),
      (d) => renderer.renderFragment('digest-document', digestDocumentView(d, reader.timezone)),
    );
    expect(view.subject).toBe('Your weekly Clausewatch digest: 2 changes (2 Feb 2026 – 9 Feb 2026), 1 failing');
    const { html, text } = renderer.renderDigest(view);
    expect(html).not.toContain('<script>');
    expect(text).toContain('== Midjourney ==');
    expect(text).toContain('- OpenAI Privacy Policy: last verified 5 Feb 2026, 01:00 EST - FAILING (HTTP 403 (bot challenge))');
    expect(await seriousViolations(html)).toEqual([]);
    const wide = await open(html, 'digest', 1280);
    // At the desktop width the email keeps its column; the severity badge keeps its colour.
    expect(await wide.$eval('body > div', (el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(640 + 2 * 16);
    expect(await wide.$eval('.severity', (el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await wide.close();
    const page = await open(html, 'digest');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Grouped by platform, the most severe first.
    expect(await page.$$eval('h2', (els) => els.map((e) => e.textContent))).toEqual(['Midjourney', 'OpenAI', 'Monitoring']);
    expect(await page.textContent('body')).toContain('Privacy Policy: last verified 5 Feb 2026, 01:00 EST — failing (HTTP 403 (bot challenge))');
    // The shared styles apply: entries are set off by their rule, links are coloured.
    expect(await page.$eval('p.e', (el) => getComputedStyle(el).borderLeftStyle)).toBe('solid');
    expect(await page.$eval('p.e a', (el) => getComputedStyle(el).color)).toBe('rgb(29, 78, 216)');
    await page.close();
  });
});
