import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from './extract';

// The "noise pages make no version" guarantee, on the real Midjourney pages of the corpus, with
// automatic main-content detection (no selectors), crawled in the order of scenarios.json.
const corpus = join(__dirname, '../../testing/fixtures/corpus');

interface Scenario {
  documents: Array<{ document: string; path: string; sequence: Array<{ page: string; expect: { newVersion: boolean } }> }>;
}

const scenarios = JSON.parse(readFileSync(join(corpus, 'scenarios.json'), 'utf8')) as Scenario;

async function hashOf(page: string, path: string): Promise<string> {
  const result = await extract({ body: readFileSync(join(corpus, page)), contentType: 'text/html; charset=utf-8', url: `https://www.midjourney.test${path}` });
  return result.textSha256;
}

describe('corpus: the same text gives the same hash, any other text a new one', () => {
  for (const document of scenarios.documents) {
    it(`${document.document}: a new version exactly where scenarios.json expects one`, async () => {
      const seen: Array<{ page: string; newVersion: boolean }> = [];
      let latest: string | null = null;
      for (const step of document.sequence) {
        const hash = await hashOf(step.page, document.path);
        seen.push({ page: step.page, newVersion: hash !== latest });
        if (hash !== latest) latest = hash;
      }
      expect(seen).toEqual(document.sequence.map((step) => ({ page: step.page, newVersion: step.expect.newVersion })));
    });
  }

  it('noise-a and noise-b give exactly the hash of the 2025-06-02 privacy policy', async () => {
    const path = '/midjourney/privacy-policy';
    const base = await hashOf('sites/midjourney/privacy-policy/2025-06-02.html', path);
    expect(await hashOf('sites/midjourney/privacy-policy/2025-06-02-noise-a.html', path)).toBe(base);
    expect(await hashOf('sites/midjourney/privacy-policy/2025-06-02-noise-b.html', path)).toBe(base);
  });

  it('keeps the policy text and drops the chrome of the noisy pages', async () => {
    const page = readFileSync(join(corpus, 'sites/midjourney/privacy-policy/2025-06-02-noise-a.html'));
    const { markdown } = await extract({ body: page, url: 'https://www.midjourney.test/midjourney/privacy-policy' });
    expect(markdown).toContain('Last Updated: June 2, 2025');
    expect(markdown).toContain('Personal Data about Midjourney employees and candidates');
    for (const noise of ['We use cookies', 'Accept all', 'Page rendered', 'Try Midjourney V8', 'Community', 'window.__BOOT__']) {
      expect(markdown).not.toContain(noise);
    }
  });
});
