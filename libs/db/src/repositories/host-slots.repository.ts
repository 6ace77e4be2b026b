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

  /**
   * One slot on several hosts at once (a combined document's pages are fetched together): the first
   * moment every host is free, taken on each of them, so each host's next slot is `spacingMs` after it.
   * Rows are locked in host order, so two crawlers reserving overlapping hosts cannot deadlock.
   */
  async reserveSlots(hosts: string[], spacingMs: number): Promise<Date> {
    const distinct = [...new Set(hosts)].sort();
    if (distinct.length === 1) return this.reserveSlot(distinct[0], spacingMs);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO host_slots (host, next_fetch_at) SELECT h, now() FROM unnest($1::text[]) AS h ORDER BY h ON CONFLICT (host) DO NOTHING`, [distinct]);
      const [{ slot }]: Array<{ slot: Date }> = await manager.query(
        `SELECT greatest(now(), max(next_fetch_at)) AS slot FROM (SELECT next_fetch_at FROM host_slots WHERE host = ANY($1::text[]) ORDER BY host FOR UPDATE) locked`,
        [distinct],
      );
      await manager.query(`UPDATE host_slots SET next_fetch_at = $2::timestamptz + make_interval(secs => $3 / 1000.0) WHERE host = ANY($1::text[])`, [distinct, slot, spacingMs]);
      return new Date(slot);
    });
  }

  /** The database answers (the health route). */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
