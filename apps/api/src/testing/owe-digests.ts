import { DataSource } from 'typeorm';
import { nextDigestSlot } from '../notifications/digest.schedule';
import { DigestService } from '../notifications/digest.service';
import type { ApiHarness } from './api-harness';

/** Owes `count` digests: subscribers following one platform, built for the next slot. */
export async function oweDigests(api: ApiHarness, count: number, domain: string): Promise<Date> {
  const dataSource = api.app.get(DataSource);
  let [platform] = await dataSource.query(`SELECT id FROM platforms WHERE slug = 'example'`);
  if (!platform) {
    [platform] = await dataSource.query(`INSERT INTO platforms (slug, name) VALUES ('example', 'Example') RETURNING id`);
  }
  await dataSource.query(
    `INSERT INTO subscribers (email, plan, unsubscribe_token, created_at)
     SELECT 'reader' || g || '@' || $2, 'free', md5(random()::text || g || $2), now() - interval '30 days' FROM generate_series(1, $1) g`,
    [count, domain],
  );
  await dataSource.query(`INSERT INTO follows (subscriber_id, platform_id) SELECT id, $1 FROM subscribers WHERE email LIKE $2`, [platform.id, `%@${domain}`]);
  const slot = nextDigestSlot(new Date(Date.now() + 8 * 86_400_000), 'UTC', 1);
  await api.app.get(DigestService).buildDue(slot);
  return slot;
}
