import { clearCosmeticKeys, cosmeticKey, rememberedCosmeticKeyChars } from './text.normalizer';

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
