import { MigrationInterface, QueryRunner } from 'typeorm';

/** Above this many IDs in one statement, say "everything" (a NOTIFY payload holds < 8,000 bytes). */
const MAX_NAMED_IDS = 400;

/**
 * Which records' JSON a write can change, per table; every other process (an API holding
 * serialized records) hears it on NOTIFY `clausewatch_records` when the transaction commits.
 * Statement-level triggers with transition tables: one notification per statement, not per row.
 * Rare writes that show up in many records (renaming a platform, editing a document, deleting
 * anything) say `*`.
 */
export const AFFECTED = `
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('clausewatch_records', '*');
    RETURN NULL;
  END IF;
  CASE TG_TABLE_NAME
    WHEN 'platforms' THEN
      IF TG_OP = 'UPDATE' THEN PERFORM pg_notify('clausewatch_records', '*'); RETURN NULL; END IF;
      SELECT array_agg(record_id) INTO ids FROM changed;
    WHEN 'documents' THEN
      IF TG_OP = 'UPDATE' THEN PERFORM pg_notify('clausewatch_records', '*'); RETURN NULL; END IF;
      -- A new document is listed in its platform's record.
      SELECT array_agg(DISTINCT x) INTO ids FROM (
        SELECT record_id AS x FROM changed UNION SELECT p.record_id FROM platforms p JOIN changed c ON c.platform_id = p.id) s;
    WHEN 'checks' THEN
      -- A check changes the health shown in its document's record.
      SELECT array_agg(DISTINCT d.record_id) INTO ids FROM documents d JOIN changed c ON c.document_id = d.id;
    WHEN 'versions' THEN
      SELECT array_agg(record_id) INTO ids FROM changed;
    WHEN 'change_records' THEN
      -- A version's record embeds the change that produced it.
      SELECT array_agg(DISTINCT x) INTO ids FROM (
        SELECT record_id AS x FROM changed UNION SELECT v.record_id FROM versions v JOIN changed c ON c.to_version_id = v.id) s;
    WHEN 'provisions' THEN
      SELECT array_agg(record_id) INTO ids FROM changed;
    WHEN 'version_provisions' THEN
      -- A provision's record lists every version that held it.
      SELECT array_agg(DISTINCT p.record_id) INTO ids FROM provisions p JOIN changed c ON c.provision_id = p.id;
  END CASE;
  IF ids IS NULL THEN RETURN NULL; END IF;
  IF cardinality(ids) > ${MAX_NAMED_IDS} THEN
    PERFORM pg_notify('clausewatch_records', '*');
  ELSE
    PERFORM pg_notify('clausewatch_records', array_to_string(ids, ','));
  END IF;
  RETURN NULL;`;

const TABLES = ['platforms', 'documents', 'checks', 'versions', 'change_records', 'provisions', 'version_provisions'];

export class RecordChanges1796000000001 implements MigrationInterface {
  name = 'RecordChanges1796000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION notify_record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids text[];
      BEGIN${AFFECTED}
      END $$`);
    for (const table of TABLES) {
      // A trigger with transition tables takes one event, so three per table.
      await queryRunner.query(`CREATE TRIGGER record_changes_insert AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_record_changes()`);
      await queryRunner.query(`CREATE TRIGGER record_changes_update AFTER UPDATE ON "${table}" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_record_changes()`);
      await queryRunner.query(`CREATE TRIGGER record_changes_delete AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_record_changes()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const event of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER record_changes_${event} ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION notify_record_changes()`);
  }
}
