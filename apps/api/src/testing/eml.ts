/** Reads back an RFC 5322 message as the outbox writes it (headers, base64 text and HTML parts). */
export interface ParsedEml {
  headers: Record<string, string>;
  text: string;
  html: string;
}

function decodeWord(value: string): string {
  return value.replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

export function parseEml(raw: string): ParsedEml {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const at = line.indexOf(':');
    headers[line.slice(0, at)] = decodeWord(line.slice(at + 1).trim());
  }
  const boundary = /boundary="([^"]+)"/.exec(headers['Content-Type'] ?? '')?.[1];
  const parts = { text: '', html: '' };
  if (boundary) {
    for (const part of rest.join('\r\n\r\n').split(`--${boundary}`)) {
      const [partHead, ...body] = part.split('\r\n\r\n');
      const decoded = Buffer.from(body.join('').replace(/\s+/g, ''), 'base64').toString('utf8');
      if (/text\/plain/.test(partHead)) parts.text = decoded;
      else if (/text\/html/.test(partHead)) parts.html = decoded;
    }
  }
  return { headers, ...parts };
}
