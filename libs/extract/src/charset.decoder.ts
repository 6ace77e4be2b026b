import * as iconv from 'iconv-lite';

/** Where the charset of a decoded body came from (useful when a page decodes badly). */
export type CharsetSource = 'content-type' | 'bom' | 'meta' | 'sniffed';

export interface DecodedBody {
  text: string;
  charset: string;
  source: CharsetSource;
}

// The HTML standard only looks at the first 1024 bytes for a <meta> charset.
const PRESCAN_BYTES = 1024;

export function charsetFromContentType(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match ? match[1].toLowerCase() : null;
}

function charsetFromMeta(head: string): string | null {
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (direct) return direct[1].toLowerCase();
  const httpEquiv = /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(head);
  return httpEquiv ? httpEquiv[1].toLowerCase() : null;
}

function charsetFromBom(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function usable(charset: string | null): charset is string {
  return charset !== null && iconv.encodingExists(charset);
}

// Browsers treat a declared latin-1 as windows-1252 (curly quotes at 0x91-0x94 would be lost otherwise).
function alias(charset: string): string {
  return /^(iso-8859-1|latin1|l1|us-ascii|ascii)$/i.test(charset) ? 'windows-1252' : charset;
}

// Node's own UTF-8 decoder is several times faster than iconv's; iconv handles the rest.
function decode(bytes: Buffer, charset: string): string {
  if (/^utf-?8$/i.test(charset)) {
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  return iconv.decode(bytes, charset);
}

/**
 * Decodes raw bytes as a browser would: a BOM wins, then the Content-Type charset, then a
 * <meta charset> or http-equiv in the first 1024 bytes, then UTF-8 if the bytes are valid UTF-8,
 * else windows-1252 (the web's de facto default for undeclared legacy pages).
 */
export function decodeBody(bytes: Buffer, contentType?: string): DecodedBody {
  const candidates: Array<[string | null, CharsetSource]> = [
    [charsetFromBom(bytes), 'bom'],
    [charsetFromContentType(contentType), 'content-type'],
    [charsetFromMeta(bytes.subarray(0, PRESCAN_BYTES).toString('latin1')), 'meta'],
  ];
  for (const [charset, source] of candidates) {
    if (usable(charset)) {
      const name = alias(charset);
      return { text: decode(bytes, name), charset: name, source };
    }
  }
  const sniffed = isValidUtf8(bytes) ? 'utf-8' : 'windows-1252';
  return { text: decode(bytes, sniffed), charset: sniffed, source: 'sniffed' };
}
