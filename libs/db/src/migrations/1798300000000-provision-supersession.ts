import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A provision record can be superseded by another: a back-dated capture inserted in time order can
 * show that a clause first recorded later continues an older provision. The superseded record keeps
 * its ID (it still resolves) and names the provision that replaces it; it is held by no version.
 */
export class ProvisionSupersession1798300000000 implements MigrationInterface {
  name = 'ProvisionSupersession1798300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "provisions" ADD "superseded_by_id" bigint`);
    await queryRunner.query(`ALTER TABLE "provisions" ADD CONSTRAINT "FK_3deef3587d4b12b5c059c072cba" FOREIGN KEY ("superseded_by_id") REFERENCES "provisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "provisions" DROP CONSTRAINT "FK_3deef3587d4b12b5c059c072cba"`);
    await queryRunner.query(`ALTER TABLE "provisions" DROP COLUMN "superseded_by_id"`);
  }
}
