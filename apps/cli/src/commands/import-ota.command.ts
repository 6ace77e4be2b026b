import { CatalogImporter, readOtaDirectory } from '@clausewatch/capture';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliCommand, CliUsageError, EXIT, parseArgs } from '../command';
import { startProgress } from '../progress';
import { withServices } from '../cli-context';

export const importOtaCommand: CliCommand = {
  name: 'import-ota',
  usage: 'import-ota <declarations-dir>',
  summary: 'import Open Terms Archive declarations as platforms and documents',
  async run(args) {
    const { positionals } = parseArgs(args, {});
    if (positionals.length !== 1) throw new CliUsageError('give exactly one declarations folder');
    const dir = resolve(positionals[0]);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliUsageError(`${dir} is not a folder`);
    const { entries, errors, warnings } = await readOtaDirectory(dir);
    for (const warning of warnings) process.stderr.write(`warning: ${warning.file}: ${warning.message}\n`);
    for (const error of errors) process.stderr.write(`skipped: ${error.file}: ${error.message}\n`);
    if (entries.length === 0) {
      process.stderr.write(`no valid declaration in ${dir}${errors.length ? ` (${errors.length} file(s) skipped)` : ''}\n`);
      return EXIT.someFailed;
    }
    const report = await withServices(({ app }) => {
      const progress = startProgress('import-ota', entries.length);
      return app
        .get(CatalogImporter)
        .import(entries, { origin: 'ota', onEntry: () => progress.tick() })
        .finally(() => progress.stop(`imported ${entries.length} declaration(s)${errors.length ? `, ${errors.length} file(s) skipped` : ''}`));
    });
    process.stdout.write(
      `${JSON.stringify({ platforms: report.platforms, documentsCreated: report.documentsCreated, documentsExisting: report.documentsExisting, historiesStored: report.historiesStored, skippedFiles: errors.length })}\n`,
    );
    return errors.length ? EXIT.someFailed : EXIT.ok;
  },
};
