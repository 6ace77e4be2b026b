import { MigrationInterface, QueryRunner } from 'typeorm';

/** Documents keep their corrections (document_events) and the rules they used before (rules_history). */
export class DocumentHistory1797300000000 implements MigrationInterface {
  name = 'DocumentHistory1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "document_events" ("id" BIGSERIAL NOT NULL, "document_id" bigint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor" text NOT NULL, "action" text NOT NULL, "changes" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_bf1a908ea94874e55855ccf9601" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_5f7deaf5393e529b7af9cc5918" ON "document_events"  ("document_id", "at") `);
    await queryRunner.query(`ALTER TABLE "documents" ADD "rules_history" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "selection" text NOT NULL DEFAULT 'clausewatch'`);
    await queryRunner.query(`ALTER TABLE "document_events" ADD CONSTRAINT "FK_00cb31fbf301d53c7959d2f727a" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_events" DROP CONSTRAINT "FK_00cb31fbf301d53c7959d2f727a"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "selection"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "rules_history"`);
    await queryRunner.query(`DROP TABLE "document_events"`);
  }
}
