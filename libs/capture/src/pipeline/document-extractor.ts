import type { Document, DocumentSource } from '@clausewatch/db';
import { ExtractionError, ExtractionErrorCode, ExtractionRules, ExtractResult } from '@clausewatch/extract';
import type { Capture } from './capture.types';
import { TaskError, taskPool } from './worker/task.pool';

function rulesOf(source: DocumentSource | undefined): ExtractionRules {
  return source ? { select: source.select, remove: source.remove, filter: source.filter } : {};
}

/**
 * Extracts a document's text from a capture with the document's rules (a combined document's capture
 * is a multipart/mixed bundle of its pages, one part per source, in reading order). The work runs in
 * the task pool: a page over its deadline or memory cap throws TaskLimitError (`too-complex`,
 * `too-large`); an unextractable page throws ExtractionError as before.
 */
export async function extractDocument(document: Document, capture: Capture): Promise<ExtractResult & { cosmeticFingerprint?: string }> {
  try {
    return await taskPool().run({
      kind: 'extract',
      body: capture.body,
      contentType: capture.contentType ?? null,
      url: capture.url,
      finalUrl: capture.finalUrl ?? null,
      sources: document.sources.map((source) => ({ url: source.url, rules: rulesOf(source) })),
    });
  } catch (err) {
    if (err instanceof TaskError && err.name === 'ExtractionError') throw new ExtractionError(err.code as ExtractionErrorCode, err.message);
    throw err;
  }
}
