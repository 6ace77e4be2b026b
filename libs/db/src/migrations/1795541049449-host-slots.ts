import { MigrationInterface, QueryRunner } from 'typeorm';

export class HostSlots1795541049449 implements MigrationInterface {
  name = 'HostSlots1795541049449';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "host_slots" ("host" text NOT NULL, "next_fetch_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6ba6f95899cbdaae4b86b74e05d" PRIMARY KEY ("host"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "host_slots"`);
  }
}
