import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { HostSlotsRepository } from '@clausewatch/db';
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

  /** Milliseconds to wait before the reserved slot. */
  async reserve(host: string): Promise<number> {
    const spacingMs = Math.floor(this.config.politenessDelayMs / this.config.perHostConcurrency);
    const slot = await this.slots.reserveSlot(host, spacingMs);
    return Math.max(0, slot.getTime() - Date.now());
  }
}
