/** A record's JSON, encoded once (UTF-8, off the JS heap) and sent as is on every hit. */
interface Entry {
  body: Buffer;
  storedAt: number;
}

/** Time-derived fields (a document flagged after 24 h of failures, months monitored) are refreshed at least this often. */
export const RECORD_CACHE_MAX_AGE_MS = 60_000;

/**
 * Records as the API serializes them, by record ID, bounded in bytes. It only answers while its
 * source of invalidations (RecordChangesListener) is connected: `enable()` once listening,
 * `disable()` when the connection drops (which also forgets everything, since notifications may
 * be missed meanwhile). A value read from the database is stored only if no invalidation arrived
 * since the read began (`begin()` → `set()`), so a read racing a commit never pins the old JSON.
 */
export class RecordCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private generation = 0;
  private enabled = false;

  constructor(
    private readonly maxBytes: number,
    private readonly maxAgeMs = RECORD_CACHE_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  get(id: string): Buffer | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    // Nothing is stored while disabled (disable() empties it), so only the age needs checking.
    if (this.now() - entry.storedAt > this.maxAgeMs) {
      this.remove(id, entry);
      return undefined;
    }
    // Most recently used goes last: Map keeps insertion order.
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.body;
  }

  /** A token for `set`: any invalidation after this call makes that `set` a no-op. */
  begin(): number {
    return this.generation;
  }

  set(id: string, body: Buffer, token: number): void {
    const size = entrySize(id, body);
    if (!this.enabled || token !== this.generation || size > this.maxBytes) return;
    const old = this.entries.get(id);
    if (old) this.remove(id, old);
    this.entries.set(id, { body, storedAt: this.now() });
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, entry);
    }
  }

  /** Forgets the named records (all of them when `ids` is 'all'). */
  invalidate(ids: readonly string[] | 'all'): void {
    this.generation += 1;
    if (ids === 'all') {
      this.entries.clear();
      this.bytes = 0;
      return;
    }
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry) this.remove(id, entry);
    }
  }

  enable(): void {
    this.invalidate('all');
    this.enabled = this.maxBytes > 0;
  }

  disable(): void {
    this.enabled = false;
    this.invalidate('all');
  }

  private remove(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.bytes -= entrySize(id, entry.body);
  }
}

/** The encoded JSON plus a rough allowance for the key and the map entry. */
function entrySize(id: string, body: Buffer): number {
  return body.length + 2 * id.length + 64;
}
