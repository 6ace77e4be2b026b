export * from './coded.error';
