import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A back-dated capture is inserted in time order: the change record that spanned its place is kept
 * (its ID stays valid) but superseded by the two records that replace it. Only one current (not
 * superseded) change record may lead to a version.
 */
export class ChangeSupersession1797500000000 implements MigrationInterface {
  name = 'ChangeSupersession1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "change_records" ADD "superseded_by" jsonb`);
    await queryRunner.query(`ALTER TABLE "change_records" DROP CONSTRAINT "UQ_9729cf6cb278d5a0c40c4d82922"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_change_records_current_to_version" ON "change_records" ("to_version_id") WHERE superseded_by IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_change_records_current_to_version"`);
    await queryRunner.query(`DELETE FROM "change_records" WHERE superseded_by IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "change_records" ADD CONSTRAINT "UQ_9729cf6cb278d5a0c40c4d82922" UNIQUE ("to_version_id")`);
    await queryRunner.query(`ALTER TABLE "change_records" DROP COLUMN "superseded_by"`);
  }
}
