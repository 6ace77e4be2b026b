import { MigrationInterface, QueryRunner } from 'typeorm';
import { AFFECTED } from './1796000000001-record-changes';

const HELD_BY_PROVISIONS = `    WHEN 'version_provisions' THEN
      -- A provision's record lists every version that held it.
      SELECT array_agg(DISTINCT p.record_id) INTO ids FROM provisions p JOIN changed c ON c.provision_id = p.id;`;

/**
 * A version's record lists its provisions and a change record names the provisions of its clauses: a
 * new version's provisions are heard for its record and the change leading to it as well; rewriting
 * which provisions versions hold (a back-dated capture gives later versions the IDs of time order,
 * rare and touching many records) says "everything".
 */
const HELD_BY_ALL = `    WHEN 'version_provisions' THEN
      IF TG_OP = 'UPDATE' THEN PERFORM pg_notify('clausewatch_records', '*'); RETURN NULL; END IF;
      -- A provision's record lists every version that held it; a version's record its provisions; a change record its clauses' provisions.
      SELECT array_agg(DISTINCT x) INTO ids FROM (
        SELECT p.record_id AS x FROM provisions p JOIN (SELECT DISTINCT provision_id FROM changed) c ON c.provision_id = p.id
        UNION SELECT v.record_id FROM versions v JOIN (SELECT DISTINCT version_id FROM changed) c ON c.version_id = v.id
        UNION SELECT r.record_id FROM change_records r JOIN (SELECT DISTINCT version_id FROM changed) c ON c.version_id = r.to_version_id) s;`;

function notifyFunction(body: string): string {
  return `CREATE OR REPLACE FUNCTION notify_record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids text[];
      BEGIN${body}
      END $$`;
}

export class VersionProvisionsNotify1798300000001 implements MigrationInterface {
  name = 'VersionProvisionsNotify1798300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!AFFECTED.includes(HELD_BY_PROVISIONS)) throw new Error('notify_record_changes: the version_provisions branch is not the one this migration replaces');
    await queryRunner.query(notifyFunction(AFFECTED.replace(HELD_BY_PROVISIONS, HELD_BY_ALL)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(notifyFunction(AFFECTED));
  }
}
