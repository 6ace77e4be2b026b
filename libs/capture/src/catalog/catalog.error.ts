export enum CatalogErrorCode {
  InvalidJson = 'INVALID_JSON',
  NotAnObject = 'NOT_AN_OBJECT',
  MissingName = 'MISSING_NAME',
  InvalidSlug = 'INVALID_SLUG',
  MissingTerms = 'MISSING_TERMS',
  InvalidTermsType = 'INVALID_TERMS_TYPE',
  MissingFetch = 'MISSING_FETCH',
  InvalidUrl = 'INVALID_URL',
  UnsupportedScheme = 'UNSUPPORTED_SCHEME',
  InvalidSelector = 'INVALID_SELECTOR',
  InvalidFilter = 'INVALID_FILTER',
  InvalidCombine = 'INVALID_COMBINE',
  InvalidProperty = 'INVALID_PROPERTY',
  UnknownProperty = 'UNKNOWN_PROPERTY',
  InvalidHistory = 'INVALID_HISTORY',
  InvalidBundledCatalog = 'INVALID_BUNDLED_CATALOG',
}

export class CatalogError extends Error {
  constructor(
    readonly code: CatalogErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CatalogError';
  }
}
