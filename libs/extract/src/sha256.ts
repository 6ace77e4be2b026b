import { createHash } from 'node:crypto';

/** SHA-256 (hex) of bytes, or of a string's UTF-8 bytes: the one hash of raw pages and texts. */
export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
