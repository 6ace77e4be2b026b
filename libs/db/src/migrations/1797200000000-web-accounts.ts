import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebAccounts1797200000000 implements MigrationInterface {
  name = 'WebAccounts1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_126e0d9087379706d02c67abcc" ON "change_records"  ("created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "sessions" ("token_hash" text NOT NULL, "subscriber_id" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_abaa9e068cdd390bc5210f79884" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8485d6b292daaed155a1050914" ON "sessions"  ("subscriber_id") `);
    await queryRunner.query(`CREATE TABLE "login_tokens" ("token_hash" text NOT NULL, "email" text NOT NULL, "ip" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7f6cbde5b97d2a7fe0fe3e49a13" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE INDEX "IDX_555ef84d8e7644138c41ebbeb7" ON "login_tokens"  ("ip", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_7100bcb5c52286bb1fa9241274" ON "login_tokens"  ("email", "created_at") `);
    await queryRunner.query(`CREATE TABLE "billing_events" ("id" text NOT NULL, "type" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9a4a4a1b1f55bbc868f6a76a597" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "subscribers" ADD "stripe_customer_id" text`);
    await queryRunner.query(`ALTER TABLE "subscribers" ADD CONSTRAINT "UQ_d8193c4c44bd89984916d997399" UNIQUE ("stripe_customer_id")`);
    await queryRunner.query(`ALTER TABLE "subscribers" ADD "stripe_subscription_id" text`);
    await queryRunner.query(`ALTER TABLE "subscribers" ADD "plan_ends_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "subscribers" ADD "api_token_hash" text`);
    await queryRunner.query(`ALTER TABLE "subscribers" ADD CONSTRAINT "UQ_271c1bdf7b99d84de9c75602dbe" UNIQUE ("api_token_hash")`);
    await queryRunner.query(`ALTER TABLE "follows" ADD "regulation" text`);
    await queryRunner.query(`ALTER TABLE "follows" ADD "regulation_types" jsonb`);
    await queryRunner.query(`ALTER TABLE "follows" ADD "paused_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "follows" DROP COLUMN "paused_at"`);
    await queryRunner.query(`ALTER TABLE "follows" DROP COLUMN "regulation_types"`);
    await queryRunner.query(`ALTER TABLE "follows" DROP COLUMN "regulation"`);
    await queryRunner.query(`ALTER TABLE "subscribers" DROP CONSTRAINT "UQ_271c1bdf7b99d84de9c75602dbe"`);
    await queryRunner.query(`ALTER TABLE "subscribers" DROP COLUMN "api_token_hash"`);
    await queryRunner.query(`ALTER TABLE "subscribers" DROP COLUMN "plan_ends_at"`);
    await queryRunner.query(`ALTER TABLE "subscribers" DROP COLUMN "stripe_subscription_id"`);
    await queryRunner.query(`ALTER TABLE "subscribers" DROP CONSTRAINT "UQ_d8193c4c44bd89984916d997399"`);
    await queryRunner.query(`ALTER TABLE "subscribers" DROP COLUMN "stripe_customer_id"`);
    await queryRunner.query(`DROP TABLE "billing_events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7100bcb5c52286bb1fa9241274"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_555ef84d8e7644138c41ebbeb7"`);
    await queryRunner.query(`DROP TABLE "login_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8485d6b292daaed155a1050914"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_126e0d9087379706d02c67abcc"`);
  }
}
