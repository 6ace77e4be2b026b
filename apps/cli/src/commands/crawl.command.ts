import { CheckDocument, ConfirmCapture } from '@clausewatch/capture';
import { loadConfig } from '@clausewatch/config';
import { DocumentsRepository, RunningChecksRepository } from '@clausewatch/db';
import { CliCommand, CliUsageError, EXIT, parseArgs } from '../command';
import { startProgress } from '../progress';
import { withServices } from '../cli-context';

export const crawlCommand: CliCommand = {
  name: 'crawl',
  usage: 'crawl [--document <id>] [--due]',
  summary: 'check documents now (one, the due ones, or all) and print one JSON line per check',
  async run(args) {
    const { strings, booleans, positionals } = parseArgs(args, { strings: ['document'], booleans: ['due'] });
    if (positionals.length) throw new CliUsageError(`unexpected argument ${positionals[0]}`);
    return withServices(async ({ app }) => {
      const documents = app.get(DocumentsRepository);
      const checker = app.get(CheckDocument);
      const confirmation = app.get(ConfirmCapture);
      const runningChecks = app.get(RunningChecksRepository);
      const confirmAtOnce = loadConfig().confirmDelaySeconds === 0;
      let ids: string[];
      if (strings.document) {
        const document = await documents.findByRecordId(strings.document);
        if (!document) throw new CliUsageError(`no document ${strings.document}`);
        ids = [document.id];
      } else if (booleans.due) {
        ids = (await documents.findDue(10_000)).map((d) => d.id);
      } else {
        ids = await documents.listActiveIds();
      }
      let failures = 0;
      const progress = startProgress('crawl', ids.length);
      for (const id of ids) {
        const document = (await documents.findById(id))!;
        // A check of it running in a crawler (or another CLI) is not doubled; that check records the result.
        const running = await runningChecks.start(document.id);
        if (!running) {
          process.stdout.write(`${JSON.stringify({ document: document.recordId, outcome: 'skipped', cause: 'a check of this document is running in another process' })}\n`);
          progress.tick();
          continue;
        }
        const result = await checker.check(document, 'manual').finally(() => running.end());
        // No delay: confirm here, like the admin route (the queued job then finds nothing to do).
        if (confirmAtOnce && result.created && result.version && !result.version.confirmedAt) await confirmation.confirmCapture(document.id, result.version.id);
        if (result.outcome !== 'ok' && result.outcome !== 'not-modified') failures++;
        process.stdout.write(
          `${JSON.stringify({
            document: document.recordId,
            outcome: result.outcome,
            ...(result.cause ? { cause: result.cause } : {}),
            version: result.version?.recordId ?? null,
            newVersion: result.created,
            change: result.change ? { id: result.change.recordId, kind: result.change.kind, severity: result.change.severity } : null,
          })}\n`,
        );
        progress.tick();
      }
      progress.stop(`checked ${ids.length} document(s), ${failures} failed`);
      return failures > 0 ? EXIT.someFailed : EXIT.ok;
    });
  },
};
