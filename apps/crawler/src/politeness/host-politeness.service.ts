import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Reserves a fetch slot on a host, shared through PostgreSQL by every crawler process: slots are
 * POLITENESS_DELAY_MS / PER_HOST_CONCURRENCY apart, so a host sees at most PER_HOST_CONCURRENCY
 * requests per politeness delay, however many crawlers run.
 */
@Injectable()
export class HostPolitenessService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Milliseconds to wait before the reserved slot. */
  async reserve(host: string): Promise<number> {
    const spacingMs = Math.floor(this.config.politenessDelayMs / this.config.perHostConcurrency);
    const [row]: Array<{ slot: Date }> = await this.dataSource.query(
      `INSERT INTO host_slots (host, next_fetch_at) VALUES ($1, now() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (host) DO UPDATE SET next_fetch_at = greatest(now(), host_slots.next_fetch_at) + make_interval(secs => $2 / 1000.0)
       RETURNING next_fetch_at - make_interval(secs => $2 / 1000.0) AS slot`,
      [host, spacingMs],
    );
    return Math.max(0, new Date(row.slot).getTime() - Date.now());
  }
}
