import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { HostSlotsRepository, type Document } from '@clausewatch/db';
import { Inject, Injectable } from '@nestjs/common';

/**
 * Reserves a fetch slot on a host, shared through PostgreSQL by every crawler process: slots are
 * POLITENESS_DELAY_MS / PER_HOST_CONCURRENCY apart, so a host sees at most PER_HOST_CONCURRENCY
 * requests per politeness delay, however many crawlers run.
 */
@Injectable()
export class HostPolitenessService {
  constructor(
    private readonly slots: HostSlotsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A slot for a document's fetch: on every host it fetches from (a combined document has a source per
   * page, possibly on different hosts), the same moment on all of them. Milliseconds to wait for it.
   */
  async reserveFor(document: Pick<Document, 'sources'>): Promise<number> {
    return this.reserveHosts(document.sources.map((source) => new URL(source.url).host));
  }

  private async reserveHosts(hosts: string[]): Promise<number> {
    const spacingMs = Math.floor(this.config.politenessDelayMs / this.config.perHostConcurrency);
    const slot = await this.slots.reserveSlots(hosts, spacingMs);
    return Math.max(0, slot.getTime() - Date.now());
  }
}
