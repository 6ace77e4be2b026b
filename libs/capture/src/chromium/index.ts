export * from './chromium.check';
