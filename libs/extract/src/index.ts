export * from './extract.types';
export { extract } from './extract';
