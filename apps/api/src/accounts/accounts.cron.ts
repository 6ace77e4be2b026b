import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { FollowsService } from './follows.service';

/** Falls cancelled subscriptions back to free once their paid period has ended. */
@Injectable()
export class AccountsCron {
  private readonly logger = new Logger(AccountsCron.name);

  constructor(private readonly follows: FollowsService) {}

  @Interval(10 * 60 * 1000)
  async lapse(): Promise<void> {
    try {
      const lapsed = await this.follows.applyLapsedPlans();
      if (lapsed) this.logger.log({ lapsed }, 'plans fell back to free');
    } catch (error) {
      this.logger.error(error);
    }
  }
}
