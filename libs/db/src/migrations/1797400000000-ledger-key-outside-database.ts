import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's private key leaves the database: whoever could rewrite the database could re-sign the
 * log with it. A key that was stored here must be treated as known, so it is dropped rather than
 * exported; heads it signed still verify with its public key, and the next start signs with a key
 * from LEDGER_SIGNING_KEY or DATA_DIR/ledger/signing-key.pem.
 */
export class LedgerKeyOutsideDatabase1797400000000 implements MigrationInterface {
  name = 'LedgerKeyOutsideDatabase1797400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ledger_keys" DROP COLUMN "private_key_pem"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ledger_keys" ADD "private_key_pem" text`);
  }
}
