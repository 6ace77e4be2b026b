import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A digest batch reads each subscriber's digest entries of the week (`EmailContentRepository.digestChangeIds`):
 * with an index that holds the change IDs, that is an index-only scan (about 13 rows a subscriber), not one
 * heap page per entry (a week's entries are written change by change, so one subscriber's lie on as many
 * pages). Superseded change records are few: a small partial index lists them for the anti-join.
 * The entities name both indexes with `synchronize: false` (INCLUDE is not expressible there).
 */
export class DigestEntries1798200000000 implements MigrationInterface {
  name = 'DigestEntries1798200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_notifications_digest_entries" ON "notifications" ("subscriber_id", "created_at") INCLUDE ("change_record_id") WHERE "channel" = 'digest'`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_change_records_superseded" ON "change_records" ("id") WHERE "superseded_by" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_change_records_superseded"`);
    await queryRunner.query(`DROP INDEX "IDX_notifications_digest_entries"`);
  }
}
