export * from './analyzer.types';
export { AnalyzerError, AnalyzerErrorCode } from './analyzer.error';
export { clauseTypes, clauseTypeById } from './clause-types.constants';
export { splitProvisions } from './provision.splitter';
export { alignProvisions } from './provision.aligner';
export { classify } from './clause.classifier';
export { cosmeticFingerprint, cosmeticDocumentKey } from './text.normalizer';
export { wordDiff } from './word.differ';
