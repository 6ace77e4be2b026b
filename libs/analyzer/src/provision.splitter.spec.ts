import { splitProvisions } from './provision.splitter';

const markdown = [
  '# Privacy Policy',
  '',
  'Last updated: June 2, 2025',
  '',
  '## 1. What we collect',
  '',
  'We collect your **email address**',
  'and your [IP address](https://example.com/ip).',
  '',
  '- Account data',
  '- Usage data, including',
  '  pages you visit',
  '',
  '### 1.1 Cookies',
  '',
  '| Cookie | Purpose |',
  '| --- | --- |',
  '| _ga | analytics |',
  '',
  '## 2. Sharing',
  '',
  'We do not sell your data.',
].join('\n');

describe('splitProvisions', () => {
  const provisions = splitProvisions(markdown);

  test.each([
    [0, 'heading', 'Privacy Policy', []],
    [1, 'paragraph', 'Last updated: June 2, 2025', ['Privacy Policy']],
    [2, 'heading', '1. What we collect', ['Privacy Policy']],
    [3, 'paragraph', 'We collect your email address and your IP address.', ['Privacy Policy', '1. What we collect']],
    [4, 'list-item', 'Account data', ['Privacy Policy', '1. What we collect']],
    [5, 'list-item', 'Usage data, including pages you visit', ['Privacy Policy', '1. What we collect']],
    [6, 'heading', '1.1 Cookies', ['Privacy Policy', '1. What we collect']],
    [7, 'table', 'Cookie | Purpose', ['Privacy Policy', '1. What we collect', '1.1 Cookies']],
    [8, 'table', 'Cookie: _ga | Purpose: analytics', ['Privacy Policy', '1. What we collect', '1.1 Cookies']],
    [9, 'heading', '2. Sharing', ['Privacy Policy']],
    [10, 'paragraph', 'We do not sell your data.', ['Privacy Policy', '2. Sharing']],
  ])('provision %i is a %s "%s"', (index, kind, text, path) => {
    expect(provisions[index]).toMatchObject({ index, kind, text, headingPath: path });
  });

  test('splits every block and nothing else', () => {
    expect(provisions).toHaveLength(11);
  });

  test('the fingerprint ignores line wrapping but not words', () => {
    const [a] = splitProvisions('We collect your email\naddress.');
    const [b] = splitProvisions('We collect your email address.');
    const [c] = splitProvisions('We collect your postal address.');
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
  });
});
