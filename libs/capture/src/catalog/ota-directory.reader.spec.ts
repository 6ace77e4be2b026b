import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOtaDirectory } from './ota-directory.reader';

const fixtures = join(__dirname, 'fixtures', 'declarations');

describe('readOtaDirectory', () => {
  let dir: string;
  let marker: string;
  const previousMarker = process.env.CLAUSEWATCH_FILTER_MARKER;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clausewatch-ota-'));
    for (const name of ['Midjourney.json', 'Midjourney.history.json', 'Example Store.json', 'Example Store.filters.js']) {
      await copyFile(join(fixtures, name), join(dir, name));
    }
    // The filter module writes this file if it is ever loaded.
    marker = join(dir, 'filters-were-executed');
    process.env.CLAUSEWATCH_FILTER_MARKER = marker;
  });

  afterEach(async () => {
    if (previousMarker === undefined) delete process.env.CLAUSEWATCH_FILTER_MARKER;
    else process.env.CLAUSEWATCH_FILTER_MARKER = previousMarker;
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the good declarations, reports the bad one, and never runs the filter module', async () => {
    await writeFile(join(dir, 'Broken.json'), JSON.stringify({ name: 'Broken', terms: { 'Terms of Service': { fetch: 'javascript:alert(1)' } } }));
    await writeFile(join(dir, 'README.md'), '# not a declaration');

    const result = await readOtaDirectory(dir);

    expect(result.entries.map((entry) => entry.slug)).toEqual(['example-store', 'midjourney']);
    expect(result.errors).toEqual([
      { file: 'Broken.json', message: 'Broken.json: terms."Terms of Service".fetch: "javascript:alert(1)" is not an http or https URL' },
    ]);
    const filterWarning = result.warnings.find((warning) => warning.file === 'Example Store.filters.js');
    expect(filterWarning?.message).toContain('JavaScript filter module not executed');
    expect(filterWarning?.message).toContain('removeTrackingIds, expandAccordions');
    expect(existsSync(marker)).toBe(false);
  });

  it('attaches the history file to its service and keeps the current declaration as the documents', async () => {
    const { entries } = await readOtaDirectory(dir);
    const midjourney = entries.find((entry) => entry.slug === 'midjourney');

    expect(midjourney?.documents[0].sources[0].url).toBe('https://docs.midjourney.com/hc/en-us/articles/32083055291277-Terms-of-Service');
    expect(midjourney?.history?.map((document) => `${document.type} until ${document.validUntil}`)).toEqual([
      'privacy-policy until 2024-11-20T10:12:44.000Z',
      'terms-of-service until 2023-03-02T08:00:00.000Z',
      'terms-of-service until 2024-11-20T10:12:44.000Z',
    ]);
    expect(entries.find((entry) => entry.slug === 'example-store')?.history).toBeUndefined();
  });

  it('reports a file that is not JSON and goes on', async () => {
    await writeFile(join(dir, 'Truncated.json'), '{ "name": "Truncated", "terms": {');
    const result = await readOtaDirectory(dir);
    expect(result.entries).toHaveLength(2);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].file).toBe('Truncated.json');
    expect(result.errors[0].message).toMatch(/^Truncated\.json: not valid JSON \(/);
  });

  it('keeps a service whose history file is invalid, without history, and reports the history file', async () => {
    await writeFile(join(dir, 'Midjourney.history.json'), JSON.stringify({ 'Terms of Service': [{ fetch: 'https://example.com/old' }] }));
    const result = await readOtaDirectory(dir);
    const midjourney = result.entries.find((entry) => entry.slug === 'midjourney');
    expect(midjourney?.documents).toHaveLength(3);
    expect(midjourney?.history).toBeUndefined();
    expect(result.errors).toEqual([
      { file: 'Midjourney.history.json', message: expect.stringContaining('Midjourney.history.json: "Terms of Service"[0].validUntil: expected an ISO 8601 date-time') },
    ]);
  });

  it('warns about a history file whose service declaration is missing or invalid', async () => {
    await writeFile(join(dir, 'Gone.history.json'), JSON.stringify({ 'Terms of Service': [] }));
    const { warnings } = await readOtaDirectory(dir);
    expect(warnings).toContainEqual({ file: 'Gone.history.json', message: 'Gone.history.json: no valid Gone.json to attach this history to; ignored' });
  });

  it('reports a second service with the same slug instead of merging the two', async () => {
    await writeFile(join(dir, 'Midjourney Inc.json'), JSON.stringify({ name: 'Midjourney', terms: { 'Terms of Service': { fetch: 'https://example.com/t' } } }));
    const result = await readOtaDirectory(dir);
    expect(result.entries.filter((entry) => entry.slug === 'midjourney')).toHaveLength(1);
    // Files are read in name order, so 'Midjourney Inc.json' comes first and keeps the slug.
    expect(result.errors).toEqual([{ file: 'Midjourney.json', message: 'Midjourney.json: slug "midjourney" is already used by Midjourney Inc.json' }]);
  });

  it('reports the filter parameters it drops, naming the file', async () => {
    const { warnings } = await readOtaDirectory(dir);
    expect(warnings).toContainEqual({ file: 'Example Store.json', message: expect.stringContaining('parameters of filter "removeQueryParams"') });
  });
});
