// Citations of any record in the four formats of DESIGN.md. Each format is written so that a
// reference manager imports it without loss: BibTeX specials are escaped as LaTeX, RIS values
// are kept on one line, CSL-JSON is plain JSON.stringify output.
import { CITATION_PUBLISHER } from '../records.constants';
import { RecordsError, RecordsErrorCode } from '../records.error';
import { CitationFormat, CitationView, NormalisedCitation, normaliseCitation } from './citation-view';

function capturedText(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Facts an outsider needs to find and re-verify the cited text, as sentences. */
function provenance(c: NormalisedCitation): string[] {
  const facts = [c.recordLabel];
  if (c.captured) facts.push(`captured ${capturedText(c.captured)}`);
  if (c.textSha256) facts.push(`text SHA-256 ${c.textSha256}`);
  if (c.rawSha256) facts.push(`raw SHA-256 ${c.rawSha256}`);
  if (c.sourceUrl) facts.push(`source ${c.sourceUrl}`);
  if (c.treeHead) facts.push(`ledger tree head ${c.treeHead.treeSize}:${c.treeHead.rootHash} signed ${c.treeHead.timestamp}`);
  return facts;
}

/** A quote ending in a sentence end or an ellipsis closes itself; otherwise (a heading such as
 * `Introduction`, a list lead-in) a full stop follows the closing mark, as after the title, so the
 * quote does not run into the record label. The quoted text itself is never altered. */
function quotedSentence(quote: string): string {
  return /[.!?…\]]$/.test(quote) ? `“${quote}”` : `“${quote}”.`;
}

function formatText(c: NormalisedCitation): string {
  const parts = [`${c.entityName}.`];
  if (c.documentTitle) parts.push(`“${c.title}”${c.documentType ? ` (${c.documentType})` : ''}.`);
  else if (c.title !== c.entityName) parts.push(`${c.title}.`);
  if (c.quote) parts.push(quotedSentence(c.quote));
  parts.push(`${provenance(c).join(', ')}.`, `${c.permalinkUrl} (accessed ${c.accessed.iso}).`);
  return parts.join(' ').replace(/\s+/g, ' ');
}

const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

export function escapeBibtex(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/[\\{}$&%#_^~]/g, (ch) => BIBTEX_SPECIALS[ch]);
}

/** URL fields are verbatim in biblatex; only braces, backslashes and spaces could break them. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (ch) => encodeURIComponent(ch));
}

function bibtexKey(recordId: string): string {
  return recordId.replace(/[^A-Za-z0-9:_-]/g, '');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function formatBibtex(c: NormalisedCitation): string {
  const fields: [string, string][] = [
    // Double braces keep a corporate author whole and the title's case as published.
    ['author', `{${escapeBibtex(c.entityName)}}`],
    ['title', `{${escapeBibtex(c.title)}}`],
  ];
  if (c.captured) {
    const iso = c.captured.toISOString();
    fields.push(['date', iso.slice(0, 10)], ['year', iso.slice(0, 4)], ['month', MONTHS[c.captured.getUTCMonth()]]);
  }
  if (c.documentType) fields.push(['type', escapeBibtex(c.documentType)]);
  fields.push(
    ['organization', CITATION_PUBLISHER],
    ['url', bibtexUrl(c.permalinkUrl)],
    ['urldate', c.accessed.iso],
    ['note', escapeBibtex(provenance(c).join('; '))],
  );
  if (c.quote) fields.push(['abstract', escapeBibtex(c.quote)]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n');
  return `@misc{${bibtexKey(c.recordId)},\n${body}\n}\n`;
}

/** RIS has no escapes: a line break would end the field, so every value is one line. */
export function risValue(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function risDate(date: Date): string {
  return `${date.toISOString().slice(0, 10).replace(/-/g, '/')}/`;
}

function formatRis(c: NormalisedCitation): string {
  const lines: [string, string][] = [
    ['TY', 'ELEC'],
    // A comma would split the name into family and given names; a platform is one corporate name.
    ['AU', c.entityName.replace(/,/g, ' ')],
    ['TI', c.title],
    ['PB', c.entityName],
  ];
  if (c.captured) lines.push(['PY', String(c.captured.getUTCFullYear())], ['DA', risDate(c.captured)]);
  if (c.documentType) lines.push(['M3', c.documentType]);
  const accessed = `${c.accessed.iso.replace(/-/g, '/')}/`;
  // Y2 is where most tools read the access date; the RIS 2011 spec puts it in M1 for ELEC.
  lines.push(['Y2', accessed], ['M1', accessed], ['UR', c.permalinkUrl], ['DB', CITATION_PUBLISHER], ['AN', c.recordId]);
  lines.push(['N1', provenance(c).join('; ')], ['ID', c.recordId]);
  if (c.quote) lines.push(['AB', c.quote]);
  return `${lines.map(([tag, value]) => `${tag}  - ${risValue(value)}`).join('\r\n')}\r\nER  - \r\n`;
}

function dateParts(date: Date): { 'date-parts': number[][] } {
  return { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] };
}

function formatCslJson(c: NormalisedCitation): string {
  const item: Record<string, unknown> = {
    id: c.recordId,
    type: 'webpage',
    title: c.title,
    author: [{ literal: c.entityName }],
    publisher: c.entityName,
    ...(c.documentType ? { genre: c.documentType } : {}),
    ...(c.captured ? { issued: dateParts(c.captured) } : {}),
    accessed: { 'date-parts': [c.accessed.parts] },
    URL: c.permalinkUrl,
    archive: CITATION_PUBLISHER,
    archive_location: c.recordId,
    note: provenance(c).join('; '),
    ...(c.sectionLabel ? { section: c.sectionLabel } : {}),
    ...(c.quote ? { abstract: c.quote } : {}),
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}

const FORMATTERS: Record<CitationFormat, (c: NormalisedCitation) => string> = {
  text: formatText,
  bibtex: formatBibtex,
  ris: formatRis,
  'csl-json': formatCslJson,
};

/** Throws RecordsError(InvalidArgument) for an unknown format or an inconsistent view. */
export function formatCitation(view: CitationView, format: CitationFormat): string {
  const formatter = Object.prototype.hasOwnProperty.call(FORMATTERS, format) ? FORMATTERS[format] : undefined;
  if (!formatter) throw unknownFormat(format);
  return formatter(normaliseCitation(view));
}

function unknownFormat(format: string): RecordsError {
  return new RecordsError(RecordsErrorCode.InvalidArgument, `unknown citation format ${JSON.stringify(format)}`);
}
