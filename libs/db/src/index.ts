export * from './entities';
export * from './data-source';
export * from './naming.strategy';
export * from './embedded/embedded-database';
export * from './repositories';
export * from './database.module';
export * from './record-changes.constants';
export * from './ledger';
