export * from './config';
export * from './config.constants';
export * from './logging';
