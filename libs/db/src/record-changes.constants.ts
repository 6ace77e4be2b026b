/**
 * PostgreSQL NOTIFY channel on which the database announces the record IDs whose JSON may have
 * changed when a transaction commits (triggers of migration RecordChanges1796000000001): a list
 * separated by commas, or `*` when too many changed at once to name (then forget everything).
 */
export const RECORD_CHANGES_CHANNEL = 'clausewatch_records';

/** The payload meaning "anything may have changed". */
export const ALL_RECORDS_CHANGED = '*';
