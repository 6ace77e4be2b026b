import { rulesInForce } from '@clausewatch/db';
import type { Document, DocumentSource } from '@clausewatch/db';
import { extract, ExtractionRules, ExtractResult } from '@clausewatch/extract';
import { createHash } from 'node:crypto';
import { splitMultipart } from './multipart';
import type { Capture } from './capture.types';

function rulesOf(source: DocumentSource | undefined, selection: Document['selection']): ExtractionRules {
  return source ? { select: source.select, remove: source.remove, filter: source.filter, selection } : { selection };
}

/**
 * Extracts a document's text from a capture with the document's rules. A combined document's
 * capture is a multipart/mixed bundle of its pages, one part per source, in reading order.
 */
export async function extractDocument(document: Document, capture: Capture): Promise<ExtractResult> {
  // The rules in force when the page was captured (the document's rules history), not today's.
  const sources = rulesInForce(document, capture.capturedAt);
  if (capture.contentType?.toLowerCase().startsWith('multipart/mixed')) {
    const parts = splitMultipart(capture.body, capture.contentType);
    const results = await Promise.all(
      parts.map((part, i) =>
        extract({ body: part.body, contentType: part.contentType ?? undefined, url: part.url ?? sources[i]?.url, rules: rulesOf(sources[i], document.selection) }),
      ),
    );
    const markdown = results.map((r) => r.markdown).join('\n\n');
    return {
      markdown,
      title: results[0]?.title ?? null,
      textSha256: createHash('sha256').update(markdown, 'utf8').digest('hex'),
      rawSha256: createHash('sha256').update(capture.body).digest('hex'),
      extractorVersion: results[0].extractorVersion,
    };
  }
  const source = sources.find((s) => s.url === capture.url) ?? sources[0];
  return extract({
    body: capture.body,
    contentType: capture.contentType ?? undefined,
    url: capture.finalUrl ?? capture.url,
    rules: rulesOf(source, document.selection),
  });
}
