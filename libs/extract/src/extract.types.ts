/** An Open Terms Archive range selector: the content between two CSS anchors. */
export interface RangeSelector {
  startBefore?: string;
  startAfter?: string;
  endBefore?: string;
  endAfter?: string;
}

export type Selector = string | RangeSelector;

/** Extraction rules of a document, as in an Open Terms Archive declaration. */
export interface ExtractionRules {
  select?: Selector | Selector[];
  remove?: Selector | Selector[];
  /** Named filters; at least `removeQueryParams`. Unknown names are an error. */
  filter?: string[];
  /** How `select` applies (default `clausewatch`); `ota` follows Open Terms Archive (see applySelect). */
  selection?: SelectionSemantics;
}

export type SelectionSemantics = 'clausewatch' | 'ota';

export interface ExtractInput {
  body: Buffer | string;
  /** The response's Content-Type (charset and PDF detection). */
  contentType?: string;
  /** The page URL, to make links absolute. */
  url?: string;
  rules?: ExtractionRules;
}

export interface ExtractResult {
  /** Normalised Markdown: the same text always gives the same bytes. */
  markdown: string;
  title: string | null;
  /** SHA-256 (hex) of the UTF-8 bytes of `markdown`. */
  textSha256: string;
  /** SHA-256 (hex) of the raw input bytes. */
  rawSha256: string;
  /** Bumped whenever extraction output can change for the same input. */
  extractorVersion: string;
}

export type ExtractionErrorCode = 'selector-missing' | 'empty' | 'unsupported-content' | 'invalid-rules';

export class ExtractionError extends Error {
  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}
