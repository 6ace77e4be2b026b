import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractCommand, runManifest } from './extract.command';

const corpus = join(__dirname, '../../../../libs/testing/fixtures/corpus/sites/midjourney/privacy-policy');
const TEXT = 'Users may request deletion of their personal data at any time by writing to the privacy team.';

let dir: string;
let stdout: string[];
let stderr: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cw-extract-'));
  stdout = [];
  stderr = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => stdout.push(String(chunk)) > 0);
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => stderr.push(String(chunk)) > 0);
});

afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, html: string): string {
  const path = join(dir, name);
  writeFileSync(path, html);
  return path;
}

describe('clausewatch extract <file>', () => {
  it('prints the normalised Markdown', async () => {
    const file = write('a.html', `<html><body><nav>Menu</nav><main><h1>Terms</h1><p>${TEXT}</p></main></body></html>`);
    expect(await extractCommand.run([file])).toBe(0);
    expect(stdout.join('')).toBe(`# Terms\n\n${TEXT}\n`);
  });

  it('prints markdown, hashes and title as JSON with --json, honouring --url, --select and --remove', async () => {
    const file = write('b.html', `<html><head><title>Policy</title></head><body><div id="x"><p>${TEXT} <a href="/more?utm_source=a">more</a></p><p class="ad">Ad</p></div></body></html>`);
    expect(await extractCommand.run([file, '--url', 'https://example.test/p', '--select', '#x', '--remove', '.ad', '--json'])).toBe(0);
    const out = JSON.parse(stdout.join('')) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['markdown', 'rawSha256', 'textSha256', 'title']);
    expect(out.markdown).toBe(`${TEXT} [more](https://example.test/more)\n`);
    expect(out.title).toBe('Policy');
    expect(out.textSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fails with the cause when the selector matches nothing', async () => {
    const file = write('c.html', `<main><p>${TEXT}</p></main>`);
    expect(await extractCommand.run([file, '--select', '#gone'])).toBe(1);
    expect(stderr.join('')).toContain('selector-missing');
    expect(stdout.join('')).toBe('');
  });
});

describe('clausewatch extract --jsonl <manifest>', () => {
  it('writes one line per page, errors included, and goes on after a failure', async () => {
    write('ok.html', `<html><body><div id="terms"><p>${TEXT}</p></div><div id="range-start"></div><p>Ranged: ${TEXT}</p><div id="range-end"></div></body></html>`);
    const manifest = write(
      'manifest.jsonl',
      [
        { file: 'ok.html', select: '#terms' },
        { file: 'ok.html', select: '#missing' },
        { file: 'ok.html', url: 'https://example.test/', select: [{ startAfter: '#range-start', endBefore: '#range-end' }] },
        { file: 'ok.html', select: '#terms', filter: ['nope'] },
        { file: 'absent.html' },
        { file: join(corpus, '2025-06-02-noise-b.html') },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n') + '\nnot json\n',
    );
    const lines: string[] = [];
    const summary = await runManifest(manifest, (line) => lines.push(line));
    const out = lines.map((line) => JSON.parse(line) as Record<string, string>);
    expect(summary).toEqual({ ok: 3, failed: 4 });
    expect(out).toHaveLength(7);
    expect(out[0]).toEqual({ file: 'ok.html', markdown: `${TEXT}\n`, textSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(out[1]).toMatchObject({ file: 'ok.html', code: 'selector-missing' });
    expect(out[2].markdown).toBe(`Ranged: ${TEXT}\n`);
    expect(out[3]).toMatchObject({ file: 'ok.html', code: 'invalid-rules' });
    expect(out[4].file).toBe('absent.html');
    expect(out[4].error).toContain('ENOENT');
    expect(out[5].markdown).toContain('Last Updated: June 2, 2025');
    expect(out[6]).toMatchObject({ file: null, error: expect.any(String) });
  });

  it('runs through the command with exit code 1 (some items failed) and a count of failures on stderr', async () => {
    write('ok.html', `<main><p>${TEXT}</p></main>`);
    const manifest = write('m.jsonl', `${JSON.stringify({ file: 'ok.html' })}\n${JSON.stringify({ file: 'ok.html', select: '#none' })}\n`);
    expect(await extractCommand.run(['--jsonl', manifest])).toBe(1);
    expect(stdout.join('').trim().split('\n')).toHaveLength(2);
    expect(stderr.join('')).toContain('1 of 2 page(s) could not be extracted');
  });
});
