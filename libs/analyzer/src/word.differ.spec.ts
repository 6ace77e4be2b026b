import { forEachToken, TOKEN_PATTERN, wordDiff } from './word.differ';

function tokens(text: string): string[] {
  const found: string[] = [];
  forEachToken(text, (start, end) => found.push(text.slice(start, end)));
  return found;
}

// Texts of every kind the tokens must agree on: ASCII, accented and non-Latin letters and digits, Unicode spaces,
// curly quotes and dashes, characters beyond the Basic Multilingual Plane (letters and emoji), and lone surrogates.
const TEXTS = [
  '',
  'We may share your data with partners, e.g. advertisers (see Section 4.2).',
  '  leading and trailing spaces\t\nand\r\nline breaks  ',
  'Vous pouvez vous opposer à tout moment — sans frais. Daten: “Name”, ‘E-Mail’ … 12½',
  'non\u00a0breaking\u2009thin\u3000ideographic\u2028line\ufeffmark',
  'Числа ١٢٣ ٤ and 中文字符 日本語のテキスト',
  '𝐁𝐨𝐥𝐝 letters 𝟏𝟐 and emoji 😀👍 mixed😀in',
  'lone \ud800 high and \udc00 low surrogates\ud83d',
  "it's a shopper's right—don't",
];

describe('forEachToken', () => {
  test.each(TEXTS)('cuts %j into the tokens TOKEN_PATTERN matches', (text) => {
    expect(tokens(text)).toEqual(text.match(TOKEN_PATTERN) ?? []);
  });

  test('agrees with TOKEN_PATTERN on every character of the Basic Multilingual Plane, alone and in runs', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const text = `a${ch}${ch}b ${ch}1`;
      if (JSON.stringify(tokens(text)) !== JSON.stringify(text.match(TOKEN_PATTERN))) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});

describe('wordDiff', () => {
  test('diffs whole words and keeps every character of both texts', () => {
    const before = 'We may share your data with partners. (item 4)';
    const after = 'We and our affiliates may share your data with partners; this applies from 2026 (item 4)';
    expect(wordDiff(before, after)).toEqual([
      { op: 'equal', text: 'We ' },
      { op: 'insert', text: 'and our affiliates ' },
      { op: 'equal', text: 'may share your data with partners' },
      { op: 'delete', text: '.' },
      { op: 'insert', text: '; this applies from 2026' },
      { op: 'equal', text: ' (item 4)' },
    ]);
  });

  test('a text with curly quotes and one without share the codes of the tokens they share', () => {
    expect(wordDiff('You can’t opt out of “sales” of data.', "You can't opt out of sales of data.")).toEqual([
      { op: 'equal', text: 'You can' },
      { op: 'delete', text: '’' },
      { op: 'insert', text: "'" },
      { op: 'equal', text: 't opt out of ' },
      { op: 'delete', text: '“sales”' },
      { op: 'insert', text: 'sales' },
      { op: 'equal', text: ' of data.' },
    ]);
  });
});
