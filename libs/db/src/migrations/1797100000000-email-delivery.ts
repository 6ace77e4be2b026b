import { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailDelivery1797100000000 implements MigrationInterface {
  name = 'EmailDelivery1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "emails" ("id" BIGSERIAL NOT NULL, "subscriber_id" bigint NOT NULL, "kind" text NOT NULL, "dedupe_key" text NOT NULL, "idempotency_key" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "claimed_until" TIMESTAMP WITH TIME ZONE, "batch_key" text, "first_attempt_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "provider_message_id" text, "period_start" TIMESTAMP WITH TIME ZONE, "period_end" TIMESTAMP WITH TIME ZONE, "document_id" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_51bc0c30d14185e608266d44d75" UNIQUE ("dedupe_key"), CONSTRAINT "UQ_95a5153185d5dac7c6416f8c7a7" UNIQUE ("idempotency_key"), CONSTRAINT "PK_a54dcebef8d05dca7e839749571" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9b71c0043afb4fb526bce2cc82" ON "emails"  ("batch_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_d6718f5588bfb6723902b8c4bd" ON "emails"  ("subscriber_id", "kind", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_d707d06d5f62069804bde096fb" ON "emails"  ("status", "next_attempt_at") `);
    await queryRunner.query(`CREATE TABLE "document_incidents" ("id" BIGSERIAL NOT NULL, "document_id" bigint NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cause" text, "recovered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3a209eb562e73ea660272ff5b48" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_705f4e5e0efa5e56744dd0ab5c" ON "document_incidents"  ("document_id", "started_at") `);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "email_id" bigint`);
    await queryRunner.query(`ALTER TABLE "subscribers" ADD "alerts_enabled" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "subscribers" ADD "digest_enabled" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "subscribers" ADD "muted_platform_ids" bigint array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "subscribers" ADD "suppressed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "subscribers" ADD "suppression_reason" text`);
    await queryRunner.query(`CREATE INDEX "IDX_c93e8b37977cd4fe1aecef092c" ON "notifications"  ("email_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_c93e8b37977cd4fe1aecef092c"`);
    await queryRunner.query(`ALTER TABLE "subscribers" DROP COLUMN "suppression_reason"`);
    await queryRunner.query(`ALTER TABLE "subscribers" DROP COLUMN "suppressed_at"`);
    await queryRunner.query(`ALTER TABLE "subscribers" DROP COLUMN "muted_platform_ids"`);
    await queryRunner.query(`ALTER TABLE "subscribers" DROP COLUMN "digest_enabled"`);
    await queryRunner.query(`ALTER TABLE "subscribers" DROP COLUMN "alerts_enabled"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "email_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_705f4e5e0efa5e56744dd0ab5c"`);
    await queryRunner.query(`DROP TABLE "document_incidents"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d707d06d5f62069804bde096fb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d6718f5588bfb6723902b8c4bd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9b71c0043afb4fb526bce2cc82"`);
    await queryRunner.query(`DROP TABLE "emails"`);
  }
}
