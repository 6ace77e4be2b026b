import { isTransient, retryDelayMs } from './retry.policy';

describe('retryDelayMs', () => {
  const opts = { baseMs: 1000, maxMs: 60_000 };

  it('doubles per attempt, between half and all of the exponential step', () => {
    expect(retryDelayMs(1, { ...opts, random: () => 0 })).toBe(500);
    expect(retryDelayMs(1, { ...opts, random: () => 0.999999 })).toBe(1000);
    expect(retryDelayMs(2, { ...opts, random: () => 0 })).toBe(1000);
    expect(retryDelayMs(4, { ...opts, random: () => 0.5 })).toBe(6000);
  });

  it('never exceeds the cap, even for absurd attempt numbers', () => {
    for (const attempt of [7, 30, 1000, Number.MAX_SAFE_INTEGER]) {
      const delay = retryDelayMs(attempt, { ...opts, random: () => 0.999999 });
      expect(delay).toBeLessThanOrEqual(60_000);
      expect(delay).toBeGreaterThanOrEqual(30_000);
    }
  });

  it('spreads retries with jitter', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, opts)));
    expect(delays.size).toBeGreaterThan(10);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(2000);
  });

  it('treats nonsense attempts as the first retry', () => {
    expect(retryDelayMs(0, { ...opts, random: () => 0 })).toBe(500);
    expect(retryDelayMs(-3, { ...opts, random: () => 0 })).toBe(500);
    expect(retryDelayMs(Number.NaN, { ...opts, random: () => 0 })).toBe(500);
  });

  it('uses minutes-to-hours defaults suited to crawling', () => {
    expect(retryDelayMs(1, { random: () => 0 })).toBe(30_000);
    expect(retryDelayMs(100, { random: () => 0.999999 })).toBeLessThanOrEqual(6 * 3600_000);
  });
});

describe('isTransient', () => {
  it.each([
    ['timeout', undefined, true],
    ['network-error', undefined, true],
    ['truncated', undefined, true],
    ['blocked', 200, true],
    ['http-error', 503, true],
    ['http-error', 429, true],
    ['http-error', 404, false],
    ['http-error', 403, false],
    ['ok', 200, false],
    ['not-modified', 304, false],
    ['selector-missing', 200, false],
  ] as const)('%s (HTTP %s) → %s', (outcome, status, expected) => {
    expect(isTransient(outcome, status)).toBe(expected);
  });
});
