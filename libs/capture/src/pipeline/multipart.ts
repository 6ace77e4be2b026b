import { randomBytes } from 'node:crypto';

export interface Part {
  body: Buffer;
  contentType: string | null;
  url: string | null;
}

const CRLF = '\r\n';

/** Bundles the pages of a combined document into one multipart/mixed snapshot (RFC 2046). */
export function joinMultipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `cw-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const headers = [`Content-Type: ${part.contentType ?? 'application/octet-stream'}`];
    if (part.url) headers.push(`Content-Location: ${part.url}`);
    chunks.push(Buffer.from(`--${boundary}${CRLF}${headers.join(CRLF)}${CRLF}${CRLF}`), part.body, Buffer.from(CRLF));
  }
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`));
  return { body: Buffer.concat(chunks), contentType: `multipart/mixed; boundary="${boundary}"` };
}

export function splitMultipart(body: Buffer, contentType: string): Part[] {
  const match = /boundary="?([^";]+)"?/i.exec(contentType);
  if (!match) throw new Error('multipart capture without a boundary');
  const delimiter = Buffer.from(`--${match[1]}`);
  const parts: Part[] = [];
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
    parts.push({ body: raw.subarray(headerEnd + 4), contentType: header('Content-Type'), url: header('Content-Location') });
    start = next;
  }
  return parts;
}
