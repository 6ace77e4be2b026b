import { MigrationInterface, QueryRunner } from 'typeorm';

export class FollowsByClauseType1797100000001 implements MigrationInterface {
  name = 'FollowsByClauseType1797100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_d0427cd9138792f42de7ce9ca5" ON "follows"  ("clause_type") WHERE "clause_type" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_d0427cd9138792f42de7ce9ca5"`);
  }
}
