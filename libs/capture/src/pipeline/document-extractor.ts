import type { Document, DocumentSource } from '@clausewatch/db';
import { extract, ExtractionRules, ExtractResult } from '@clausewatch/extract';
import { createHash } from 'node:crypto';
import { splitMultipart } from './multipart';
import type { Capture } from './capture.types';

function rulesOf(source: DocumentSource | undefined): ExtractionRules {
  return source ? { select: source.select, remove: source.remove, filter: source.filter } : {};
}

/**
 * Extracts a document's text from a capture with the document's rules. A combined document's
 * capture is a multipart/mixed bundle of its pages, one part per source, in reading order.
 */
export async function extractDocument(document: Document, capture: Capture): Promise<ExtractResult> {
  if (capture.contentType?.toLowerCase().startsWith('multipart/mixed')) {
    const parts = splitMultipart(capture.body, capture.contentType);
    const results = await Promise.all(
      parts.map((part, i) =>
        extract({ body: part.body, contentType: part.contentType ?? undefined, url: part.url ?? document.sources[i]?.url, rules: rulesOf(document.sources[i]) }),
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
  const source = document.sources.find((s) => s.url === capture.url) ?? document.sources[0];
  return extract({
    body: capture.body,
    contentType: capture.contentType ?? undefined,
    url: capture.finalUrl ?? capture.url,
    rules: rulesOf(source),
  });
}
