import { extract } from './extract';
import { ExtractionError } from './extract.types';
import { flattenDeepNesting } from './nesting.limiter';

const INTRO = `<h1>Terms of Service</h1><p>${'You agree to these terms when you use the service. '.repeat(6)}</p>`;

function nested(open: string, close: string, n: number, inner = 'The deepest clause: we may share your data with partners.'): string {
  return `<!doctype html><html><head><title>Terms</title></head><body><main>${INTRO}${open.repeat(n)}${inner}${close.repeat(n)}<p>Closing clause after the nesting.</p></main></body></html>`;
}

describe('flattenDeepNesting', () => {
  it('returns a page nested less deeply than the limit unchanged (the same string)', () => {
    const html = nested('<div class="x">', '</div>', 50);
    expect(flattenDeepNesting(html, 256)).toBe(html);
  });

  it('drops only the tags beyond the limit and keeps every word', () => {
    const out = flattenDeepNesting('<div><div><div><div>a</div>b</div>c</div>d</div>', 2);
    expect(out.replace(/\s+/g, ' ')).toBe('<div><div> a b c</div>d</div>');
  });

  it('does not count void elements, optional end tags, self-closed elements or markup inside scripts and comments', () => {
    const html = `<body>${'<p>para'.repeat(500)}${'<br>'.repeat(500)}${'<li>item'.repeat(500)}${'<path/>'.repeat(500)}<script>${'"<div>"'.repeat(500)}</script><!--${'<div>'.repeat(500)}--><div>end</div></body>`;
    expect(flattenDeepNesting(html, 10)).toBe(html);
  });

  it('respects quoted ">" in attribute values', () => {
    const html = `<div title="a > b"><div data-x='>'>text</div></div>`;
    expect(flattenDeepNesting(html, 1)).toBe(`<div title="a > b"> text </div>`);
  });
});

describe('extract on deeply nested pages (each must end within 2 s)', () => {
  it.each([
    ['div', '<div>', '</div>'],
    ['span', '<span>', '</span>'],
    ['unclosed b', '<b>', ''],
    ['ul/li', '<ul><li>', '</li></ul>'],
    ['table', '<table><tr><td>', '</td></tr></table>'],
    ['blockquote', '<blockquote>', '</blockquote>'],
    ['section with attributes', '<section class="level" data-n="1">', '</section>'],
  ])('100,000 nested %s', async (_label, open, close) => {
    const html = nested(open, close, 100_000);
    const started = performance.now();
    let markdown = '';
    try {
      markdown = (await extract({ body: html, contentType: 'text/html' })).markdown;
    } catch (err) {
      expect(err).toBeInstanceOf(ExtractionError);
    }
    expect(performance.now() - started).toBeLessThan(2000);
    if (markdown) {
      expect(markdown).toContain('The deepest clause: we may share your data with partners.');
      expect(markdown).toContain('Closing clause after the nesting.');
    }
  });
});
