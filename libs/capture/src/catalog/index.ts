export type {
  CatalogDocument,
  CatalogEntry,
  CatalogFetcher,
  CatalogFileProblem,
  CatalogHistoricalDocument,
  CatalogSource,
  OtaDirectoryResult,
  RangeSelector,
  Selector,
} from './catalog.types';
export { CatalogError, CatalogErrorCode } from './catalog.error';
export { kebabCase } from './declaration-fields.validator';
export { parseOtaDeclaration, parseOtaDeclarationDetailed, parseOtaHistory, parseOtaHistoryDetailed } from './ota-declaration.parser';
export type { ParsedDeclaration } from './ota-declaration.parser';
export { readOtaDirectory } from './ota-directory.reader';
export { bundledCatalog, bundledCatalogPath, validateBundledCatalog } from './bundled-catalog.loader';
