// The work of the CLI's `digest [--at ISO] [--dry-run]` (apps/cli/src/commands/digest.command.ts runs
// this file with DATABASE_URL set): owes the weekly digests due at that instant, one per subscriber
// and week, and unless --dry-run sends them. Exit codes: 0 all done, 1 some failed, 2 bad usage.
import 'reflect-metadata';
import { loadConfig } from '@clausewatch/config';
import { createDataSource, EmailsRepository } from '@clausewatch/db';
import { join } from 'node:path';
import { DeliveryService } from './delivery.service';
import { DigestService } from './digest.service';
import { EmailComposer } from './email.composer';
import { OutboxSender } from './outbox.sender';
import { ResendSender } from './resend.sender';

export async function runDigest(args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let at = new Date();
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--dry-run') dryRun = true;
    else if (args[i] === '--at' || args[i].startsWith('--at=')) {
      const value = args[i].startsWith('--at=') ? args[i].slice(5) : args[++i];
      at = new Date(value ?? '');
      if (!value || Number.isNaN(at.getTime())) {
        err.write(`digest: --at needs an ISO date and time, got "${value ?? ''}"\n`);
        return 2;
      }
    } else {
      err.write(`digest: unknown argument ${args[i]}\nusage: digest [--at ISO] [--dry-run]\n`);
      return 2;
    }
  }
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL: not set');
  const dataSource = createDataSource({ url: config.databaseUrl, poolSize: 6 });
  await dataSource.initialize();
  try {
    const composer = new EmailComposer(dataSource, config);
    const started = Date.now();
    let lastReported = 0;
    const emails = new EmailsRepository(dataSource);
    const run = await new DigestService(emails, composer).buildDue(at, {
      dryRun,
      onProgress: (done, state) => {
        if (Math.floor(done / 1000) > Math.floor(lastReported / 1000)) {
          err.write(`digest: ${done} subscribers looked at, ${state.due} digests due\n`);
          lastReported = done;
        }
      },
    });
    const summary: Record<string, unknown> = { at: at.toISOString(), dryRun, subscribers: run.subscribers, due: run.due };
    let failed = 0;
    if (dryRun) {
      summary.built = run.built;
    } else {
      summary.owed = run.created;
      const sender = config.resendApiKey ? new ResendSender(config.resendApiKey, config.resendBaseUrl) : new OutboxSender(join(config.dataDir, 'outbox'));
      const delivery = new DeliveryService(emails, composer, sender);
      summary.sent = await delivery.drain();
      const byStatus = await emails.digestsByStatusSince(new Date(started - 1000));
      failed = byStatus.failed ?? 0;
      summary.digests = byStatus;
      if (!config.resendApiKey) summary.outbox = join(config.dataDir, 'outbox');
    }
    summary.durationMs = Date.now() - started;
    out.write(`${JSON.stringify(summary)}\n`);
    return failed ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  runDigest(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`digest: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
