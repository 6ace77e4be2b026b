import { FETCHER_KINDS, isFetcherKind } from './fetcher.types';

describe('isFetcherKind', () => {
  it.each(FETCHER_KINDS)('accepts %s', (kind) => {
    expect(isFetcherKind(kind)).toBe(true);
  });

  it.each([undefined, '', 'Browser', 'curl', 'auto ', 1, null])('refuses %p', (value) => {
    expect(isFetcherKind(value)).toBe(false);
  });
});
