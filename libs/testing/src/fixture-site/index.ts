export { corpusDir, loadScenarios, readCorpusPage } from './corpus.loader';
export type { Scenarios, ScenarioDocument, ScenarioStep, ScenarioExpectation, ScenarioSeverity, ScenarioChangeKind } from './corpus.loader';
export { FixtureSite } from './fixture-site.server';
export type { FixtureResponse, FixtureSiteOptions } from './fixture-site.server';
export type { FaultMode, FaultOptions } from './fault.responder';
