export * from './ledger.constants';
export * from './ledger.error';
export * from './pg-ledger.store';
export * from './ledger-appender';
export * from './ledger.service';
export * from './ledger-audit.service';
export * from './record-integrity.service';
