import { MigrationInterface, QueryRunner } from 'typeorm';

export class VersionParts1797000000000 implements MigrationInterface {
  name = 'VersionParts1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "version_parts" ("version_id" bigint NOT NULL, "position" integer NOT NULL, "snapshot_id" bigint NOT NULL, "url" text NOT NULL, CONSTRAINT "PK_9c3358e809a82b0e9f5f05392dd" PRIMARY KEY ("version_id", "position"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2081d69c3109e12852d5cbabb3" ON "version_parts"  ("snapshot_id") `);
    await queryRunner.query(`ALTER TABLE "version_parts" ADD CONSTRAINT "FK_747bde46eec6cd17922dc8f90cb" FOREIGN KEY ("version_id") REFERENCES "versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "version_parts" ADD CONSTRAINT "FK_2081d69c3109e12852d5cbabb34" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Every existing version is one page: its snapshot (an older combined document's bundle stays one part).
    await queryRunner.query(`INSERT INTO "version_parts" ("version_id", "position", "snapshot_id", "url") SELECT "id", 0, "snapshot_id", coalesce("final_url", "source_url") FROM "versions"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "version_parts" DROP CONSTRAINT "FK_2081d69c3109e12852d5cbabb34"`);
    await queryRunner.query(`ALTER TABLE "version_parts" DROP CONSTRAINT "FK_747bde46eec6cd17922dc8f90cb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2081d69c3109e12852d5cbabb3"`);
    await queryRunner.query(`DROP TABLE "version_parts"`);
  }
}
