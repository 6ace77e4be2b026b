import { cosmeticFingerprint } from '@clausewatch/analyzer';
import { extract, ExtractResult } from '@clausewatch/extract';
import { createHash } from 'node:crypto';
import { splitMultipart } from '../multipart';
import type { ExtractTask } from './task.types';

/**
 * Extracts a document's text from a capture with the document's rules. A combined document's
 * capture is a multipart/mixed bundle of its pages, one part per source, in reading order.
 * Runs in a worker thread of the task pool (or inline when the pool is).
 */
export async function runExtraction(task: ExtractTask): Promise<ExtractedText> {
  const result = await extractOnly(task);
  // Seconds of CPU on a 10 MB text: computed here rather than on the caller's event loop.
  return { ...result, cosmeticFingerprint: cosmeticFingerprint(result.markdown) };
}

/** An extraction with the fingerprint that finds earlier versions of the same text up to cosmetics. */
export type ExtractedText = ExtractResult & { cosmeticFingerprint: string };

async function extractOnly(task: ExtractTask): Promise<ExtractResult> {
  const body = Buffer.from(task.body.buffer, task.body.byteOffset, task.body.byteLength);
  if (task.contentType?.toLowerCase().startsWith('multipart/mixed')) {
    const parts = splitMultipart(body, task.contentType);
    const results = await Promise.all(
      parts.map((part, i) => extract({ body: part.body, contentType: part.contentType ?? undefined, url: part.url ?? task.sources[i]?.url, rules: task.sources[i]?.rules ?? {} })),
    );
    const markdown = results.map((r) => r.markdown).join('\n\n');
    return {
      markdown,
      title: results[0]?.title ?? null,
      textSha256: createHash('sha256').update(markdown, 'utf8').digest('hex'),
      rawSha256: createHash('sha256').update(body).digest('hex'),
      extractorVersion: results[0].extractorVersion,
    };
  }
  const source = task.sources.find((s) => s.url === task.url) ?? task.sources[0];
  return extract({ body, contentType: task.contentType ?? undefined, url: task.finalUrl ?? task.url, rules: source?.rules ?? {} });
}
