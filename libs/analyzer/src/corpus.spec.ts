import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '@clausewatch/extract';
import { analyzeChange } from './change.analyzer';
import { cosmeticFingerprint } from './text.normalizer';

// Table-driven over every step of the corpus scenarios: what the analyzer must record for each crawl.
const corpus = join(__dirname, '../../testing/fixtures/corpus');

interface Expect {
  newVersion: boolean;
  first?: boolean;
  kind?: string;
  severity?: string[];
  clauseTypes?: string[];
  restoresVersionOf?: string;
}
interface Scenario {
  document: string;
  sequence: Array<{ page: string; expect: Expect }>;
}

const documents = (JSON.parse(readFileSync(join(corpus, 'scenarios.json'), 'utf8')) as { documents: Scenario[] }).documents;
const markdownCache = new Map<string, Promise<string>>();
const markdownOf = (page: string): Promise<string> => {
  if (!markdownCache.has(page)) markdownCache.set(page, extract({ body: readFileSync(join(corpus, page)), contentType: 'text/html' }).then((r) => r.markdown));
  return markdownCache.get(page) as Promise<string>;
};

// Each step compares with the last page that made a version, as the crawler would.
const steps = documents.flatMap((doc) => {
  let latest: string | null = null;
  return doc.sequence.map((step) => {
    const row = { document: doc.document, page: step.page, expect: step.expect, previous: latest, history: doc.sequence.map((s) => s.page) };
    if (step.expect.newVersion) latest = step.page;
    return row;
  });
});

describe('corpus scenarios', () => {
  test.each(steps.filter((s) => s.previous !== null).map((s) => [`${s.page.replace('sites/midjourney/', '')}`, s] as const))('%s', async (_name, step) => {
    const analysis = analyzeChange(await markdownOf(step.previous as string), await markdownOf(step.page));
    if (!step.expect.newVersion) {
      expect(analysis.kind).toBe('none');
      return;
    }
    expect(analysis.kind).toBe(step.expect.kind);
    expect(step.expect.severity).toContain(analysis.severity);
    const touched = new Set(analysis.clauses.flatMap((c) => c.clauseTypes));
    for (const type of step.expect.clauseTypes ?? []) expect([...touched]).toContain(type);
    expect(analysis.summary.length).toBeGreaterThan(0);
    expect(analysis.reasons.length).toBeGreaterThan(0);
    if (step.expect.restoresVersionOf) {
      const earlier = step.history.find((p) => p.endsWith(`/${step.expect.restoresVersionOf}.html`)) as string;
      expect(cosmeticFingerprint(await markdownOf(step.page))).toBe(cosmeticFingerprint(await markdownOf(earlier)));
    }
  });

  test('a cosmetic change never carries a severity that alerts', async () => {
    const step = steps.find((s) => s.expect.kind === 'cosmetic');
    const analysis = analyzeChange(await markdownOf(step?.previous as string), await markdownOf(step?.page as string));
    expect(analysis.severity).toBe('none');
    expect(analysis.clauses.every((c) => c.severity === 'none')).toBe(true);
  });

  test('removed sections are named in the reasons', async () => {
    const step = steps.find((s) => s.page.endsWith('privacy-policy/2026-04-21.html'));
    const analysis = analyzeChange(await markdownOf(step?.previous as string), await markdownOf(step?.page as string));
    expect(analysis.reasons.join('\n')).toMatch(/removed the section “2\.6 Security of Your Personal Data” describing the security of personal data/);
  });
});
