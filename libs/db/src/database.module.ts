import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { LedgerAuditService, LedgerService, RecordIntegrityService } from './ledger';
import * as repositoryClasses from './repositories';

/** Every repository class of `./repositories`, each built on the one data source. */
const repositories = Object.values(repositoryClasses);

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The data source, the repositories and the ledger, for any Nest application of the workspace. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: { url: string; poolSize?: number }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createDataSource({ url: options.url, poolSize: options.poolSize });
            await dataSource.initialize();
            return dataSource;
          },
        },
        ...repositories.map((repository) => ({
          provide: repository,
          useFactory: (dataSource: DataSource) => new repository(dataSource),
          inject: [DataSource],
        })),
        LedgerService,
        LedgerAuditService,
        RecordIntegrityService,
        DataSourceCloser,
      ],
      exports: [DataSource, ...repositories, LedgerService, LedgerAuditService, RecordIntegrityService],
    };
  }
}
