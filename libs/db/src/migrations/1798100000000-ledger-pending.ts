import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group commit for the ledger. A capture commits its version with a row in `ledger_pending` (no global
 * lock); one appender per process then appends every pending version in one transaction: one advisory
 * lock and one COMMIT (one WAL flush) for N captures.
 *
 * `ledger_append_pending` runs under the lock: for each given version, in ascending version id order, it
 * deletes the pending row and appends the leaf only if the row was still there. A version appended by
 * another process's batch (its row already gone) is skipped, so every version is appended exactly once,
 * and the UNIQUE(version_id) of ledger_leaves stays the last guard.
 *
 * The batch's `UPDATE versions SET ledger_index` does not NOTIFY record changes from inside the batch: a
 * transaction that has notified serialises its COMMIT with every other notifying transaction (PostgreSQL
 * holds a global lock on the notification queue from pre-commit until after its commit, WAL flush
 * included), so the ledger's lock would wait for captures' fsyncs. The batch sets
 * `clausewatch.ledger_batch` for its transaction and notifies the versions' records itself right after
 * its COMMIT, outside the lock.
 */
export class LedgerPending1798100000000 implements MigrationInterface {
  name = 'LedgerPending1798100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "ledger_pending" ("version_id" bigint NOT NULL, "pending_since" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ledger_pending" PRIMARY KEY ("version_id"))`);
    await queryRunner.query(`ALTER TABLE "ledger_pending" ADD CONSTRAINT "FK_ledger_pending_version" FOREIGN KEY ("version_id") REFERENCES "versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE FUNCTION ledger_append_pending(p_lock_key bigint, p_version_ids bigint[], p_leaves bytea[])
      RETURNS TABLE (appended_version_id bigint, appended_index bigint, appended_leaf_hash bytea, closing_hash bytea) LANGUAGE plpgsql AS $$
      DECLARE
        v_item record;
      BEGIN
        IF coalesce(array_length(p_version_ids, 1), 0) <> coalesce(array_length(p_leaves, 1), 0) THEN
          RAISE EXCEPTION 'ledger_append_pending: % versions but % leaves', array_length(p_version_ids, 1), array_length(p_leaves, 1) USING ERRCODE = '22023';
        END IF;
        PERFORM pg_advisory_xact_lock(p_lock_key);
        FOR v_item IN SELECT u.version_id, u.leaf FROM unnest(p_version_ids, p_leaves) AS u(version_id, leaf) ORDER BY u.version_id LOOP
          DELETE FROM ledger_pending p WHERE p.version_id = v_item.version_id;
          IF FOUND THEN
            RETURN QUERY SELECT v_item.version_id, a.appended_index, a.appended_leaf_hash, a.closing_hash
              FROM ledger_append(p_lock_key, v_item.version_id, v_item.leaf, NULL) a;
          END IF;
        END LOOP;
      END $$`);
    await queryRunner.query(`DROP TRIGGER record_changes_update ON "versions"`);
    await queryRunner.query(`CREATE TRIGGER record_changes_update AFTER UPDATE ON "versions" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
      WHEN (current_setting('clausewatch.ledger_batch', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION notify_record_changes()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER record_changes_update ON "versions"`);
    await queryRunner.query(`CREATE TRIGGER record_changes_update AFTER UPDATE ON "versions" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_record_changes()`);
    await queryRunner.query(`DROP FUNCTION ledger_append_pending(bigint, bigint[], bytea[])`);
    await queryRunner.query(`DROP TABLE "ledger_pending"`);
  }
}
