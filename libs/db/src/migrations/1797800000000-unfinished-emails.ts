import { MigrationInterface, QueryRunner } from 'typeorm';

/** Partial indexes over the unfinished emails: a claim no longer walks past every email ever sent. */
export class UnfinishedEmails1797800000000 implements MigrationInterface {
  name = 'UnfinishedEmails1797800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_9b960a167f96973da8e03bda78" ON "emails"  ("id") WHERE "status" IN ('pending', 'sending')`);
    await queryRunner.query(`CREATE INDEX "IDX_66cf005b184f201fc313a29676" ON "emails"  ("batch_key") WHERE "status" IN ('pending', 'sending') AND "batch_key" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_66cf005b184f201fc313a29676"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9b960a167f96973da8e03bda78"`);
  }
}
