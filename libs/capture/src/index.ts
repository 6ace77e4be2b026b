export * from './capture.constants';
export * from './capture.module';
export * from './fetch';
export * from './jobs/jobs.service';
export * from './pipeline/capture.types';
export * from './pipeline/check.service';
export * from './pipeline/ingest.service';
export * from './pipeline/multipart';
