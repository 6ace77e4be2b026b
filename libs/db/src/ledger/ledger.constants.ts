import { DEFAULT_LEDGER_ORIGIN } from '@clausewatch/records';

/** `pg_advisory_xact_lock` key that serialises ledger appends across processes ("CWLEDGER" in ASCII). */
export const LEDGER_LOCK_KEY = '4347574c45444745';

/** Separate key for creating the signing key once, even when two processes start together. */
export const LEDGER_KEY_LOCK_KEY = '4347574b45590000';

export const LEDGER_ORIGIN = DEFAULT_LEDGER_ORIGIN;

/** Leaves read per round trip when the whole log is re-checked. */
export const LEDGER_AUDIT_BATCH = 5000;

/** The advisory lock key as the signed bigint PostgreSQL takes. */
export const LEDGER_LOCK_ID = BigInt.asIntN(64, BigInt(`0x${LEDGER_LOCK_KEY}`)).toString();

/** Pending versions appended per batch (one lock, one COMMIT); more wait for the next batch, right after. */
export const LEDGER_BATCH_MAX = 500;

/** A batch that fails is tried this many times in a row before its waiters are told (the versions stay pending). */
export const LEDGER_APPEND_ATTEMPTS = 3;

/** How often each process appends versions a crash left pending (they are also taken by any batch, and at start). */
export const LEDGER_SWEEP_INTERVAL_MS = 30_000;

/** Above this many record IDs a batch announces `*` (as the record-changes trigger does: a NOTIFY payload holds < 8,000 bytes). */
export const RECORD_CHANGES_MAX_IDS = 400;

/** A version pending longer than this is a problem in the audit (normally a few milliseconds; at worst one sweep interval). */
export const LEDGER_PENDING_STALE_MS = 10 * 60_000;
