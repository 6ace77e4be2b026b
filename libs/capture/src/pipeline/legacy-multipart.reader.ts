import type { CapturePart } from './capture.types';

const CRLF = '\r\n';

/**
 * Reads a snapshot stored before combined documents kept their pages as parts (a multipart/mixed
 * bundle, RFC 2046), so such versions can still be re-extracted. Nothing writes this format any more.
 */
export function readLegacyMultipart(body: Buffer, contentType: string, fallbackUrls: string[]): CapturePart[] {
  const match = /boundary="?([^";]+)"?/i.exec(contentType);
  if (!match) throw new Error('multipart snapshot without a boundary');
  const delimiter = Buffer.from(`--${match[1]}`);
  const parts: CapturePart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next === -1) break;
    const raw = body.subarray(afterDelimiter + CRLF.length, next - CRLF.length);
    const headerEnd = raw.indexOf(`${CRLF}${CRLF}`);
    const headerText = raw.subarray(0, headerEnd).toString('latin1');
    const header = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(headerText)?.[1].trim() ?? null;
    parts.push({ body: raw.subarray(headerEnd + 4), contentType: header('Content-Type'), url: header('Content-Location') ?? fallbackUrls[parts.length] ?? '' });
    start = next;
  }
  return parts;
}

export function isLegacyMultipart(contentType: string | null): contentType is string {
  return contentType?.toLowerCase().startsWith('multipart/mixed') ?? false;
}
