export * from './database/test-database';
export * from './fixture-site';
export * from './fake-resend';
export * from './fake-stripe';
export * from './until';
