import { createHash } from 'node:crypto';
import * as iconv from 'iconv-lite';
import { extract } from './extract';
import { EXTRACTOR_VERSION } from './extract.constants';
import { ExtractInput, ExtractionError, ExtractionErrorCode } from './extract.types';

const PARAGRAPH = 'Users may request deletion of their personal data at any time by writing to the privacy team.';

function page(body: string, head = '<title>Terms</title>'): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

async function markdownOf(input: ExtractInput): Promise<string> {
  return (await extract(input)).markdown;
}

async function failure(input: ExtractInput): Promise<ExtractionErrorCode> {
  try {
    await extract(input);
  } catch (error) {
    if (error instanceof ExtractionError) return error.code;
    throw error;
  }
  throw new Error('extraction succeeded');
}

describe('extract: selectors', () => {
  const html = page(`
    <nav><a href="/">Home</a></nav>
    <div id="intro"><h1>Privacy</h1><p>Intro paragraph: ${PARAGRAPH}</p></div>
    <div id="body"><h2>Rights</h2><p class="ad">Buy now</p><p>Rights paragraph: ${PARAGRAPH}</p></div>
    <footer>Copyright footer</footer>`);

  it('keeps only what select designates, in the order of the selectors', async () => {
    const markdown = await markdownOf({ body: html, rules: { select: ['#body', '#intro'] } });
    expect(markdown.indexOf('## Rights')).toBeGreaterThanOrEqual(0);
    expect(markdown.indexOf('## Rights')).toBeLessThan(markdown.indexOf('# Privacy'));
    expect(markdown).not.toContain('Home');
    expect(markdown).not.toContain('Copyright footer');
  });

  it('drops what remove designates', async () => {
    const markdown = await markdownOf({ body: html, rules: { select: '#body', remove: '.ad' } });
    expect(markdown).toBe(`## Rights\n\nRights paragraph: ${PARAGRAPH}\n`);
  });

  it('selects a range between anchors (startBefore/endBefore and startAfter/endAfter)', async () => {
    const before = await markdownOf({ body: html, rules: { select: { startBefore: '#intro h1', endBefore: '#body h2' } } });
    expect(before).toBe(`# Privacy\n\nIntro paragraph: ${PARAGRAPH}\n`);
    const after = await markdownOf({ body: html, rules: { select: { startAfter: '#intro h1', endAfter: '#body h2' } } });
    expect(after).toBe(`Intro paragraph: ${PARAGRAPH}\n\n## Rights\n`);
  });

  it('removes a range between anchors', async () => {
    const markdown = await markdownOf({ body: html, rules: { select: 'body', remove: [{ startBefore: 'nav', endAfter: '#intro' }, 'footer', '.ad'] } });
    expect(markdown).toBe(`## Rights\n\nRights paragraph: ${PARAGRAPH}\n`);
  });

  it('fails with selector-missing when a select selector or a range anchor matches nothing', async () => {
    expect(await failure({ body: html, rules: { select: '#missing' } })).toBe('selector-missing');
    expect(await failure({ body: html, rules: { select: ['#intro', '#missing'] } })).toBe('selector-missing');
    expect(await failure({ body: html, rules: { select: { startBefore: '#intro', endBefore: '#missing' } } })).toBe('selector-missing');
    expect(await failure({ body: html, rules: { select: 'body', remove: { startBefore: '#missing', endBefore: 'footer' } } })).toBe('selector-missing');
  });

  it('accepts a remove selector that matches nothing', async () => {
    expect(await markdownOf({ body: html, rules: { select: '#intro', remove: '#missing' } })).toContain('Intro paragraph');
  });

  it('rejects invalid rules: unknown filter, bad CSS, malformed range', async () => {
    expect(await failure({ body: html, rules: { select: '#intro', filter: ['doesNotExist'] } })).toBe('invalid-rules');
    expect(await failure({ body: html, rules: { select: 'div[[' } })).toBe('invalid-rules');
    expect(await failure({ body: html, rules: { select: { startBefore: '#intro' } } })).toBe('invalid-rules');
  });
});

