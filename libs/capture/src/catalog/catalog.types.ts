import type { FetcherKind, Selector } from '@clausewatch/extract';

export type { RangeSelector, Selector } from '@clausewatch/extract';

/** A catalog entry's fetcher: the documents' own kinds. */
export type CatalogFetcher = FetcherKind;

/** One page of a document: where to fetch it and which part of it is the document. */
export interface CatalogSource {
  url: string;
  select?: Selector[];
  remove?: Selector[];
  /** Filter names as declared; they are never run here (see the directory reader's warnings). */
  filter?: string[];
}

export interface CatalogDocument {
  /** kebab-case of the title, e.g. 'terms-of-service'. */
  type: string;
  /** Open Terms Archive's terms type name, e.g. 'Terms of Service'. */
  title: string;
  /** Several sources are concatenated in order into one document (OTA's `combine`). */
  sources: CatalogSource[];
  fetcher: CatalogFetcher;
}

/** A document as declared before `validUntil`, from an OTA `<Service>.history.json` file. */
export interface CatalogHistoricalDocument extends CatalogDocument {
  /** ISO 8601 instant; the declaration was in force up to and including it. */
  validUntil: string;
}

export interface CatalogEntry {
  /** kebab-case from the name. */
  slug: string;
  name: string;
  homepage?: string;
  documents: CatalogDocument[];
  /** Earlier declarations, sorted by type then validUntil; absent when there is none. */
  history?: CatalogHistoricalDocument[];
}

export interface CatalogFileProblem {
  file: string;
  message: string;
}

export interface OtaDirectoryResult {
  entries: CatalogEntry[];
  /** Files that could not be read as declarations; the other files were still read. */
  errors: CatalogFileProblem[];
  /** Things that were read but not fully honoured (JS filter modules, filter parameters...). */
  warnings: CatalogFileProblem[];
}
