import { MonitoringRepository } from '@clausewatch/db';
import { Injectable } from '@nestjs/common';

/** A followed document failing this long sends one "monitoring problem" notice. */
export const FAILING_NOTICE_HOURS = 24;

/**
 * Monitoring notices for same-day-alert plans: one when a followed document has failed every check
 * for 24 hours, one when it recovers; never repeated (an incident row per failure, unique per start).
 */
@Injectable()
export class MonitoringService {
  constructor(private readonly monitoring: MonitoringRepository) {}

  /** Opens incidents for documents failing 24 hours and closes recovered ones, owing the notices. */
  async tick(): Promise<{ failing: number; recovered: number }> {
    return this.monitoring.transaction(async (manager) => {
      const opened = await this.monitoring.openIncidents(manager, FAILING_NOTICE_HOURS);
      await this.monitoring.oweFailingNotices(manager, opened);
      const closed = await this.monitoring.closeRecoveredIncidents(manager);
      await this.monitoring.oweRecoveredNotices(manager, closed);
      return { failing: opened.length, recovered: closed.length };
    });
  }
}
