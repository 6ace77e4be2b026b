import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPage, looksClientRendered } from './page.classifier';

const HTML = { 'content-type': 'text/html; charset=utf-8' };
const article = (words: number): string =>
  `<html><head><title>Terms</title></head><body><main><article><h1>Terms of Service</h1>${'<p>You agree to these terms and the rules of the service. </p>'.repeat(words)}</article></main></body></html>`;

// The corpus lives in libs/testing; read it directly because unit specs of a feature lib may not import the testing lib.
const corpusSites = join(__dirname, '../../../testing/fixtures/corpus/sites/midjourney');

describe('classifyPage', () => {
  it.each([
    ['Cloudflare "Just a moment..." with 200', 200, { ...HTML, server: 'cloudflare' }, '<html><head><title>Just a moment...</title></head><body><script>window._cf_chl_opt={}</script></body></html>', 'Cloudflare challenge page (HTTP 200)'],
    ['Cloudflare challenge flagged by header only', 403, { ...HTML, 'cf-mitigated': 'challenge' }, '<html><body></body></html>', 'Cloudflare challenge page (HTTP 403)'],
    ['Cloudflare "Attention Required"', 403, HTML, '<html><head><title>Attention Required! | Cloudflare</title></head><body><div id="cf-error-details">Sorry, you have been blocked</div></body></html>', 'Cloudflare block page (HTTP 403)'],
    ['hCaptcha on a thin page', 200, HTML, '<html><body><p>Please complete the security check.</p><div class="h-captcha" data-sitekey="x"></div><script src="https://hcaptcha.com/1/api.js"></script></body></html>', 'hCaptcha challenge (HTTP 200)'],
    ['reCAPTCHA on a thin page', 200, HTML, '<html><body><form><div class="g-recaptcha"></div></form><script src="https://www.google.com/recaptcha/api.js"></script></body></html>', 'reCAPTCHA challenge (HTTP 200)'],
    ['Akamai access denied', 403, { ...HTML, server: 'AkamaiGHost' }, '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>You don\'t have permission to access this server.<P>Reference&#32;&#35;18.4f2c1602.1700000000.1a2b3c</BODY></HTML>', 'Akamai block page (HTTP 403)'],
    ['DataDome', 403, { ...HTML, 'x-datadome': 'protected' }, '<html><body><script src="https://ct.captcha-delivery.com/c.js"></script></body></html>', 'DataDome challenge (HTTP 403)'],
    ['PerimeterX', 403, HTML, '<html><body><div id="px-captcha"></div><p>Press &amp; Hold to confirm you are a human</p><script>window._pxAppId="PX123"</script></body></html>', 'PerimeterX challenge (HTTP 403)'],
  ])('recognises a bot challenge: %s', (_name, status, headers, body, cause) => {
    expect(classifyPage(status, headers, body)).toEqual({ outcome: 'blocked', cause, transient: true, problem: 'bot-challenge' });
  });

  it('does not take a reCAPTCHA contact form on a long policy page for a challenge', () => {
    const page = article(60).replace('</article>', '</article><form><div class="g-recaptcha"></div></form><script src="https://www.google.com/recaptcha/api.js"></script>');
    expect(classifyPage(200, HTML, page).outcome).toBe('ok');
  });

  it.each([
    [500, 'HTTP 500 Internal Server Error', true],
    [503, 'HTTP 503 Service Unavailable', true],
    [429, 'HTTP 429 Too Many Requests', true],
    [404, 'HTTP 404 Not Found', false],
    [410, 'HTTP 410 Gone', false],
    [403, 'HTTP 403 Forbidden', false],
  ])('reports HTTP %i as an http-error', (status, cause, transient) => {
    expect(classifyPage(status, HTML, '<html><body><h1>Error</h1></body></html>')).toEqual({ outcome: 'http-error', cause, transient });
  });

  it('reports a zero-length or whitespace body as empty', () => {
    expect(classifyPage(200, HTML, '')).toMatchObject({ outcome: 'empty', cause: 'Empty body (HTTP 200)' });
    expect(classifyPage(200, HTML, Buffer.from('  \n\t '))).toMatchObject({ outcome: 'empty' });
    expect(classifyPage(200, HTML, '<html><head><title></title></head><body>  </body></html>')).toMatchObject({ outcome: 'empty', cause: 'Page has no text (HTTP 200)' });
  });

  it('recognises a sign-in form served instead of the document', () => {
    const page = '<html><body><h1>Log in</h1><form><input type="email" name="e"><input type="password" name="p"><button>Log in</button></form><a href="/forgot">Forgot password?</a></body></html>';
    expect(classifyPage(200, HTML, page)).toMatchObject({ outcome: 'blocked', problem: 'login-wall', transient: false });
  });

  it('recognises a cookie wall but not a cookie banner beside the content', () => {
    const wall = '<html><body><div role="dialog"><h1>Before you continue</h1><p>We use cookies. You must accept cookies to continue to the site.</p><form><button>Accept all</button><button>Reject all</button></form></div></body></html>';
    expect(classifyPage(200, HTML, wall)).toMatchObject({ outcome: 'blocked', problem: 'cookie-wall', transient: false });
    const banner = article(60).replace('<body>', '<body><div class="cookie-banner">We use cookies. Accept to continue? <button>Accept</button></div>');
    expect(classifyPage(200, HTML, banner).outcome).toBe('ok');
  });

  it('recognises a client-rendered shell', () => {
    const shell = '<html><head><script src="/app.js"></script></head><body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>';
    expect(classifyPage(200, HTML, shell)).toMatchObject({ outcome: 'empty', problem: 'client-rendered', transient: false });
    expect(looksClientRendered(shell)).toBe(true);
    const rendered = shell.replace('<div id="root"></div>', '<div id="root"><h1>Terms</h1><p>You keep your rights.</p></div>');
    expect(classifyPage(200, HTML, rendered, { rendered: true })).toEqual({ outcome: 'ok', transient: false });
    expect(looksClientRendered(article(60) + '<script>track()</script>')).toBe(false);
  });

  it('passes a PDF through without HTML heuristics', () => {
    expect(classifyPage(200, { 'content-type': 'application/pdf' }, Buffer.from('%PDF-1.7 binary'))).toEqual({ outcome: 'ok', transient: false });
  });

  it('reports 304 as not-modified', () => {
    expect(classifyPage(304, {}, '')).toEqual({ outcome: 'not-modified', transient: false });
  });

  it('accepts every page of the real corpus, noisy variants included', () => {
    const pages = readdirSync(corpusSites).flatMap((doc) => readdirSync(join(corpusSites, doc)).map((f) => join(corpusSites, doc, f)));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect([page, classifyPage(200, HTML, readFileSync(page))]).toEqual([page, { outcome: 'ok', transient: false }]);
  });
});
