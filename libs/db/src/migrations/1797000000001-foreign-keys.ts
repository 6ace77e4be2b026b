import { MigrationInterface, QueryRunner } from 'typeorm';

export class ForeignKeys1797000000001 implements MigrationInterface {
  name = 'ForeignKeys1797000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // follows: one row per (subscriber, platform, clause type) even where platform or clause type is NULL
    // (a plain unique index treats NULLs as distinct and never deduplicated them). TypeORM cannot declare
    // NULLS NOT DISTINCT, so the index keeps its name and columns and only gains the option here.
    await queryRunner.query(`DELETE FROM "follows" f USING "follows" g
      WHERE f.subscriber_id = g.subscriber_id AND f.platform_id IS NOT DISTINCT FROM g.platform_id
        AND f.clause_type IS NOT DISTINCT FROM g.clause_type AND f.id > g.id`);
    await queryRunner.query(`DROP INDEX "public"."IDX_be58875485b0b447c0d9516d1f"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_be58875485b0b447c0d9516d1f" ON "follows" ("subscriber_id", "platform_id", "clause_type") NULLS NOT DISTINCT`);
    await queryRunner.query(`ALTER TABLE "versions" ADD CONSTRAINT "FK_52f9cf036cf7a6572980b4b052d" FOREIGN KEY ("revert_of_version_id") REFERENCES "versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "change_records" ADD CONSTRAINT "FK_bca7eae7136af80c22144416b5e" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "change_records" ADD CONSTRAINT "FK_36c6d31531ee749ee04bef4a6e1" FOREIGN KEY ("from_version_id") REFERENCES "versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "change_records" ADD CONSTRAINT "FK_9729cf6cb278d5a0c40c4d82922" FOREIGN KEY ("to_version_id") REFERENCES "versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "change_records" ADD CONSTRAINT "FK_f4b0546df6c305d3281e009ee1c" FOREIGN KEY ("revert_of_version_id") REFERENCES "versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "checks" ADD CONSTRAINT "FK_24e44c3556d288697a1d70721b2" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "checks" ADD CONSTRAINT "FK_e7621c5ba6a0cf98ad9c08442af" FOREIGN KEY ("version_id") REFERENCES "versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "follows" ADD CONSTRAINT "FK_4213c017de4fc08c94ceca2f058" FOREIGN KEY ("subscriber_id") REFERENCES "subscribers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "follows" ADD CONSTRAINT "FK_c9c0e91817212f247729f7468fa" FOREIGN KEY ("platform_id") REFERENCES "platforms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_ff003cc71b1d958a1ad4e5a1327" FOREIGN KEY ("subscriber_id") REFERENCES "subscribers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_6815b0f660c4b2a3c76df2b341e" FOREIGN KEY ("change_record_id") REFERENCES "change_records"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "provisions" ADD CONSTRAINT "FK_2c4078d34dbe98a1f13e6689c16" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "provisions" ADD CONSTRAINT "FK_577104c6469fe0aa35f75925642" FOREIGN KEY ("first_seen_version_id") REFERENCES "versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "provisions" ADD CONSTRAINT "FK_51263c35507f3128100a0fbd91e" FOREIGN KEY ("last_seen_version_id") REFERENCES "versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "provisions" ADD CONSTRAINT "FK_c3b97373dcfc8c0eadaf7fb7050" FOREIGN KEY ("removed_in_version_id") REFERENCES "versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "version_provisions" ADD CONSTRAINT "FK_3a909875beb7385103acfe32eb5" FOREIGN KEY ("version_id") REFERENCES "versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "version_provisions" ADD CONSTRAINT "FK_ce6930b6272e1fb91969774be4b" FOREIGN KEY ("provision_id") REFERENCES "provisions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_be58875485b0b447c0d9516d1f"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_be58875485b0b447c0d9516d1f" ON "follows" ("subscriber_id", "platform_id", "clause_type")`);
    await queryRunner.query(`ALTER TABLE "version_provisions" DROP CONSTRAINT "FK_ce6930b6272e1fb91969774be4b"`);
    await queryRunner.query(`ALTER TABLE "version_provisions" DROP CONSTRAINT "FK_3a909875beb7385103acfe32eb5"`);
    await queryRunner.query(`ALTER TABLE "provisions" DROP CONSTRAINT "FK_c3b97373dcfc8c0eadaf7fb7050"`);
    await queryRunner.query(`ALTER TABLE "provisions" DROP CONSTRAINT "FK_51263c35507f3128100a0fbd91e"`);
    await queryRunner.query(`ALTER TABLE "provisions" DROP CONSTRAINT "FK_577104c6469fe0aa35f75925642"`);
    await queryRunner.query(`ALTER TABLE "provisions" DROP CONSTRAINT "FK_2c4078d34dbe98a1f13e6689c16"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_6815b0f660c4b2a3c76df2b341e"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_ff003cc71b1d958a1ad4e5a1327"`);
    await queryRunner.query(`ALTER TABLE "follows" DROP CONSTRAINT "FK_c9c0e91817212f247729f7468fa"`);
    await queryRunner.query(`ALTER TABLE "follows" DROP CONSTRAINT "FK_4213c017de4fc08c94ceca2f058"`);
    await queryRunner.query(`ALTER TABLE "checks" DROP CONSTRAINT "FK_e7621c5ba6a0cf98ad9c08442af"`);
    await queryRunner.query(`ALTER TABLE "checks" DROP CONSTRAINT "FK_24e44c3556d288697a1d70721b2"`);
    await queryRunner.query(`ALTER TABLE "change_records" DROP CONSTRAINT "FK_f4b0546df6c305d3281e009ee1c"`);
    await queryRunner.query(`ALTER TABLE "change_records" DROP CONSTRAINT "FK_9729cf6cb278d5a0c40c4d82922"`);
    await queryRunner.query(`ALTER TABLE "change_records" DROP CONSTRAINT "FK_36c6d31531ee749ee04bef4a6e1"`);
    await queryRunner.query(`ALTER TABLE "change_records" DROP CONSTRAINT "FK_bca7eae7136af80c22144416b5e"`);
    await queryRunner.query(`ALTER TABLE "versions" DROP CONSTRAINT "FK_52f9cf036cf7a6572980b4b052d"`);
  }
}
