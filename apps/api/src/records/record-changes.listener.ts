import { ALL_RECORDS_CHANGED, listenForRecordChanges, RECORD_CHANGES_CHANNEL, sendRecordChangesBarrier } from '@clausewatch/db';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, Notification } from 'pg';
import { RecordCache } from './record.cache';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;
/** How long a writer waits for its own commit's notifications before giving up on the cache. */
const CATCH_UP_TIMEOUT_MS = 2_000;
/** Marks the listener's own barrier notifications (record IDs never start with it). */
const BARRIER_PREFIX = '~';

/**
 * Keeps the RecordCache true to the database: LISTENs on the channel the record triggers NOTIFY
 * (any process — crawler, CLI, this API — writes through them), forgets the records each commit
 * names, and turns the cache off whenever the connection is down, since notifications sent
 * meanwhile are lost. Reconnects with backoff; the API keeps answering from PostgreSQL meanwhile.
 */
export class RecordChangesListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RecordCache');
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;
  private readonly waiting = new Map<string, () => void>();

  constructor(
    private readonly cache: RecordCache,
    private readonly databaseUrl: string,
    private readonly enabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.enabled) await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.cache.disable();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** True while notifications are being received (the cache answers only then). */
  get listening(): boolean {
    return this.client !== null;
  }

  /**
   * Resolves once every notification committed before this call has been applied: a client that
   * wrote through this API then reads its records sees its write. Notifications arrive in commit
   * order, so hearing our own, sent afterwards, means hearing all earlier ones.
   */
  async caughtUp(): Promise<void> {
    const client = this.client;
    if (!client) return;
    // Every API process on the channel hears it: the token must be unique across hosts, not only here.
    const token = `${BARRIER_PREFIX}${randomUUID()}`;
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<boolean>((resolve) => {
      this.waiting.set(token, () => resolve(true));
      timer = setTimeout(() => resolve(false), CATCH_UP_TIMEOUT_MS);
    });
    try {
      await sendRecordChangesBarrier(client, token);
      // Not heard in time: the connection is unwell, so stop trusting what is cached.
      if (!(await heard)) this.cache.invalidate('all');
    } catch {
      this.cache.invalidate('all');
    } finally {
      clearTimeout(timer);
      this.waiting.delete(token);
    }
  }

  private async connect(): Promise<void> {
    this.retry = null;
    const client = new Client({ connectionString: this.databaseUrl, keepAlive: true, application_name: 'clausewatch-record-cache' });
    let lost = false;
    const onLost = (error?: Error): void => {
      if (lost) return;
      lost = true;
      this.lost(client, error);
    };
    client.on('notification', (message) => this.onNotification(message));
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await listenForRecordChanges(client);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (this.closed || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    // Anything read before now may have missed a notification: start empty.
    this.cache.enable();
  }

  private onNotification(message: Notification): void {
    if (message.channel !== RECORD_CHANGES_CHANNEL) return;
    const payload = message.payload ?? ALL_RECORDS_CHANGED;
    if (payload.startsWith(BARRIER_PREFIX)) {
      this.waiting.get(payload)?.();
      return;
    }
    this.cache.invalidate(payload === ALL_RECORDS_CHANGED ? 'all' : payload.split(','));
  }

  private lost(client: Client, error?: Error): void {
    this.cache.disable();
    if (this.client === client) this.client = null;
    client.end().catch(() => undefined);
    if (this.closed) return;
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures);
    this.failures += 1;
    this.logger.warn(`record cache off (${error?.message ?? 'connection closed'}); listening again in ${delay} ms`);
    this.retry = setTimeout(() => void this.connect(), delay);
    this.retry.unref();
  }
}
