import type { DigestView } from './email-content';
import { escapeHtml, renderDigest } from './digest.layout';

const view = (over: Partial<DigestView> = {}): DigestView => ({
  subject: 'Your weekly Clausewatch digest: 1 change (2 Feb 2026 – 9 Feb 2026)',
  period: '2 Feb 2026 – 9 Feb 2026',
  quiet: false,
  changeCount: 1,
  platforms: [{ name: 'Acme <b>&</b> "Co"', severity: 'high', changes: [{ html: '<p class="e">entry</p>', text: '[high] entry' }] }],
  monitoring: { documentsChecked: 1, documents: [{ html: '<li>doc</li>', text: '- doc' }], failingCount: 0 },
  preferencesUrl: 'https://clausewatch.example/account',
  unsubscribeUrl: 'https://clausewatch.example/api/v1/unsubscribe/abc?x=1&y=2',
  ...over,
});

// The digest's layout is joined without a template engine: what handlebars escaped, it must escape.
describe('digest layout', () => {
  it('escapes every value that is not a pre-rendered fragment, in the HTML part only', () => {
    const { html, text } = renderDigest(view({ subject: 'Digest <script>' }));
    expect(html).toContain('<h2>Acme &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;</h2>');
    expect(html).toContain('<title>Digest &lt;script&gt;</title>');
    expect(html).toContain('href="https://clausewatch.example/api/v1/unsubscribe/abc?x&#x3D;1&amp;y&#x3D;2"');
    // Fragments are placed as rendered (they escaped their own values).
    expect(html).toContain('<p class="e">entry</p>');
    expect(html).toContain('<ul><li>doc</li></ul>');
    expect(text).toContain('== Acme <b>&</b> "Co" ==\n\n[high] entry\n');
    expect(text).toContain('Unsubscribe: https://clausewatch.example/api/v1/unsubscribe/abc?x=1&y=2\n');
  });

  it('says "1 change" and "changes", and proves the watching in a quiet week', () => {
    expect(renderDigest(view()).html).toContain('<h1>1 change this week</h1>');
    expect(renderDigest(view({ changeCount: 3 })).text).toContain('3 changes this week.');
    const quiet = renderDigest(view({ quiet: true, changeCount: 0, platforms: [], monitoring: { documentsChecked: 0, documents: [{ html: '<li>d</li>', text: '- d' }], failingCount: 1 } }));
    expect(quiet.html).toContain('<h1>No changes this week</h1>');
    expect(quiet.html).toContain('0 of 1 followed document checked this week, <strong>1 failing</strong>.');
    expect(quiet.text).toContain('Monitoring: 0 of 1 followed documents checked this week, 1 failing.\n- d\n');
  });

  it('escapes like handlebars', () => {
    expect(escapeHtml('a<b>&"\'`=')).toBe('a&lt;b&gt;&amp;&quot;&#x27;&#x60;&#x3D;');
    expect(escapeHtml(42)).toBe('42');
  });
});
