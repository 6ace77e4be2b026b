import { PlatformsRepository, SubscribersRepository } from '@clausewatch/db';
import { nextDigestSlot } from '../notifications/digest.schedule';
import { DigestService } from '../notifications/digest.service';
import type { ApiHarness } from './api-harness';

/** Owes `count` digests: subscribers following one platform, built for the next slot. */
export async function oweDigests(api: ApiHarness, count: number, domain: string): Promise<Date> {
  const platform = await api.app.get(PlatformsRepository).ensure('example', 'Example');
  await api.app.get(SubscribersRepository).bulkEnrol(count, domain, platform.id, new Date(Date.now() - 30 * 86_400_000));
  const slot = nextDigestSlot(new Date(Date.now() + 8 * 86_400_000), 'UTC', 1);
  await api.app.get(DigestService).buildDue(slot);
  return slot;
}
