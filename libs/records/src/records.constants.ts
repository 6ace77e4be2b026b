// Fixed values of the ledger and record formats. Changing any of them changes the bytes that
// outsiders re-hash, so each change needs a new schema/version string, never an edit in place.

/** RFC 6962 §2.1 domain separation prefixes. */
export const LEAF_HASH_PREFIX = 0x00;
export const NODE_HASH_PREFIX = 0x01;
export const HASH_BYTES = 32;

/** Marks the leaf layout so that a future layout can coexist in the same log. */
export const VERSION_LEAF_SCHEMA = 'clausewatch.version-leaf/1';

/** Default origin line of signed tree heads (the log's name, first line of the checkpoint body). */
export const DEFAULT_LEDGER_ORIGIN = 'clausewatch.ledger/v1';

export const DEFAULT_RECORD_ID_PREFIX = 'CW';

/** Minimum zero-padded width of the number in `<PREFIX>-<KIND>-<NUMBER>`; wider numbers are allowed. */
export const RECORD_KIND_WIDTHS = { E: 5, D: 5, V: 7, P: 6, C: 6 } as const;

export const RECORD_KIND_LABELS = {
  E: 'platform',
  D: 'document',
  V: 'version',
  P: 'provision',
  C: 'change record',
} as const;

export const RECORD_ID_PREFIX_PATTERN = /^[A-Z0-9]{1,16}$/;

export const CITATION_PUBLISHER = 'Clausewatch';
