import { AppendedLeaf, hashLeaf, RecordsError, RecordsErrorCode, versionLeafOf } from '@clausewatch/records';
import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ALL_RECORDS_CHANGED, RECORD_CHANGES_CHANNEL } from '../record-changes.constants';
import { LEDGER_APPEND_ATTEMPTS, LEDGER_BATCH_MAX, LEDGER_LOCK_ID, RECORD_CHANGES_MAX_IDS } from './ledger.constants';
import { LedgerError, LedgerErrorCode } from './ledger.error';
import { ledgerRecordOf } from './ledger-record';
import type { SimpleQueryClient } from './pg-ledger.store';

/** One batch the appender committed: what the ledger's global lock cost, for the bench and the logs. */
export interface LedgerBatch {
  /** Versions this batch appended (0: every pending one was appended by another process first). */
  size: number;
  /** Their ids, in the order of their leaves (ascending version id). */
  versionIds: string[];
  /** From the server taking the ledger's lock to its COMMIT done, in ms: the batch's whole hold. */
  serverMs: number;
  /** From that COMMIT to its WAL flushed (after the lock, before any waiter is answered), in ms. */
  flushMs: number;
}

interface PendingRow {
  version_id: string;
  record_id: string;
  document_record_id: string;
  captured_at: Date;
  raw_sha256: string;
  text_sha256: string;
  source_url: string;
}

interface AppendedRow {
  appended_version_id: string;
  appended_index: string;
  appended_leaf_hash: Buffer;
}

interface Waiter {
  resolve: (leaf: AppendedLeaf) => void;
  reject: (error: Error) => void;
}

/**
 * Group commit of the ledger. A capture commits its version as pending (`markPending`, inside its own
 * transaction, without the global lock) and then awaits its leaf (`leafOf`). One loop per process appends
 * every pending version in one transaction: the advisory lock, `ledger_append_pending` for the whole
 * batch and the COMMIT go in one round trip, so N captures share one lock and one WAL flush. Across
 * processes the advisory lock serialises batches, and each pending row is deleted by the batch that
 * appends it, so a version is appended once whoever gets there first.
 *
 * The lock is held for the appends alone, not for a disk flush: the batch commits with
 * `synchronous_commit = off` and its WAL is flushed right after, outside the lock
 * (`pg_logical_emit_message(..., flush => true)`: WAL is flushed in order, so up to the batch's commit
 * record). Waiters are answered after the flush, so a capture's caller never gets a leaf that a crash
 * could take back. What this allows: for the milliseconds between the COMMIT and the flush, other
 * sessions can see leaves not yet on disk. Should PostgreSQL crash then, the log loses those last leaves
 * whole (every later append or signed head sits later in the WAL and is lost with them), the versions
 * are pending again and the next batch appends them; a tree head is published (stored, and written to
 * tree-heads.log) only after its own synchronous commit, which flushes every leaf it covers.
 *
 * Versions left pending by a crash (committed, never appended) are taken by the next batch of any
 * process: `sweep` runs one at start and on a timer (LedgerService).
 */
export class LedgerAppender {
  private readonly waiters = new Map<string, Waiter[]>();
  private running: Promise<void> | null = null;
  private again = false;
  private readonly listeners = new Set<(batch: LedgerBatch) => void>();
  /**
   * Pending versions whose leaf cannot be built (a record that fails the leaf's checks): left out of every
   * batch of this process, so one bad row never blocks the others; they stay pending, and the audit names
   * versions pending for long.
   */
  private readonly unbuildable = new Map<string, Error>();

  private readonly logger = new Logger(LedgerAppender.name);

  constructor(private readonly dataSource: DataSource) {}

  /** Inside the capture's transaction: the version enters the ledger with the next batch. */
  async markPending(manager: EntityManager, versionId: string): Promise<void> {
    await manager.query('INSERT INTO ledger_pending (version_id) VALUES ($1)', [versionId]);
  }

  /** markPending and the transaction's COMMIT in one round trip (the caller's connection, simple protocol). */
  async markPendingAndCommit(client: SimpleQueryClient, versionId: string): Promise<void> {
    await client.query(`INSERT INTO ledger_pending (version_id) VALUES (${digits(versionId)}); COMMIT`);
  }

  /**
   * The version's leaf, once a batch (this process's or another's) has committed it. Call after the
   * version's transaction committed; it rejects if the version is neither pending nor in the ledger.
   */
  leafOf(versionId: string): Promise<AppendedLeaf> {
    const waiting = new Promise<AppendedLeaf>((resolve, reject) => {
      const list = this.waiters.get(versionId) ?? [];
      list.push({ resolve, reject });
      this.waiters.set(versionId, list);
    });
    this.kick();
    return waiting;
  }

