import { CaptureModule, PageFetcher } from '@clausewatch/capture';
import { type AppConfig, pinoHttpOptions } from '@clausewatch/config';
import { DatabaseModule } from '@clausewatch/db';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CheckWorker } from './jobs/check.worker';
import { HostPolitenessService } from './politeness/host-politeness.service';
import { ReextractSweep } from './schedule/reextract.sweep';
import { SchedulerCron } from './schedule/scheduler.cron';

@Module({})
export class CrawlerModule {
  static forRoot(options: { config: AppConfig; databaseUrl: string; fetcher?: PageFetcher; scheduler?: boolean; logging?: boolean }): DynamicModule {
    return {
      module: CrawlerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(options.config, { name: 'crawler', enabled: options.logging ?? false }) }),
        DatabaseModule.forRoot({ url: options.databaseUrl }), CaptureModule.forRoot(options),
      ],
      providers: [HostPolitenessService, CheckWorker, ...(options.scheduler === false ? [] : [SchedulerCron, ReextractSweep])],
    };
  }
}
