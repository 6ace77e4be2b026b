import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Email, EmailSender } from './email.sender';

/**
 * Writes each email under `DATA_DIR/outbox` as an RFC 5322 `.eml` file (MIME multipart/alternative,
 * text and HTML parts) that any mail client opens. Used when no RESEND_API_KEY is set. The file is
 * named by the idempotency key and written atomically, so a retry replaces, never duplicates.
 */
export class OutboxSender implements EmailSender {
  readonly maxBatch = 100;

  constructor(
    private readonly directory: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(email: Email): Promise<{ id: string }> {
    await mkdir(this.directory, { recursive: true });
    const name = email.idempotencyKey.replace(/[^A-Za-z0-9_.-]/g, '_');
    const target = join(this.directory, `${name}.eml`);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, toEml(email, this.now()));
    await rename(temporary, target);
    return { id: `outbox:${name}` };
  }

  async sendBatch(emails: Email[]): Promise<Array<{ id: string }>> {
    const ids: Array<{ id: string }> = [];
    for (const email of emails) ids.push(await this.send(email));
    return ids;
  }
}

/** An RFC 2047 encoded word when the value is not plain ASCII. */
function headerValue(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  return `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}

/** An address header: the display name encoded, the address kept readable. */
function addressValue(value: string): string {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value);
  if (!match || !match[1]) return value.trim();
  return `${headerValue(match[1].replace(/^"|"$/g, ''))} <${match[2]}>`;
}

function base64Lines(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** The complete message: headers, a blank line, then a text and an HTML alternative (CRLF line ends). */
export function toEml(email: Email, date: Date): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(email.from)?.[1] ?? 'clausewatch.local';
  const digest = createHash('sha256').update(email.idempotencyKey).digest('hex');
  const boundary = `cw-${digest.slice(0, 24)}`;
  const headers: Array<[string, string]> = [
    ['From', addressValue(email.from)],
    ['To', addressValue(email.to)],
    ['Subject', headerValue(email.subject)],
    ['Date', date.toUTCString().replace('GMT', '+0000')],
    ['Message-ID', `<${digest.slice(0, 32)}@${domain}>`],
    ['MIME-Version', '1.0'],
    ...Object.entries(email.headers).map(([k, v]): [string, string] => [k, headerValue(v)]),
    ['Content-Type', `multipart/alternative; boundary="${boundary}"`],
  ];
  return [
    ...headers.map(([k, v]) => `${k}: ${v}`),
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(email.text),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(email.html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