describe('extract: automatic main content', () => {
  it('takes <main> and leaves navigation, cookie banner, ads and footer out', async () => {
    const html = page(`
      <header class="site-header"><nav><a href="/docs">Docs</a></nav></header>
      <div class="cookie-consent" role="dialog"><p>We use cookies. <button>Accept</button></p></div>
      <main><article><header><h1>Terms of Service</h1></header><p>${PARAGRAPH}</p><div class="ad-slot">Try our app</div></article></main>
      <aside>Related links</aside><footer>Rendered at 12:00</footer>`);
    expect(await markdownOf({ body: html })).toBe(`# Terms of Service\n\n${PARAGRAPH}\n`);
  });

  it('falls back on the densest text block when there is no main or article', async () => {
    const html = page(`
      <div class="top"><a href="/a">A</a> <a href="/b">B</a></div>
      <div class="wrap"><div class="content"><p>${PARAGRAPH}</p><p>Second: ${PARAGRAPH}</p></div><div>x</div></div>`);
    const markdown = await markdownOf({ body: html });
    expect(markdown).toContain(`Second: ${PARAGRAPH}`);
    expect(markdown).not.toMatch(/\[A\]/);
  });
});

describe('extract: normalisation', () => {
  it('gives the same hash whatever the entities, quotes, spaces and indentation', async () => {
    const plain = page(`<main><h1>Terms</h1><p>We don’t sell “personal data” — ever.</p><p>${PARAGRAPH}</p></main>`);
    const noisy = page(`
      <main>
          <h1>  Terms </h1>
          <p>We don&rsquo;t&nbsp;sell &ldquo;personal   data&rdquo; &mdash; ever.</p>
          <p>${PARAGRAPH.replace(/ /g, '\n        ')}</p>
      </main>`).replace(/\n/g, '\r\n');
    const a = await extract({ body: plain });
    const b = await extract({ body: noisy });
    expect(b.markdown).toBe(a.markdown);
    expect(b.textSha256).toBe(a.textSha256);
    expect(a.markdown).toContain(`We don't sell "personal data" — ever.`);
  });

  it('keeps code fences and inline code intact', async () => {
    const markdown = await markdownOf({ body: page(`<main><p>${PARAGRAPH} Call <code>opt_out()</code>.</p><pre><code class="language-error">Do not write OTA</code></pre></main>`) });
    expect(markdown).toContain('Call `opt_out()`.');
    expect(markdown).toContain('```error\nDo not write OTA\n```');
  });

  it('still gives a new hash when a word or a comma changes', async () => {
    const a = await extract({ body: page(`<main><p>${PARAGRAPH}</p><p>Outputs, and prompts are stored.</p></main>`) });
    const b = await extract({ body: page(`<main><p>${PARAGRAPH}</p><p>Outputs and prompts are stored.</p></main>`) });
    expect(b.textSha256).not.toBe(a.textSha256);
  });

  it('resolves links against the page URL and strips tracking parameters only', async () => {
    const html = page(`<main><p>${PARAGRAPH} See <a href="/legal/cookies?utm_source=x&amp;lang=en&amp;fbclid=abc">cookies</a>, <a href="#rights">rights</a> and <a href="https://other.test/p?gclid=1">partners</a>.</p></main>`);
    const markdown = await markdownOf({ body: html, url: 'https://example.test/legal/terms' });
    expect(markdown).toContain('[cookies](https://example.test/legal/cookies?lang=en)');
    expect(markdown).toContain('[rights](#rights)');
    expect(markdown).toContain('[partners](https://other.test/p)');
  });

  it("decodes Cloudflare-protected addresses, whose encoding changes on every response", async () => {
    const encode = (email: string, key: number) => [key, ...Array.from(email, (c) => c.charCodeAt(0) ^ key)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const html = (key: number) =>
      page(`<main><p>${PARAGRAPH} Write to <a href="/cdn-cgi/l/email-protection#${encode('privacy@example.test', key)}"><span class="__cf_email__" data-cfemail="${encode('privacy@example.test', key)}">[email&#160;protected]</span></a>.</p></main>`);
    const a = await extract({ body: html(0x5a), url: 'https://example.test/' });
    const b = await extract({ body: html(0x13), url: 'https://example.test/' });
    expect(a.markdown).toContain('[privacy@example.test](mailto:privacy@example.test)');
    expect(b.textSha256).toBe(a.textSha256);
  });

  it('drops every query parameter with the removeQueryParams filter', async () => {
    const html = page(`<main><p>${PARAGRAPH} <a href="/doc?session=123&amp;lang=en">doc</a></p></main>`);
    const markdown = await markdownOf({ body: html, url: 'https://example.test/', rules: { select: 'main', filter: ['removeQueryParams'] } });
    expect(markdown).toContain('[doc](https://example.test/doc)');
  });

  it('writes simple tables as GFM tables and tables with block content as text, never as HTML', async () => {
    const html = page(`<main><p>${PARAGRAPH}</p>
      <table><thead><tr><th>Data</th><th>Retention</th></tr></thead><tbody><tr><td>Logs</td><td>30 days</td></tr></tbody></table>
      <table class="Table_x__9f3"><tr><td><ul><li>Prompts</li></ul></td><td>Kept until deletion</td></tr></table></main>`);
    const markdown = await markdownOf({ body: html });
    expect(markdown).toContain('| Data | Retention |');
    expect(markdown).toContain('| Logs | 30 days |');
    expect(markdown).toContain('- Prompts');
    expect(markdown).toContain('Kept until deletion');
    expect(markdown).not.toMatch(/<table|<div|Table_x/);
  });
});

describe('extract: result and errors', () => {
  it('returns the hashes, the title and the extractor version', async () => {
    const html = page(`<main><p>${PARAGRAPH}</p></main>`, '<title>  Privacy\n Policy </title>');
    const result = await extract({ body: Buffer.from(html) });
    expect(result.title).toBe('Privacy Policy');
    expect(result.extractorVersion).toBe(EXTRACTOR_VERSION);
    expect(result.rawSha256).toBe(createHash('sha256').update(html).digest('hex'));
    expect(result.textSha256).toBe(createHash('sha256').update(result.markdown, 'utf8').digest('hex'));
  });

  it('fails with empty on a page with no text or a trivially short one, never returning empty Markdown', async () => {
    expect(await failure({ body: page('') })).toBe('empty');
    expect(await failure({ body: page('<main><p>Access denied</p></main>') })).toBe('empty');
    expect(await failure({ body: page('<div id="x"><img src="a.png"></div>'), rules: { select: '#x' } })).toBe('empty');
  });

  it('refuses content that is not text', async () => {
    expect(await failure({ body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), contentType: 'image/png' })).toBe('unsupported-content');
  });
});

