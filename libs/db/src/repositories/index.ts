export * from './change-records.repository';
export * from './checks.repository';
export * from './documents.repository';
export * from './notifications.repository';
export * from './platforms.repository';
export * from './snapshots.repository';
export * from './subscribers.repository';
export * from './versions.repository';
