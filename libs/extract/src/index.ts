export * from './extract.types';
export * from './fetcher.types';
export { extract } from './extract';
export { EXTRACTOR_VERSION } from './extract.constants';
export { decodeBody } from './charset.decoder';
export { normaliseMarkdown, normaliseTypography, normaliseUrl } from './text.normalizer';
export { sha256Hex } from './sha256';
export { validateExtractionRules } from './rules.selector';
