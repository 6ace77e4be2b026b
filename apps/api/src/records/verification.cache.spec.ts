import { RecordVerification, VerificationCache } from './verification.cache';

const result = (id: string, ok = true): RecordVerification => ({ id, ok, status: ok ? 'verified' : 'mismatch', versions: [] });

describe('VerificationCache', () => {
  it('reuses a result while the stamp is the same, and recomputes when it changes', async () => {
    const cache = new VerificationCache();
    const compute = jest.fn(async () => result('CW-D-1'));
    expect(await cache.resolve('CW-D-1', 'a', compute)).toEqual(result('CW-D-1'));
    await cache.resolve('CW-D-1', 'a', compute);
    expect(compute).toHaveBeenCalledTimes(1);
    const changed = jest.fn(async () => result('CW-D-1', false));
    expect((await cache.resolve('CW-D-1', 'b', changed)).ok).toBe(false);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('computes once for concurrent requests of the same record and stamp', async () => {
    const cache = new VerificationCache();
    let release: () => void = () => undefined;
    const compute = jest.fn(() => new Promise<RecordVerification>((resolve) => (release = () => resolve(result('CW-D-1')))));
    const all = Promise.all(Array.from({ length: 20 }, () => cache.resolve('CW-D-1', 'a', compute)));
    release();
    expect((await all).every((r) => r.ok)).toBe(true);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('keeps no failed computation: the next request tries again', async () => {
    const cache = new VerificationCache();
    await expect(cache.resolve('CW-D-1', 'a', async () => Promise.reject(new Error('busy')))).rejects.toThrow('busy');
    const compute = jest.fn(async () => result('CW-D-1'));
    await cache.resolve('CW-D-1', 'a', compute);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('recomputes past its maximum age and forgets the least recently asked beyond its size in bytes', async () => {
    let now = 0;
    // Room for two of these results (about 60 bytes each as JSON), not three.
    const cache = new VerificationCache(150, 1000, () => now);
    const compute = jest.fn(async () => result('x'));
    await cache.resolve('A', 's', compute);
    now = 1001;
    await cache.resolve('A', 's', compute);
    expect(compute).toHaveBeenCalledTimes(2);
    await cache.resolve('B', 's', compute);
    await cache.resolve('A', 's', compute); // A is now the most recently asked
    await cache.resolve('C', 's', compute); // B goes
    expect(cache.size).toBe(2);
    expect(compute).toHaveBeenCalledTimes(4);
    await cache.resolve('A', 's', compute);
    expect(compute).toHaveBeenCalledTimes(4);
    await cache.resolve('B', 's', compute);
    expect(compute).toHaveBeenCalledTimes(5);
  });

  it('keeps no result larger than its whole size', async () => {
    const cache = new VerificationCache(100);
    const big = { ...result('A'), status: 'x'.repeat(200) };
    const compute = jest.fn(async () => big);
    await cache.resolve('A', 's', compute);
    await cache.resolve('A', 's', compute);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });
});
