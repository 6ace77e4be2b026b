import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a capture's provision lineage cost PostgreSQL, per capture, beyond the rows it writes:
 * - The search words were recomputed for every provision a new version continues: `UPDATE OF text` fires
 *   whenever `text` is assigned, even to the same value, and the lineage assigns it for every kept
 *   provision (one `to_tsvector` per clause of the page: the lineage statement took 13.1–13.8 ms per capture
 *   in the write-path bench, 8.4 ms without). Now only an inserted provision or a text that differs is
 *   parsed again.
 * - The record-changes trigger on version_provisions finds the change records leading to the versions it
 *   touched by `to_version_id`, which only a partial index (current records) covered: a sequential scan
 *   of every change record, per capture. A plain index serves it.
 * - Every capture updates each provision its new version continues (last seen), and the table's pages were
 *   full, so nearly every update was a new tuple on another page with new entries in all four indexes (two
 *   GIN). With half of each page left free the updates stay on their page and write no index entry (HOT:
 *   2,672 of 2,754 updates in the write-path bench, 158 of 2,244 before). Rows written from now on leave
 *   that room; rows already there get it when the table is next rewritten (VACUUM FULL), not here.
 */
export class LineageWriteCosts1798500000000 implements MigrationInterface {
  name = 'LineageWriteCosts1798500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER provisions_search_vector ON provisions`);
    await queryRunner.query(`CREATE TRIGGER provisions_search_vector_insert BEFORE INSERT ON provisions FOR EACH ROW EXECUTE FUNCTION provisions_search_vector()`);
    await queryRunner.query(
      `CREATE TRIGGER provisions_search_vector_update BEFORE UPDATE OF text ON provisions FOR EACH ROW WHEN (OLD.text IS DISTINCT FROM NEW.text) EXECUTE FUNCTION provisions_search_vector()`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_change_records_to_version" ON "change_records" ("to_version_id")`);
    await queryRunner.query(`ALTER TABLE provisions SET (fillfactor = 50)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE provisions RESET (fillfactor)`);
    await queryRunner.query(`DROP INDEX "IDX_change_records_to_version"`);
    await queryRunner.query(`DROP TRIGGER provisions_search_vector_update ON provisions`);
    await queryRunner.query(`DROP TRIGGER provisions_search_vector_insert ON provisions`);
    await queryRunner.query(
      `CREATE TRIGGER provisions_search_vector BEFORE INSERT OR UPDATE OF text ON provisions FOR EACH ROW EXECUTE FUNCTION provisions_search_vector()`,
    );
  }
}
