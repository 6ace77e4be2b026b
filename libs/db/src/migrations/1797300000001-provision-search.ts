import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over provisions (GET /api/v1/provisions?q=) and their clause types (&type=).
 * Expression indexes: the entity names them with `synchronize: false` so the schema check leaves them be.
 */
export class ProvisionSearch1797300000001 implements MigrationInterface {
  name = 'ProvisionSearch1797300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "provisions_text_search" ON "provisions" USING GIN (to_tsvector('english', "text"))`);
    await queryRunner.query(`CREATE INDEX "provisions_clause_types" ON "provisions" USING GIN ("clause_types" jsonb_path_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "provisions_clause_types"`);
    await queryRunner.query(`DROP INDEX "provisions_text_search"`);
  }
}
