import { RECORD_KIND_LABELS } from '../records.constants';
import { RecordsError, RecordsErrorCode } from '../records.error';
import { RecordKind, requireRecordId } from '../record-id/record-id';

export type CitationFormat = 'text' | 'bibtex' | 'ris' | 'csl-json';

export const CITATION_FORMATS: readonly CitationFormat[] = ['text', 'bibtex', 'ris', 'csl-json'];

/** What a citation needs to know about any record; the API fills it from the database. */
export interface CitationView {
  /** The platform, e.g. `Midjourney`. */
  entityName: string;
  /** Absent for a platform (E) record. */
  documentTitle?: string;
  /** E.g. `terms of service`, `privacy policy`. */
  documentType?: string;
  recordId: string;
  kind: RecordKind;
  /** When the cited text was captured (for V, P and C records). */
  capturedAt?: string | Date;
  textSha256?: string;
  rawSha256?: string;
  /** Where the platform published the document. */
  sourceUrl?: string;
  /** The record's permanent page, `https://…/r/CW-V-0001234`. */
  permalinkUrl: string;
  /** The day the citer looked at it; a Date is taken in UTC. */
  accessedDate: string | Date;
  /** The signed ledger tree head covering the cited version when the citation was made: a head anyone can check the ledger against later (`verify --since`). */
  treeHead?: { treeSize: number; rootHash: string; timestamp: string };
  /** A provision: its heading path (the section it sits in), outermost first. */
  section?: string[];
  /** A provision: its text, quoted in the citation (shortened at a sentence boundary). */
  quote?: string;
}

/** The view with dates resolved, checked once so each format can trust it. */
export interface NormalisedCitation extends Omit<CitationView, 'capturedAt' | 'accessedDate'> {
  captured?: Date;
  accessed: { iso: string; parts: [number, number, number] };
  title: string;
  recordLabel: string;
  /** The section's headings joined, e.g. `4. Content › Licence`. */
  sectionLabel?: string;
  quote?: string;
}

/** Longest quote a citation carries; a longer clause is cut at the last sentence end before it. */
export const QUOTE_MAX_CHARS = 300;

/**
 * Shortens a clause for quoting: whole when short enough, else up to the last sentence end that fits
 * (then `[…]`), else at a word boundary with `…`. Markdown emphasis and links are reduced to their text.
 */
export function quoteOf(text: string, max = QUOTE_MAX_CHARS): string {
  const plain = text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/^\s*(?:[-+*]|\d+[.)])\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const head = plain.slice(0, max);
  let cut = -1;
  for (const match of head.matchAll(/[.!?;:](?=["”’)]?\s)/g)) cut = match.index + 1;
  if (cut >= max / 3) return `${plain.slice(0, cut)} […]`;
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > 0 ? space : max).replace(/[\s,;:]+$/, '')}…`;
}

/** The noun of each kind in "Clausewatch <noun> CW-…": `record` once, never "change record record". */
export const RECORD_NOUNS = {
  E: 'platform record',
  D: 'document record',
  V: 'version record',
  P: 'provision record',
  C: 'change record',
} as const;

function invalid(message: string): RecordsError {
  return new RecordsError(RecordsErrorCode.InvalidArgument, `citation: ${message}`);
}

function toDate(value: string | Date, name: string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw invalid(`${name} ${JSON.stringify(value)} is not a date`);
  return date;
}

function datePart(value: string | Date): NormalisedCitation['accessed'] {
  if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}/.test(value)) throw invalid(`accessedDate ${JSON.stringify(value)} is not YYYY-MM-DD`);
  const iso = toDate(value, 'accessedDate').toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-').map(Number);
  return { iso, parts: [y, m, d] };
}

export function normaliseCitation(view: CitationView): NormalisedCitation {
  const id = requireRecordId(view.recordId);
  if (id.kind !== view.kind) throw invalid(`record ${view.recordId} is not of kind ${view.kind}`);
  if (!view.entityName?.trim()) throw invalid('entityName is empty');
  if (!view.permalinkUrl?.trim()) throw invalid('permalinkUrl is empty');
  for (const [name, hash] of [['textSha256', view.textSha256], ['rawSha256', view.rawSha256]] as const) {
    if (hash !== undefined && !/^[0-9a-f]{64}$/.test(hash)) throw invalid(`${name} must be 64 lowercase hex digits`);
  }
  // Titles pasted from a page may carry line breaks; every format should show the same one-line title.
  const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
  const entityName = oneLine(view.entityName);
  const documentTitle = view.documentTitle === undefined ? undefined : oneLine(view.documentTitle) || undefined;
  const base = documentTitle ?? entityName;
  const sectionLabel = view.section?.map(oneLine).filter(Boolean).join(' › ') || undefined;
  const title =
    view.kind === 'P'
      ? `${base}, ${sectionLabel ? `§ ${sectionLabel}, ` : ''}${RECORD_KIND_LABELS.P} ${view.recordId}`
      : view.kind === 'C'
        ? `${base}, ${RECORD_KIND_LABELS.C} ${view.recordId}`
        : base;
  const { capturedAt, accessedDate, section: _section, quote, ...rest } = view;
  return {
    ...rest,
    entityName,
    documentTitle,
    captured: capturedAt === undefined ? undefined : toDate(capturedAt, 'capturedAt'),
    accessed: datePart(accessedDate),
    title,
    recordLabel: `Clausewatch ${RECORD_NOUNS[view.kind]} ${view.recordId}`,
    ...(sectionLabel ? { sectionLabel } : {}),
    ...(quote?.trim() ? { quote: quoteOf(quote) } : {}),
  };
}
