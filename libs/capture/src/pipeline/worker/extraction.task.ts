import { cosmeticFingerprint } from '@clausewatch/analyzer';
import { extract, ExtractResult } from '@clausewatch/extract';
import { textTooLarge } from './task-limit.error';
import type { ExtractTask } from './task.types';

/** An extraction with the fingerprint that finds earlier versions of the same text up to cosmetics. */
export type ExtractedText = ExtractResult & { cosmeticFingerprint: string };

/**
 * Extracts one page with its source's rules (the caller splits a combined document into pages).
 * Runs in a worker thread of the task pool (or inline when the pool is).
 */
export async function runExtraction(task: ExtractTask): Promise<ExtractedText> {
  const body = Buffer.from(task.body.buffer, task.body.byteOffset, task.body.byteLength);
  const source = task.sources.find((s) => s.url === task.url) ?? task.sources[0];
  const result = await extract({ body, contentType: task.contentType ?? undefined, url: task.finalUrl ?? task.url, rules: source?.rules ?? {} });
  // Checked before anything else reads the text: its fingerprint, and later its split and analysis, cost
  // many times its size (a 9 MB single line took the processes past 600 MB; issue 13).
  if (result.markdown.length > task.maxTextChars) throw textTooLarge(result.markdown.length, task.maxTextChars);
  // Seconds of CPU on a 10 MB text: computed here rather than on the caller's event loop.
  return { ...result, cosmeticFingerprint: cosmeticFingerprint(result.markdown) };
}
