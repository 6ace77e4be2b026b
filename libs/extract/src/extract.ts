import { createDocument } from '@mixmark-io/domino';
import { decodeBody } from './charset.decoder';
import { EXTRACTOR_VERSION, MIN_TEXT_CHARS, NEVER_CONTENT } from './extract.constants';
import { ExtractInput, ExtractionError, ExtractResult } from './extract.types';
import { findElement, walkElements } from './dom.walker';
import { detectMainContent } from './main-content.detector';
import { flattenDeepNesting } from './nesting.limiter';
import { plainTextToMarkdown, toMarkdown } from './markdown.converter';
import { extractPdf, isPdf } from './pdf.extractor';
import { applyRemove, applySelect, normaliseRules } from './rules.selector';
import { normaliseMarkdown, normaliseTypography } from './text.normalizer';

import { sha256Hex as sha256 } from './sha256';

function cleanTitle(raw: string | null | undefined): string | null {
  const title = normaliseTypography(raw ?? '').replace(/\s+/g, ' ').trim();
  return title === '' ? null : title;
}

function isHtmlLike(contentType: string | undefined, text: string): boolean {
  if (/html|xml/i.test(contentType ?? '')) return true;
  if (/^text\/plain\b/i.test(contentType ?? '')) return false;
  return /<[a-z!?/]/i.test(text.slice(0, 4096));
}

function looksBinary(bytes: Buffer, contentType: string | undefined): boolean {
  if (/^(image|audio|video|font)\/|^application\/(zip|octet-stream|gzip)/i.test(contentType ?? '')) return true;
  return bytes.subarray(0, 1024).includes(0);
}

function pruneNeverContent(root: Node): void {
  const doomed: Node[] = [];
  walkElements(root, (element) => {
    const drop = NEVER_CONTENT.has(element.tagName) || (element.tagName === 'INPUT' && element.getAttribute('type') === 'hidden');
    if (drop) doomed.push(element);
    return !drop;
  });
  for (const node of doomed) node.parentNode?.removeChild(node);
}

const TITLE = new Set(['TITLE']);
const H1 = new Set(['H1']);

function countLetters(markdown: string, enough: number): number {
  const letter = /[\p{L}\p{N}]/gu;
  let count = 0;
  while (count < enough && letter.exec(markdown)) count++;
  return count;
}

function htmlToMarkdown(html: string, input: ExtractInput): { markdown: string; title: string | null } {
  const rules = normaliseRules(input.rules);
  const doc = createDocument(flattenDeepNesting(html), true);
  const title = cleanTitle(findElement(doc.head ?? doc, TITLE)?.textContent) ?? cleanTitle(findElement(doc, H1)?.textContent);
  pruneNeverContent(doc);
  applyRemove(doc, rules.remove);
  const root = rules.select.length > 0 ? applySelect(doc, rules.select, rules.selection) : detectMainContent(doc);
  const markdown = toMarkdown(root, { url: input.url, dropAllParams: rules.filter.includes('removeQueryParams') });
  return { markdown, title };
}

/**
 * Extracts the text of a captured page (HTML or PDF) as normalised Markdown, hashed so that the
 * same text always gives the same `textSha256`. Throws `ExtractionError` rather than ever returning
 * an empty or trivially short text: `selector-missing`, `empty`, `unsupported-content`, `invalid-rules`.
 */
export async function extract(input: ExtractInput): Promise<ExtractResult> {
  const bytes = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  let raw: { markdown: string; title: string | null };
  if (isPdf(bytes, input.contentType)) {
    normaliseRules(input.rules);
    const pdf = await extractPdf(bytes);
    raw = { markdown: plainTextToMarkdown(pdf.text), title: cleanTitle(pdf.title) };
  } else if (looksBinary(bytes, input.contentType)) {
    throw new ExtractionError('unsupported-content', `cannot extract text from ${input.contentType ?? 'binary content'}`);
  } else {
    const text = typeof input.body === 'string' ? input.body : decodeBody(bytes, input.contentType).text;
    raw = isHtmlLike(input.contentType, text) ? htmlToMarkdown(text, input) : { markdown: plainTextToMarkdown(text), title: null };
  }
  const markdown = normaliseMarkdown(raw.markdown);
  const letters = countLetters(markdown, MIN_TEXT_CHARS);
  if (letters < MIN_TEXT_CHARS) {
    throw new ExtractionError('empty', letters === 0 ? 'the extracted text is empty' : `the extracted text is too short to be a document (${letters} letters or digits)`);
  }
  return {
    markdown,
    title: raw.title,
    textSha256: sha256(markdown),
    rawSha256: sha256(bytes),
    extractorVersion: EXTRACTOR_VERSION,
  };
}
