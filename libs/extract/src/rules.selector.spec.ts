import { extract } from './extract';
import { ExtractionError, ExtractionRules } from './extract.types';

const CLAUSE = 'You may delete your account and every piece of personal data we hold about you at any time.';
const OTHER = 'We keep server logs for thirty days and then delete them without keeping any copy.';

function page(body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Terms</title></head><body>${body}</body></html>`;
}

async function run(body: string, rules: ExtractionRules): Promise<string> {
  return (await extract({ body: page(body), rules })).markdown;
}

async function code(body: string, rules: ExtractionRules): Promise<string> {
  try {
    await run(body, rules);
  } catch (error) {
    if (error instanceof ExtractionError) return error.code;
    throw error;
  }
  return 'ok';
}

const count = (text: string, part: string) => text.split(part).length - 1;

// Open Terms Archive's engine and ours differ on two points; imported declarations follow OTA's.
describe('select: Clausewatch and Open Terms Archive semantics', () => {
  const twoSections = `<main><section id="terms"><p>${CLAUSE}</p></section></main><aside><p>${OTHER}</p></aside>`;

  it('fails when one of several selectors matches nothing (ours), succeeds when any one matches (OTA)', async () => {
    const rules = { select: ['#terms', '#vanished'] };
    expect(await code(twoSections, rules)).toBe('selector-missing');
    const ota = await run(twoSections, { ...rules, selection: 'ota' });
    expect(ota).toContain(CLAUSE);
    expect(ota).not.toContain(OTHER);
    // Nothing at all selected is a failure in both.
    expect(await code(twoSections, { select: ['#vanished', '.gone'], selection: 'ota' })).toBe('selector-missing');
  });

  it('keeps nested matches once (ours) or every match, nested ones included (OTA)', async () => {
    const nested = `<div class="block"><p>${CLAUSE}</p><div class="block"><p>${OTHER}</p></div></div>`;
    const ours = await run(nested, { select: ['.block'] });
    expect(count(ours, OTHER)).toBe(1);
    expect(count(ours, CLAUSE)).toBe(1);
    const ota = await run(nested, { select: ['.block'], selection: 'ota' });
    expect(count(ota, OTHER)).toBe(2);
    expect(count(ota, CLAUSE)).toBe(1);
  });

  it('gives the same text either way when every selector matches once, ranges included', async () => {
    const body = `<h2 id="start">Start</h2><p>${CLAUSE}</p><h2 id="end">End</h2><aside><p>${OTHER}</p></aside>`;
    const rules: ExtractionRules = { select: [{ startAfter: '#start', endBefore: '#end' }, 'aside'] };
    expect(await run(body, { ...rules, selection: 'ota' })).toBe(await run(body, rules));
    // A range whose anchor is missing fails in both, as in OTA.
    expect(await code(body, { select: [{ startAfter: '#nope', endBefore: '#end' }, 'aside'], selection: 'ota' })).toBe('selector-missing');
  });

  it('rejects an unknown selection name as invalid rules', async () => {
    expect(await code(`<p>${CLAUSE}</p>`, { select: ['p'], selection: 'xpath' as never })).toBe('invalid-rules');
  });
});
