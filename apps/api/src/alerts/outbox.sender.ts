import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Email, EmailSender } from './email.sender';

/**
 * Writes each email as a JSON file under `DATA_DIR/outbox` (used when no RESEND_API_KEY is set).
 * The file is named by the idempotency key and written atomically, so a retry replaces, never duplicates.
 */
export class OutboxSender implements EmailSender {
  constructor(private readonly directory: string) {}

  async send(email: Email): Promise<{ id: string }> {
    await mkdir(this.directory, { recursive: true });
    const name = email.idempotencyKey.replace(/[^A-Za-z0-9_.-]/g, '_');
    const target = join(this.directory, `${name}.json`);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ ...email, writtenAt: new Date().toISOString() }, null, 2));
    await rename(temporary, target);
    return { id: `outbox:${name}` };
  }
}
