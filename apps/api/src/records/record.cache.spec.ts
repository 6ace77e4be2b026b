import { RecordCache } from './record.cache';

const json = (text: string): Buffer => Buffer.from(text);

describe('RecordCache', () => {
  let clock = 0;
  const cacheOf = (maxBytes = 1_000_000, maxAgeMs = 60_000): RecordCache => {
    const cache = new RecordCache(maxBytes, maxAgeMs, () => clock);
    cache.enable();
    return cache;
  };

  beforeEach(() => {
    clock = 0;
  });

  it('answers what was stored, until the record is invalidated', () => {
    const cache = cacheOf();
    cache.set('CW-V-0000001', json('{"a":1}'), cache.begin());
    expect(cache.get('CW-V-0000001')?.toString()).toBe('{"a":1}');
    cache.invalidate(['CW-V-0000002']);
    expect(cache.get('CW-V-0000001')?.toString()).toBe('{"a":1}');
    cache.invalidate(['CW-V-0000001']);
    expect(cache.get('CW-V-0000001')).toBeUndefined();
  });

  it('drops a value read before an invalidation arrived (a read racing a commit)', () => {
    const cache = cacheOf();
    const token = cache.begin();
    cache.invalidate(['CW-D-00001']);
    cache.set('CW-V-0000001', json('old'), token);
    expect(cache.get('CW-V-0000001')).toBeUndefined();
    cache.set('CW-V-0000001', json('new'), cache.begin());
    expect(cache.get('CW-V-0000001')?.toString()).toBe('new');
  });

  it('stores nothing and answers nothing while disabled, and forgets everything when disabled', () => {
    const cache = new RecordCache(1_000_000, 60_000, () => clock);
    cache.set('a', json('x'), cache.begin());
    expect(cache.get('a')).toBeUndefined();
    cache.enable();
    cache.set('a', json('x'), cache.begin());
    cache.disable();
    expect(cache.size).toBe(0);
    cache.enable();
    expect(cache.get('a')).toBeUndefined();
  });

  it('is off with a budget of zero bytes', () => {
    const cache = cacheOf(0);
    cache.set('a', json('x'), cache.begin());
    expect(cache.get('a')).toBeUndefined();
    expect(cache.isEnabled).toBe(false);
  });

  it('evicts the least recently used records beyond its byte budget', () => {
    // Each entry: 9 bytes of JSON + 2 for the key + 64 for the entry = 75 bytes.
    const cache = cacheOf(225);
    for (const id of ['a', 'b', 'c']) cache.set(id, json('123456789'), cache.begin());
    cache.get('a');
    cache.set('d', json('123456789'), cache.begin());
    expect(['a', 'b', 'c', 'd'].filter((id) => cache.get(id) !== undefined)).toEqual(['a', 'c', 'd']);
    cache.set('huge', json('x'.repeat(300)), cache.begin());
    expect(cache.get('huge')).toBeUndefined();
  });

  it('refreshes a record older than its maximum age', () => {
    const cache = cacheOf(1_000_000, 1000);
    cache.set('a', json('x'), cache.begin());
    clock = 1000;
    expect(cache.get('a')?.toString()).toBe('x');
    clock = 1001;
    expect(cache.get('a')).toBeUndefined();
  });
});
