import type { VersionIntegrity } from '@clausewatch/db';

export interface RecordVerification {
  id: string;
  ok: boolean;
  status: string;
  versions: VersionIntegrity[];
}

/**
 * Bytes of results remembered (as JSON; the least recently asked goes first): a platform's record
 * lists every version it rests on, so a count of entries would not bound the memory.
 */
export const VERIFICATION_CACHE_BYTES = 16 * 1024 * 1024;
/**
 * A result is recomputed at least this often even when its stamp still matches: the stamp covers the
 * rows behind a record, not the ledger's inner nodes, whose rewriting only the re-hash would show.
 */
export const VERIFICATION_CACHE_MAX_AGE_MS = 10 * 60_000;

interface Entry {
  stamp: string;
  storedAt: number;
  bytes: number;
  result: RecordVerification;
}

/**
 * Verification results per record, reused while the data they rest on is unchanged (same stamp:
 * see RecordIntegrityService.verificationStamp), and one computation per record and stamp at a time:
 * twenty clients asking for the same record while it is being verified wait for that one result.
 */
export class VerificationCache {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<RecordVerification>>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = VERIFICATION_CACHE_BYTES,
    private readonly maxAgeMs = VERIFICATION_CACHE_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The stored result, or the one being computed, for this record at this stamp; else `compute()`'s, stored. */
  async resolve(recordId: string, stamp: string, compute: () => Promise<RecordVerification>): Promise<RecordVerification> {
    const cached = this.fresh(recordId, stamp);
    if (cached) return cached;
    const key = `${recordId}\u0000${stamp}`;
    const pending = this.running.get(key);
    if (pending) return pending;
    const computing = compute()
      .then((result) => {
        this.store(recordId, stamp, result);
        return result;
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, computing);
    return computing;
  }

  private fresh(recordId: string, stamp: string): RecordVerification | null {
    const entry = this.entries.get(recordId);
    if (!entry) return null;
    if (entry.stamp !== stamp || this.now() - entry.storedAt > this.maxAgeMs) {
      this.remove(recordId);
      return null;
    }
    // Most recently used goes last: a Map keeps insertion order.
    this.entries.delete(recordId);
    this.entries.set(recordId, entry);
    return entry.result;
  }

  private store(recordId: string, stamp: string, result: RecordVerification): void {
    this.remove(recordId);
    const bytes = Buffer.byteLength(JSON.stringify(result)) + recordId.length + stamp.length;
    if (bytes > this.maxBytes) return;
    this.entries.set(recordId, { stamp, storedAt: this.now(), bytes, result });
    this.bytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(recordId: string): void {
    const entry = this.entries.get(recordId);
    if (!entry) return;
    this.entries.delete(recordId);
    this.bytes -= entry.bytes;
  }
}
