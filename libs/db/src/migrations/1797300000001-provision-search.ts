import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over provisions (GET /api/v1/provisions?q=) and their clause types (&type=). The words
 * are stored (a trigger keeps them with the text), so neither a search nor its recheck re-parses a text;
 * GIN indexes on both. The entity names the indexes with `synchronize: false` (jsonb_path_ops is not
 * expressible there).
 */
export class ProvisionSearch1797300000001 implements MigrationInterface {
  name = 'ProvisionSearch1797300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "provisions" ADD "search_vector" tsvector`);
    await queryRunner.query(`
      CREATE FUNCTION provisions_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := to_tsvector('english', NEW.text);
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER provisions_search_vector BEFORE INSERT OR UPDATE OF text ON provisions FOR EACH ROW EXECUTE FUNCTION provisions_search_vector()`,
    );
    await queryRunner.query(`UPDATE provisions SET search_vector = to_tsvector('english', text)`);
    await queryRunner.query(`CREATE INDEX "provisions_text_search" ON "provisions" USING GIN ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "provisions_clause_types" ON "provisions" USING GIN ("clause_types" jsonb_path_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "provisions_clause_types"`);
    await queryRunner.query(`DROP INDEX "provisions_text_search"`);
    await queryRunner.query(`DROP TRIGGER provisions_search_vector ON provisions`);
    await queryRunner.query(`DROP FUNCTION provisions_search_vector()`);
    await queryRunner.query(`ALTER TABLE "provisions" DROP COLUMN "search_vector"`);
  }
}
