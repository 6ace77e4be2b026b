import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { closeTaskPool, configureTaskPool } from './pipeline/worker/task.pool';
import { CONFIRMATION_SCHEDULER, PAGE_FETCHER } from './capture.constants';
import { CatalogImporter } from './catalog-import/catalog.importer';
import { AutoFetcher, BrowserFetcher, HttpFetcher, PageFetcher } from './fetch';
import { DATABASE_CONNECTION_URL, JobsService } from './jobs/jobs.service';
import { CaptureWriter } from './pipeline/capture.writer';
import { CheckDocument } from './pipeline/check-document.use-case';
import { ConfirmCapture } from './pipeline/confirm-capture.use-case';
import { DocumentPagesFetcher } from './pipeline/document-pages.fetcher';
import { ReextractDocument } from './pipeline/reextract-document.use-case';
import { RecordCapture } from './pipeline/record-capture.use-case';

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
    await configureTaskPool({
      deadlineMs: this.config.workerDeadlineMs,
      maxMemoryMb: this.config.workerMemoryMb,
      threads: this.config.workerThreads,
      smallMemoryMb: this.config.workerSmallMemoryMb,
      largeTaskBytes: this.config.workerLargeTaskBytes,
      idleMs: this.config.workerIdleMs,
      maxTextChars: this.config.maxTextChars,
    });
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

/** The capture pipeline (fetch → extract → plan → one transaction: version, change, notifications owed, ledger) for any app. */
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
        DocumentPagesFetcher,
        CaptureWriter,
        RecordCapture,
        ConfirmCapture,
        CheckDocument,
        ReextractDocument,
        CatalogImporter,
        FetcherCloser,
        TaskPoolLifecycle,
      ],
      exports: [APP_CONFIG, PAGE_FETCHER, JobsService, RecordCapture, ConfirmCapture, CheckDocument, ReextractDocument, CatalogImporter],
    };
  }
}
