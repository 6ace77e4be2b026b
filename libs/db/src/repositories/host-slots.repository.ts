import { DataSource } from 'typeorm';

/** Fetch slots per host, shared by every crawler process (see the crawler's politeness service). */
export class HostSlotsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the host's next slot, `spacingMs` after the one before it; returns when the taken slot starts. */
  async reserveSlot(host: string, spacingMs: number): Promise<Date> {
    const [row]: Array<{ slot: Date }> = await this.dataSource.query(
      `INSERT INTO host_slots (host, next_fetch_at) VALUES ($1, now() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (host) DO UPDATE SET next_fetch_at = greatest(now(), host_slots.next_fetch_at) + make_interval(secs => $2 / 1000.0)
       RETURNING next_fetch_at - make_interval(secs => $2 / 1000.0) AS slot`,
      [host, spacingMs],
    );
    return new Date(row.slot);
  }

  /** The database answers (the health route). */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