  /** Appends whatever is pending now (a crash's leftovers); resolves when no batch is running. */
  async sweep(): Promise<void> {
    this.kick();
    await this.idle();
  }

  /** Resolves when no batch is running or due. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Called after every committed batch (the write-path bench measures the lock with it). */
  onBatch(listener: (batch: LedgerBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private kick(): void {
    // A batch in flight: whatever committed meanwhile goes into the next one, right after it.
    this.again = true;
    if (this.running) return;
    this.running = this.loop().finally(() => {
      this.running = null;
      // Asked for between the loop's last look and now.
      if (this.again) this.kick();
    });
  }

  private async loop(): Promise<void> {
    let failures = 0;
    do {
      this.again = false;
      const waiting = [...this.waiters.keys()];
      try {
        const { more, appended } = await this.appendBatch();
        failures = 0;
        await this.settle(waiting, appended);
        if (more) this.again = true;
      } catch (error) {
        failures += 1;
        if (failures >= LEDGER_APPEND_ATTEMPTS) {
          // The versions stay pending (committed): the next batch or the sweep appends them.
          this.rejectAll(waiting, error instanceof Error ? error : new Error(String(error)));
          failures = 0;
        } else this.again = true;
      }
    } while (this.again);
  }

  /** One batch: the pending versions (up to LEDGER_BATCH_MAX, oldest first) appended under one lock, one COMMIT. */
  private async appendBatch(): Promise<{ more: boolean; appended: Map<string, AppendedLeaf> }> {
    const appended = new Map<string, AppendedLeaf>();
    const runner = this.dataSource.createQueryRunner();
    try {
      // Read before the lock: the leaves are built here, in the reference implementation, not under it.
      const read: PendingRow[] = await runner.query(
        `SELECT p.version_id, v.record_id, d.record_id AS document_record_id, v.captured_at, v.raw_sha256, v.text_sha256, v.source_url
           FROM ledger_pending p JOIN versions v ON v.id = p.version_id JOIN documents d ON d.id = v.document_id
          WHERE p.version_id <> ALL($2::bigint[])
          ORDER BY p.version_id LIMIT $1`,
        [LEDGER_BATCH_MAX, [...this.unbuildable.keys()]],
      );
      const more = read.length === LEDGER_BATCH_MAX;
      const rows: PendingRow[] = [];
      const leaves: Buffer[] = [];
      for (const row of read) {
        try {
          leaves.push(
            versionLeafOf(
              ledgerRecordOf({ recordId: row.record_id, capturedAt: row.captured_at, rawSha256: row.raw_sha256, textSha256: row.text_sha256, sourceUrl: row.source_url }, row.document_record_id),
            ),
          );
          rows.push(row);
        } catch (error) {
          const reason = new LedgerError(LedgerErrorCode.NotInLedger, `version ${row.record_id} cannot be appended to the ledger: ${(error as Error).message}`);
          this.unbuildable.set(row.version_id, reason);
          this.logger.error({ versionId: row.record_id, err: reason.message }, 'pending version left out of the ledger');
        }
      }
      if (rows.length === 0) return { more, appended };
      const client = (await runner.connect()) as SimpleQueryClient;
      // The batch's COMMIT does not wait for its WAL flush (synchronous_commit off for this transaction
      // only), so the lock is released as soon as the appends are done; the flush follows, outside the
      // lock, and no waiter learns its leaf before it is on disk (see the class comment).
      // Its versions' record changes are announced after the COMMIT, not by the trigger inside it (see the
      // migration LedgerPending1798100000000: a NOTIFY in the batch would make its COMMIT wait for others' fsyncs).
      await client.query(`BEGIN; SET LOCAL synchronous_commit = off; SELECT set_config('clausewatch.ledger_batch', 'on', true)`);
      let results: [unknown, { rows: Array<{ locked_ms: string }> }, { rows: AppendedRow[] }, unknown, { rows: Array<{ committed_ms: string }> }, unknown, unknown, { rows: Array<{ flushed_ms: string }> }];
      // What the record-changes trigger would have said (record IDs are letters, digits and dashes only).
      const changed = rows.length > RECORD_CHANGES_MAX_IDS ? ALL_RECORDS_CHANGED : rows.map((r) => recordId(r.record_id)).join(',');
      const versionIds = `ARRAY[${rows.map((r) => digits(r.version_id)).join(',')}]::bigint[]`;
      try {
        // One round trip: the lock is released by the COMMIT the server runs right after the appends,
        // never held while this process is busy elsewhere. Only digits and hex reach the text.
        // The versions' rows are locked first, before the ledger's lock: a transaction still updating one
        // of them (a confirmation, a back-dated capture recomputing its neighbours) is waited for here,
        // not while the global lock is held.
        results = (await client.query(
          `SELECT count(*) FROM (SELECT id FROM versions WHERE id = ANY(${versionIds}) ORDER BY id FOR NO KEY UPDATE) locked;
           SELECT pg_advisory_xact_lock(${LEDGER_LOCK_ID}::bigint), extract(epoch FROM clock_timestamp()) * 1000 AS locked_ms;
           SELECT * FROM ledger_append_pending(${LEDGER_LOCK_ID}::bigint, ${versionIds},
                                                ARRAY[${leaves.map((leaf) => `'\\x${leaf.toString('hex')}'`).join(',')}]::bytea[]);
           COMMIT; SELECT extract(epoch FROM clock_timestamp()) * 1000 AS committed_ms;
           SELECT pg_notify('${RECORD_CHANGES_CHANNEL}', '${changed}');
           SELECT pg_logical_emit_message(false, 'clausewatch', 'ledger batch', true);
           SELECT extract(epoch FROM clock_timestamp()) * 1000 AS flushed_ms`,
        )) as typeof results;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      const leafByVersion = new Map(rows.map((row, i) => [row.version_id, leaves[i]]));
      for (const row of results[2].rows) {
        const leafHash = hashLeaf(leafByVersion.get(row.appended_version_id)!);
        // The database hashed the leaf itself: it must agree with the reference implementation.
        if (!row.appended_leaf_hash.equals(leafHash)) {
          throw new RecordsError(RecordsErrorCode.InvalidArgument, `ledger_append hashed leaf ${row.appended_index} differently from RFC 6962`);
        }
        const index = Number(row.appended_index);
        appended.set(row.appended_version_id, { index, leafHash, treeSize: index + 1 });
      }
      const committedMs = Number(results[4].rows[0].committed_ms);
      const batch = { size: appended.size, versionIds: [...appended.keys()], serverMs: committedMs - Number(results[1].rows[0].locked_ms), flushMs: Number(results[7].rows[0].flushed_ms) - committedMs };
      for (const listener of this.listeners) listener(batch);
      return { more, appended };
    } finally {
      await runner.release();
    }
  }

  /** Resolves the waiters this batch appended, and those another process appended; the rest wait for the next batch. */
  private async settle(waiting: string[], appended: Map<string, AppendedLeaf>): Promise<void> {
    const others: string[] = [];
    for (const versionId of waiting) {
      const leaf = appended.get(versionId);
      const unbuildable = this.unbuildable.get(versionId);
      if (leaf) this.resolve(versionId, leaf);
      else if (unbuildable) this.rejectAll([versionId], unbuildable);
      else others.push(versionId);
    }
    for (const versionId of appended.keys()) if (!waiting.includes(versionId)) this.resolve(versionId, appended.get(versionId)!);
    if (others.length === 0) return;
    const rows: Array<{ id: string; ledger_index: string | null; leaf_hash: Buffer | null; pending: boolean }> = await this.dataSource.query(
      `SELECT v.id, v.ledger_index, l.leaf_hash, EXISTS (SELECT 1 FROM ledger_pending p WHERE p.version_id = v.id) AS pending
         FROM versions v LEFT JOIN ledger_leaves l ON l.version_id = v.id WHERE v.id = ANY($1::bigint[])`,
      [others],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const versionId of others) {
      const row = byId.get(versionId);
      if (row?.ledger_index != null && row.leaf_hash) {
        const index = Number(row.ledger_index);
        this.resolve(versionId, { index, leafHash: row.leaf_hash, treeSize: index + 1 });
      } else if (row?.pending) {
        // Committed after this batch read the pending rows: the next batch takes it.
        this.again = true;
      } else {
        this.rejectAll([versionId], new LedgerError(LedgerErrorCode.NotInLedger, `version ${versionId} is neither pending nor in the ledger`));
      }
    }
  }

  private resolve(versionId: string, leaf: AppendedLeaf): void {
    for (const waiter of this.waiters.get(versionId) ?? []) waiter.resolve(leaf);
    this.waiters.delete(versionId);
  }

  private rejectAll(versionIds: string[], error: Error): void {
    for (const versionId of versionIds) {
      for (const waiter of this.waiters.get(versionId) ?? []) waiter.reject(error);
      this.waiters.delete(versionId);
    }
  }
}

function recordId(id: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(id)) throw new RecordsError(RecordsErrorCode.InvalidArgument, `not a record id: ${id}`);
  return id;
}

function digits(id: string): string {
  if (!/^\d+$/.test(id)) throw new RecordsError(RecordsErrorCode.InvalidArgument, `not a version id: ${id}`);
  return id;
}
