import { rulesInForce } from '@clausewatch/db';
import type { Document, DocumentSource } from '@clausewatch/db';
import { ExtractInput, ExtractionError, ExtractionErrorCode, ExtractionRules, ExtractResult, sha256Hex } from '@clausewatch/extract';
import { textTooLarge } from './worker/task-limit.error';
import { TaskError, taskPool } from './worker/task.pool';
import { versionRawSha256 } from '@clausewatch/records';
import type { Capture, CapturePart } from './capture.types';
import { isLegacyMultipart, readLegacyMultipart } from './legacy-multipart.reader';

/** A page of the capture with its SHA-256, computed once (by the extractor, which reads the bytes). */
export interface ExtractedPart extends CapturePart {
  rawSha256: string;
}

export interface ExtractedDocument extends ExtractResult {
  /** The capture's pages in reading order, each hashed once. */
  parts: ExtractedPart[];
}

/**
 * One page's extraction in the task pool: a page over the deadline, the memory cap or MAX_TEXT_CHARS throws
 * TaskLimitError (`too-complex`, `too-large`, permanent); an unextractable page throws ExtractionError as in-process.
 */
async function extractInPool(input: ExtractInput & { body: Buffer }): Promise<ExtractResult> {
  const url = input.url ?? '';
  const pool = taskPool();
  try {
    const { cosmeticFingerprint: _fingerprint, ...result } = await pool.run({
      kind: 'extract',
      body: input.body,
      contentType: input.contentType ?? null,
      url,
      finalUrl: null,
      sources: [{ url, rules: input.rules ?? {} }],
      maxTextChars: pool.maxTextChars,
    });
    return result;
  } catch (err) {
    if (err instanceof TaskError && err.name === 'ExtractionError') throw new ExtractionError(err.code as ExtractionErrorCode, err.message);
    throw err;
  }
}

function rulesOf(source: DocumentSource | undefined, selection: Document['selection']): ExtractionRules {
  return source ? { select: source.select, remove: source.remove, filter: source.filter, selection } : { selection };
}

/**
 * Extracts a document's text from a capture with the document's rules: THE one place a capture is
 * extracted. A combined document's pages are extracted with their own source's rules and joined in
 * reading order.
 */
export async function extractDocument(document: Document, capture: Capture): Promise<ExtractedDocument> {
  // The rules in force when the page was captured (the document's rules history), not today's.
  const sources = rulesInForce(document, capture.capturedAt);
  const legacy = capture.parts.length === 1 && isLegacyMultipart(capture.parts[0].contentType);
  const pages = legacy ? readLegacyMultipart(capture.parts[0].body, capture.parts[0].contentType!, sources.map((s) => s.url)) : capture.parts;
  const sourceOf = (i: number): DocumentSource | undefined =>
    pages.length === 1 ? (sources.find((s) => s.url === capture.url) ?? sources[0]) : sources[i];
  const results = await Promise.all(
    pages.map((page, i) => extractInPool({ body: page.body, contentType: page.contentType ?? undefined, url: page.url || sourceOf(i)?.url, rules: rulesOf(sourceOf(i), document.selection) })),
  );
  // A legacy bundle stays one stored part: its bytes are what the version's snapshot holds.
  const parts: ExtractedPart[] = legacy
    ? [{ ...capture.parts[0], rawSha256: sha256Hex(capture.parts[0].body) }]
    : pages.map((page, i) => ({ ...page, rawSha256: results[i].rawSha256 }));
  if (results.length === 1) return { ...results[0], rawSha256: parts[0].rawSha256, parts };
  const markdown = results.map((r) => r.markdown).join('\n\n');
  // Each page is within MAX_TEXT_CHARS (its extraction task checks); the document's text as a whole must be too.
  const { maxTextChars } = taskPool();
  if (markdown.length > maxTextChars) throw textTooLarge(markdown.length, maxTextChars);
  return {
    markdown,
    title: results[0]?.title ?? null,
    textSha256: sha256Hex(markdown),
    rawSha256: versionRawSha256(parts.map((p) => p.rawSha256)),
    extractorVersion: results[0].extractorVersion,
    parts,
  };
}
