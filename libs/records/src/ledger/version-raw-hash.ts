import { createHash } from 'node:crypto';

/**
 * The raw SHA-256 a version records, from the SHA-256 (hex) of each of its pages in reading order:
 * the page's own hash for one page; for a combined document, the SHA-256 of the pages' hashes joined
 * by line feeds (so anyone can recompute it from the downloaded pages with `sha256sum`).
 */
export function versionRawSha256(pageSha256s: readonly string[]): string {
  if (pageSha256s.length === 1) return pageSha256s[0];
  return createHash('sha256').update(pageSha256s.join('\n')).digest('hex');
}
