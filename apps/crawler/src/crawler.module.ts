import { CaptureModule, PageFetcher } from '@clausewatch/capture';
import type { AppConfig } from '@clausewatch/config';
import { DatabaseModule } from '@clausewatch/db';
import { DynamicModule, Module } from '@nestjs/common';
import { CheckWorker } from './jobs/check.worker';
import { HostPolitenessService } from './politeness/host-politeness.service';
import { ReextractSweep } from './schedule/reextract.sweep';
import { SchedulerCron } from './schedule/scheduler.cron';

@Module({})
export class CrawlerModule {
  static forRoot(options: { config: AppConfig; databaseUrl: string; fetcher?: PageFetcher; scheduler?: boolean }): DynamicModule {
    return {
      module: CrawlerModule,
      imports: [DatabaseModule.forRoot({ url: options.databaseUrl }), CaptureModule.forRoot(options)],
      providers: [HostPolitenessService, CheckWorker, ...(options.scheduler === false ? [] : [SchedulerCron, ReextractSweep])],
    };
  }
}
