import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AlertsService } from './alerts.service';

/** Picks up alerts left pending (a provider outage, a process killed mid-send). */
@Injectable()
export class AlertsCron {
  constructor(private readonly alerts: AlertsService) {}

  @Interval(30_000)
  tick(): void {
    this.alerts.sendPendingSoon();
  }
}
