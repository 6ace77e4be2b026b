import { clearCosmeticKeys, cosmeticKey, isDateStamp, rememberedCosmeticKeyChars, unnumberedKey } from './text.normalizer';

describe('cosmeticKey memo', () => {
  beforeEach(() => clearCosmeticKeys());

  test('gives the same key whether remembered or not', () => {
    const text = 'We “may” share — your DATA…';
    const first = cosmeticKey(text);
    expect(cosmeticKey(text)).toBe(first);
    expect(first).toBe('we may share your data');
  });

  test('does not hold a whole document', () => {
    cosmeticKey('We keep your data for thirty days. '.repeat(20_000));
    expect(rememberedCosmeticKeyChars()).toBe(0);
  });

  test('stays within its character budget however long the clauses are', () => {
    for (let i = 0; i < 400; i++) cosmeticKey(`${i} We keep your data for as long as your account is open. `.repeat(300));
    expect(rememberedCosmeticKeyChars()).toBeLessThanOrEqual(4_000_000);
    expect(rememberedCosmeticKeyChars()).toBeGreaterThan(0);
  });
});

describe('unnumberedKey', () => {
  test.each([
    ['2.3 Your choices', 'your choices'],
    ['2.3. Your choices', 'your choices'],
    ['4) Your choices', 'your choices'],
    ['(2) Your choices', 'your choices'],
    ['a) Your choices', 'your choices'],
    ['b. Your choices', 'your choices'],
    ['(c) Your choices', 'your choices'],
    ['iv. Your choices', 'your choices'],
    ['(iv) Your choices', 'your choices'],
    ['Section 7 Your choices', 'your choices'],
    ['Article IV Your choices', 'your choices'],
    ['§ 3 Your choices', 'your choices'],
  ])('removes the section number of %p', (text, key) => {
    expect(unnumberedKey(text)).toBe(key);
  });

  // A single letter or roman numeral with no "." or ")" and no parentheses is a word, not a list marker.
  test.each([
    ['A user may delete their account.', 'a user may delete their account'],
    ['I agree to these terms.', 'i agree to these terms'],
    ['X may end this agreement.', 'x may end this agreement'],
    ['Civil claims are excluded.', 'civil claims are excluded'],
  ])('keeps the leading word of %p', (text, key) => {
    expect(unnumberedKey(text)).toBe(key);
  });
});

describe('cosmeticKey typography', () => {
  // An export that drops apostrophes or curly quotes changes typography, not words.
  test.each([
    ['The Member’s posts', "The Member's posts"],
    ['The Member’s posts', 'The Members posts'],
    ['“Paid Services” renew monthly.', 'Paid Services renew monthly.'],
  ])('%p and %p have the same key', (a, b) => {
    expect(cosmeticKey(a)).toBe(cosmeticKey(b));
  });

  test('a quote mark between words is not joined into them', () => {
    expect(cosmeticKey("the 'Service' terms")).toBe('the service terms');
  });

  // The keys of texts that are ASCII once straightened are built in one pass: the same keys as the replacements give.
  test.each([
    ['  We DON’T sell—ever…  ', 'we dont sell ever'],
    ['l’été', 'lété'],
    ['it`s', 'it s'],
    ['it`s ’', 'its'],
    ["9'a 9'9 a''b 'a b'", '9a 9 9 a b a b'],
    ['A\u00a0B\u200bC “D”', 'a b c d'],
    ['Straße’s rules', 'straßes rules'],
    ['—…', ''],
  ])('%p has the key %p', (text, key) => {
    expect(cosmeticKey(text)).toBe(key);
  });

  test('a text longer than the reused room gets the same key as its parts', () => {
    const part = 'We keep “Your” data’s copy for 30 DAYS. ';
    expect(cosmeticKey(part.repeat(3000))).toBe(Array(3000).fill(cosmeticKey(part)).join(' '));
  });
});

describe('isDateStamp', () => {
  test.each(['Last updated: March 3, 2024', 'Updated 2024-05-01T09:15:00Z by Anna Berg', 'Effective date 2024-01-02 12:30', 'Effective Date XXXX XX, 2026', 'Last revised __ __, 2025', 'Dated: 9 June 2021', 'Posted on 4 May 2019', 'Last reviewed: 2022-02-01', 'Effective: June 4, 2024 (earlier versions)', 'September 2025', 'March 3, 2024.', 'Updated as of December 31, 2019', 'Amended on 2 May 2021'])('%p is a date stamp', (text) => {
    expect(isDateStamp(text)).toBe(true);
  });

  test.each(['Updated 2024-05-01 by the board to require arbitration of every claim', 'Effective immediately, we may suspend accounts', 'Updated terms apply to XXXX accounts', 'Posted content may be removed at any time', 'Dated material is archived after 2 years', 'We changed these terms in September 2025.', 'Effective: June 4, 2024 (unless you opt out of arbitration within 30 days)', 'Updated as of December 31, 2019, your data is kept for two years'])('%p is not a date stamp', (text) => {
    expect(isDateStamp(text)).toBe(false);
  });
});

describe('isDateStamp: in other languages', () => {
  test.each(['Dernière mise à jour : 1er mai 2024', 'Mis à jour le 3 mars 2024', 'En vigueur au 12 février 2025', 'Stand: 1. März 2024', 'Zuletzt aktualisiert am 3. Juni 2025', 'Última actualización: 1 de mayo de 2024', 'Fecha de entrada en vigor: 3 de junio de 2025', 'Ultimo aggiornamento: 4 luglio 2024', 'Última atualização: 1º de maio de 2024', 'Laatst bijgewerkt op 2 mei 2024', '更新日期：2024年08月07日', '生效日期：2025年5月28日', '最終更新日：2024年4月1日', '시행일: 2024년 8월 7일', 'juillet 2024'])('%p is a date stamp', (text) => {
    expect(isDateStamp(text)).toBe(true);
  });

  test.each(['Nous pouvons modifier ces conditions le 1er mai 2024 au plus tard.', 'Stand der Technik: Verschlüsselung seit März 2024 für alle Konten', 'Actualizamos estas condiciones el 1 de mayo de 2024 para incluir el arbitraje.', '我们于2024年8月7日更新了本政策，新增了人脸识别功能。'])('%p is not a date stamp', (text) => {
    expect(isDateStamp(text)).toBe(false);
  });
});

describe('cosmeticKey: UTF-8 a capture read as Latin-1', () => {
  test('"\u00e2\u0080\u009cService\u00e2\u0080\u009d" is the same words as "“Service”", and "\u00c3\u00bcber" as "über"', () => {
    expect(cosmeticKey('the related services (the \u00e2\u0080\u009cService\u00e2\u0080\u009d)')).toBe(cosmeticKey('the related services (the “Service”)'));
    expect(cosmeticKey('\u00c3\u00bcber uns')).toBe(cosmeticKey('über uns'));
  });

  test('text that does not decode as UTF-8 is kept as it is ("Ã" before a plain letter)', () => {
    expect(cosmeticKey('SÃO PAULO')).toBe('são paulo');
  });
});
