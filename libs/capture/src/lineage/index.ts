export * from './lineage.planner';
