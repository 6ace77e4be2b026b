import { DataSource, QueryRunner } from 'typeorm';

/**
 * First key of the two-key advisory locks that say "this document's check is running" ("CWCK"); the
 * second key is the document ID (modulo 2^31 - 1, an int4). Two-key locks never collide with the
 * one-key locks of the ledger and the email batches.
 */
const RUNNING_CHECK_LOCK_CLASS = 0x4357434b;
const INT4_KEYS = 2147483647;

/** A check marked as running; `end` clears the mark. */
export interface RunningCheck {
  end(): Promise<void>;
}

/**
 * Which documents have a check running in a live process, shared by every crawler process through
 * PostgreSQL session advisory locks. pg-boss (10) only knows a job's expiry: past it, a job is taken for
 * the job of a dead worker and handed out again, even while its check still runs. The mark held here is
 * the proof of life that pg-boss lacks: it lasts as long as the check, and ends with the database session
 * of a process that dies, so a killed crawler's job comes back as soon as pg-boss hands it out again.
 *
 * One session per process holds the marks of all its running checks (not a pooled connection each, so
 * slow checks never starve the pool), and only while some check runs.
 */
export class RunningChecksRepository {
  private session: Promise<QueryRunner> | null = null;
  /** Documents this process checks now: a session's advisory lock is re-entrant, so this keeps two of its own jobs apart. */
  private readonly running = new Set<string>();

  constructor(private readonly dataSource: DataSource) {}

  /** Marks the document's check as running; null when a check of it runs already (in this process or another live one). */
  async start(documentId: string): Promise<RunningCheck | null> {
    if (this.running.has(documentId)) return null;
    this.running.add(documentId);
    let started = false;
    try {
      const session = await this.openSession();
      const [row]: Array<{ started: boolean }> = await session.query('SELECT pg_try_advisory_lock($1, ($2::bigint % $3)::int) AS started', [
        RUNNING_CHECK_LOCK_CLASS,
        documentId,
        INT4_KEYS,
      ]);
      started = row.started;
    } catch (error) {
      await this.dropSession({ suspect: true });
      throw error;
    } finally {
      if (!started) await this.forget(documentId);
    }
    return started ? { end: () => this.end(documentId) } : null;
  }

  /** The SQL condition "no check of document `d` is running", for queries over documents aliased `d`. */
  static notRunningCondition(alias = 'd'): string {
    // pg_locks lists the whole cluster; advisory locks belong to one database.
    return `NOT EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid = ${RUNNING_CHECK_LOCK_CLASS}::oid AND l.objid = (${alias}.id % ${INT4_KEYS})::oid)`;
  }

  private async end(documentId: string): Promise<void> {
    try {
      const session = await this.session;
      await session?.query('SELECT pg_advisory_unlock($1, ($2::bigint % $3)::int)', [RUNNING_CHECK_LOCK_CLASS, documentId, INT4_KEYS]);
    } catch {
      await this.dropSession({ suspect: true });
    } finally {
      await this.forget(documentId);
    }
  }

  private openSession(): Promise<QueryRunner> {
    this.session ??= (async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      return runner;
    })();
    const session = this.session;
    void session.catch(() => {
      if (this.session === session) this.session = null;
    });
    return session;
  }

  private async forget(documentId: string): Promise<void> {
    this.running.delete(documentId);
    // No check runs: the connection goes back to the pool (it holds no lock any more).
    if (this.running.size === 0) await this.dropSession();
  }

  /**
   * Gives the session's connection back to the pool. A `suspect` one (a query on it failed) may still hold
   * marks of checks that run on: they are cleared first (a broken connection has lost them already), so no
   * pooled connection ever carries a mark; those checks go on unmarked, and the next check opens a new session.
   */
  private async dropSession(options: { suspect: boolean } = { suspect: false }): Promise<void> {
    const session = this.session;
    this.session = null;
    const runner = await session?.catch(() => null);
    if (!runner || runner.isReleased) return;
    if (options.suspect) await runner.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await runner.release();
  }
}
