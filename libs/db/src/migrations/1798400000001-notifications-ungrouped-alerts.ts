import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sender's scan of notifications is the alerts not yet grouped into an email (pending, no email):
 * a partial index of just those rows (a handful) replaces the (status, channel) index of every row ever
 * owed. No index then names `status`, so marking a notification sent or skipped changes no indexed
 * column and is a HOT update (no new index entries): on the digest bench (20,000 digests, 260,000
 * entries) handing digests over writes about a third of the WAL it did. The entity names the index
 * with `synchronize: false` (a partial index is not expressible there).
 */
export class NotificationsUngroupedAlerts1798400000001 implements MigrationInterface {
  name = 'NotificationsUngroupedAlerts1798400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_notifications_ungrouped_alerts" ON "notifications" ("subscriber_id") WHERE "channel" = 'alert' AND "email_id" IS NULL`);
    await queryRunner.query(`DROP INDEX "IDX_f2d55235c08cc1d7bbd649256d"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_f2d55235c08cc1d7bbd649256d" ON "notifications" ("status", "channel")`);
    await queryRunner.query(`DROP INDEX "IDX_notifications_ungrouped_alerts"`);
  }
}
