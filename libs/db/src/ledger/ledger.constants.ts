import { DEFAULT_LEDGER_ORIGIN } from '@clausewatch/records';

/** `pg_advisory_xact_lock` key that serialises ledger appends across processes ("CWLEDGER" in ASCII). */
export const LEDGER_LOCK_KEY = '4347574c45444745';

/** Separate key for creating the signing key once, even when two processes start together. */
export const LEDGER_KEY_LOCK_KEY = '4347574b45590000';

export const LEDGER_ORIGIN = DEFAULT_LEDGER_ORIGIN;

/** Leaves read per round trip when the whole log is re-checked. */
export const LEDGER_AUDIT_BATCH = 5000;
