import type { AppConfig } from '@clausewatch/config';
import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { closeTaskPool, configureTaskPool } from './pipeline/worker/task.pool';
import { APP_CONFIG, PAGE_FETCHER } from './capture.constants';
import { CatalogImporter } from './catalog-import/catalog.importer';
import { AutoFetcher, BrowserFetcher, HttpFetcher, PageFetcher } from './fetch';
import { DATABASE_CONNECTION_URL, JobsService } from './jobs/jobs.service';
import { CheckService, CONFIRMATION_SCHEDULER } from './pipeline/check.service';
import { IngestService } from './pipeline/ingest.service';
import { LedgerAuditService, LedgerService, RecordIntegrityService } from './ledger';
import { LineageService } from './lineage';

@Injectable()
class FetcherCloser implements OnApplicationShutdown {
  constructor(@Inject(PAGE_FETCHER) private readonly fetcher: PageFetcher) {}

  async onApplicationShutdown(): Promise<void> {
    await this.fetcher.close?.();
  }
}

/** Extraction and analysis run in worker threads with the configured deadline and memory cap. */
@Injectable()
class TaskPoolLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    await configureTaskPool({ deadlineMs: this.config.workerDeadlineMs, maxMemoryMb: this.config.workerMemoryMb, threads: this.config.workerThreads });
  }

  async onApplicationShutdown(): Promise<void> {
    await closeTaskPool();
  }
}

/** HTTP first; Debian's Chromium (launched on first need) when a page needs scripts or looks blocked. */
export function createPageFetcher(config: AppConfig): PageFetcher {
  const common = { maxBytes: config.maxPageBytes, allowPrivateNetworks: config.allowPrivateNetworks, allowedPrivateHosts: config.allowedPrivateHosts };
  return new AutoFetcher({
    http: new HttpFetcher({ ...common, totalTimeoutMs: config.fetchTimeoutMs }),
    browser: new BrowserFetcher({ ...common, executablePath: config.chromiumPath, navigationTimeoutMs: config.fetchTimeoutMs }),
  });
}

/** The capture pipeline (fetch → snapshot → version → change → notifications owed) for any app. */
@Module({})
export class CaptureModule {
  static forRoot(options: { config: AppConfig; databaseUrl: string; fetcher?: PageFetcher }): DynamicModule {
    return {
      module: CaptureModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: DATABASE_CONNECTION_URL, useValue: options.databaseUrl },
        { provide: PAGE_FETCHER, useFactory: () => options.fetcher ?? createPageFetcher(options.config) },
        JobsService,
        { provide: CONFIRMATION_SCHEDULER, useExisting: JobsService },
        IngestService,
        CheckService,
        CatalogImporter,
        FetcherCloser,
        TaskPoolLifecycle,
        LedgerService,
        LedgerAuditService,
        RecordIntegrityService,
        LineageService,
      ],
      exports: [APP_CONFIG, PAGE_FETCHER, JobsService, IngestService, CheckService, CatalogImporter, LedgerService, LedgerAuditService, RecordIntegrityService, LineageService],
    };
  }
}
