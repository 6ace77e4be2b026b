import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ledger_leaves.version_id points at its version (it was the one reference without a foreign key).
 * The ledger is append-only, so a leaf whose version is missing is never deleted here: the migration
 * stops and names them, for an operator to look at, rather than lose or hide ledger entries.
 */
export class LedgerLeafVersion1797900000000 implements MigrationInterface {
  name = 'LedgerLeafVersion1797900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const orphans: Array<{ leaf_index: string; version_id: string }> = await queryRunner.query(
      `SELECT l.leaf_index, l.version_id FROM ledger_leaves l LEFT JOIN versions v ON v.id = l.version_id WHERE v.id IS NULL ORDER BY l.leaf_index LIMIT 20`,
    );
    if (orphans.length > 0) {
      throw new Error(
        `ledger_leaves.version_id cannot get its foreign key: leaves ${orphans.map((o) => `${o.leaf_index} (version ${o.version_id})`).join(', ')} point at no version. ` +
          'The ledger is append-only: restore the missing versions (or investigate the log) before migrating.',
      );
    }
    await queryRunner.query(`ALTER TABLE "ledger_leaves" ADD CONSTRAINT "FK_f20a85c139c2b4e34d8b14cab87" FOREIGN KEY ("version_id") REFERENCES "versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ledger_leaves" DROP CONSTRAINT "FK_f20a85c139c2b4e34d8b14cab87"`);
  }
}
