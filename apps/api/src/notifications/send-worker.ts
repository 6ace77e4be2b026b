// A standalone email sender: `node dist/apps/api/src/notifications/send-worker.js [--batch N] [--lease S] [--timeout MS] [--retry-base-ms MS]`.
// It runs the same delivery loop as the API's pg-boss job, without Nest, against DATABASE_URL; the
// kill test starts and SIGKILLs it at random moments to prove that no email is lost or sent twice.
import 'reflect-metadata';
import { loadConfig } from '@clausewatch/config';
import { createDataSource, EmailsRepository } from '@clausewatch/db';
import { join } from 'node:path';
import { DeliveryService } from './delivery.service';
import { EmailComposer } from './email.composer';
import type { EmailSender } from './email.sender';
import { OutboxSender } from './outbox.sender';
import { ResendSender } from './resend.sender';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL: the send worker needs a database URL');
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const dataSource = createDataSource({ url: config.databaseUrl, poolSize: 3 });
  await dataSource.initialize();
  const inner: EmailSender = config.resendApiKey
    ? new ResendSender(config.resendApiKey, config.resendBaseUrl, arg('timeout', 10_000))
    : new OutboxSender(join(config.dataDir, 'outbox'));
  const sender: EmailSender = { maxBatch: arg('batch', inner.maxBatch), send: (e) => inner.send(e), sendBatch: (e, k) => inner.sendBatch(e, k) };
  const delivery = new DeliveryService(new EmailsRepository(dataSource), new EmailComposer(dataSource, config), sender);
  delivery.options = { ...delivery.options, leaseSeconds: arg('lease', 60), concurrency: arg('concurrency', 2), retryBaseMs: arg('retry-base-ms', delivery.options.retryBaseMs), maxRetryMs: arg('max-retry-ms', delivery.options.maxRetryMs) };
  process.stdout.write('ready\n');
  for (;;) {
    const sent = await delivery.drain();
    if (sent) process.stdout.write(`sent ${sent}\n`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