/** A one-page PDF with the given lines in Helvetica, with a correct cross-reference table. */
function pdfWith(lines: string[], title: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `(${l}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Title (${title}) >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('extract: PDF', () => {
  const pdf = pdfWith(['Data Retention Policy', 'We keep account data for thirty days after deletion.'], 'Retention Policy');

  it('extracts the text and title of a PDF named by its content type or by its magic number', async () => {
    for (const contentType of ['application/pdf', undefined]) {
      const result = await extract({ body: pdf, contentType });
      expect(result.markdown).toContain('We keep account data for thirty days after deletion.');
      expect(result.title).toBe('Retention Policy');
    }
  });

  it('refuses a PDF that cannot be read', async () => {
    expect(await failure({ body: Buffer.from('%PDF-1.4 truncated'), contentType: 'application/pdf' })).toBe('unsupported-content');
  });
});

describe('extract: charsets', () => {
  const text = `Les données personnelles sont supprimées à la demande de l’utilisateur. ${PARAGRAPH}`;
  const bytes = (body: string, head = '') => iconv.encode(`<html><head>${head}</head><body><main><p>${body}</p></main></body></html>`, 'windows-1252');

  it('decodes with the Content-Type charset', async () => {
    expect(await markdownOf({ body: bytes(text), contentType: 'text/html; charset=windows-1252' })).toContain('données personnelles sont supprimées');
  });

  it('decodes with a <meta charset> or http-equiv when the header has none', async () => {
    expect(await markdownOf({ body: bytes(text, '<meta charset="iso-8859-1">'), contentType: 'text/html' })).toContain("l'utilisateur");
    expect(await markdownOf({ body: bytes(text, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">') })).toContain('supprimées');
  });

  it('sniffs: valid UTF-8 as UTF-8, anything else as windows-1252', async () => {
    expect(await markdownOf({ body: Buffer.from(`<main><p>${text}</p></main>`, 'utf8') })).toContain('supprimées');
    expect(await markdownOf({ body: bytes(text) })).toContain('supprimées');
  });
});

describe('extract: overlapping selections', () => {
  it('loses no text when a later selector holds an earlier match, and skips matches inside a taken one', async () => {
    const html = page(`<div id="outer"><p id="inner">Inner: ${PARAGRAPH}</p><p>Outer: ${PARAGRAPH}</p></div>`);
    const markdown = await markdownOf({ body: html, rules: { select: ['#inner', '#outer', 'p'] } });
    expect(markdown).toBe(`Inner: ${PARAGRAPH}\n\nInner: ${PARAGRAPH}\n\nOuter: ${PARAGRAPH}\n`);
  });
});
