import { CaptureModule, PageFetcher } from '@clausewatch/capture';
import { type AppConfig, pinoHttpOptions } from '@clausewatch/config';
import { DatabaseModule } from '@clausewatch/db';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AlertsService } from './notifications/alerts.service';
import { DeliveryService } from './notifications/delivery.service';
import { DigestService } from './notifications/digest.service';
import { EmailComposer } from './notifications/email.composer';
import { EMAIL_SENDER, EmailSender } from './notifications/email.sender';
import { MonitoringService } from './notifications/monitoring.service';
import { NotificationsCron } from './notifications/notifications.cron';
import { NotificationsJobs } from './notifications/notifications.jobs';
import { OutboxSender } from './notifications/outbox.sender';
import { ResendSender } from './notifications/resend.sender';
import { ResendWebhookController } from './notifications/resend-webhook.controller';
import { UnsubscribeController } from './notifications/unsubscribe.controller';
import { AdminGuard } from './auth/admin.guard';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { HealthController } from './health/health.controller';
import { PlatformsController } from './platforms/platforms.controller';
import { ProvisionsController } from './provisions/provisions.controller';
import { ContextController } from './context/context.controller';
import { ContextService } from './context/context.service';
import { FeedsController } from './feeds/feeds.controller';
import { FeedsService } from './feeds/feeds.service';
import { LedgerKeyInitializer } from './ledger/ledger-key.initializer';
import { LedgerController } from './ledger/ledger.controller';
import { CitationService } from './records/citation.service';
import { RecordBytesService } from './records/record-bytes.service';
import { RecordChangesInterceptor } from './records/record-changes.interceptor';
import { RecordChangesListener } from './records/record-changes.listener';
import { RecordCache } from './records/record.cache';
import { VerificationCache } from './records/verification.cache';
import { RecordsController } from './records/records.controller';
import { RecordsService } from './records/records.service';
import { SubscribersController } from './subscribers/subscribers.controller';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsCron } from './accounts/accounts.cron';
import { ApiTokenController } from './accounts/api-token.controller';
import { ApiTokenService } from './accounts/api-token.service';
import { ExportsController } from './exports/exports.controller';
import { BillingService } from './accounts/billing.service';
import { FollowsService } from './accounts/follows.service';
import { LoginService } from './accounts/login.service';
import { SessionsService } from './accounts/sessions.service';
import { StripeWebhookController } from './accounts/stripe-webhook.controller';
import { AdminController } from './web/admin.controller';
import { AssetsController } from './web/assets.controller';
import { ChangesFeedController } from './web/changes-feed.controller';
import { ChangesQuery } from './web/changes.query';
import { PagesController } from './web/pages.controller';
import { PlatformPageService } from './web/platform-page.service';
import { RecordPageService } from './web/record-page.service';
import { ViewRenderer } from './web/view.renderer';
import { WebContext } from './web/web-context.service';

export function createEmailSender(config: AppConfig): EmailSender {
  return config.resendApiKey ? new ResendSender(config.resendApiKey, config.resendBaseUrl) : new OutboxSender(join(config.dataDir, 'outbox'));
}

export interface ApiModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Overrides for tests (a fetcher with test options, a sender wired to a fake). */
  fetcher?: PageFetcher;
  emailSender?: EmailSender;
  /** Background ticks (alerts, digests, monitoring notices, the delivery job); off in tests that drive sending themselves. */
  ticks?: boolean;
  /** Structured logs and the request log (off in tests). */
  logging?: boolean;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(options.config, { name: 'api', enabled: options.logging !== false }) }),
        DatabaseModule.forRoot({ url: options.databaseUrl }),
        CaptureModule.forRoot({ config: options.config, databaseUrl: options.databaseUrl, fetcher: options.fetcher }),
        ...(options.ticks === false ? [] : [ScheduleModule.forRoot()]),
      ],
      controllers: [HealthController, PlatformsController, DocumentsController, RecordsController, SubscribersController, UnsubscribeController, LedgerController, FeedsController, ContextController, ProvisionsController, ResendWebhookController,
        AccountsController, StripeWebhookController, PagesController, AssetsController, AdminController, ChangesFeedController, ApiTokenController, ExportsController],
      providers: [
        { provide: EMAIL_SENDER, useFactory: () => options.emailSender ?? createEmailSender(options.config) },
        AdminGuard,
        ApiTokenService,
        AlertsService,
        { provide: EmailComposer, useFactory: (dataSource: DataSource) => new EmailComposer(dataSource, options.config), inject: [DataSource] },
        DeliveryService,
        DigestService,
        MonitoringService,
        NotificationsJobs,
        ...(options.ticks === false ? [] : [NotificationsCron]),
        DocumentsService,
        RecordsService,
        CitationService,
        RecordBytesService,
        { provide: RecordCache, useFactory: () => new RecordCache(options.config.recordCacheMb * 1024 * 1024) },
        { provide: VerificationCache, useFactory: () => new VerificationCache() },
        {
          provide: RecordChangesListener,
          useFactory: (cache: RecordCache) => new RecordChangesListener(cache, options.databaseUrl, options.config.recordCacheMb > 0),
          inject: [RecordCache],
        },
        { provide: APP_INTERCEPTOR, useClass: RecordChangesInterceptor },
        LedgerKeyInitializer,
        FeedsService,
        ContextService,
        ViewRenderer,
        WebContext,
        ChangesQuery,
        PlatformPageService,
        RecordPageService,
        SessionsService,
        LoginService,
        FollowsService,
        BillingService,
        ...(options.ticks === false ? [] : [AccountsCron]),
      ],
    };
  }
}
