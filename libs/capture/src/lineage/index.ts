export * from './lineage.planner';
export * from './lineage.service';
