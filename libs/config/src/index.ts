export * from './config';
export * from './config.constants';
