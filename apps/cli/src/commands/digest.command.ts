import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliCommand, CliUsageError, parseArgs } from '../command';
import { withDatabase } from '../cli-context';

/**
 * `digest [--at ISO] [--dry-run]`: the weekly digests due at that instant. The work lives with the
 * API's notifications (apps may not import each other), compiled beside this file by `npm run cli`;
 * this command provides the database (DATABASE_URL or the embedded one) and runs it.
 */
export const digestCommand: CliCommand = {
  name: 'digest',
  usage: 'digest [--at ISO] [--dry-run]',
  summary: 'build (and unless --dry-run, send) the weekly digests due at that instant; never twice per subscriber and week',
  async run(args) {
    const { strings, positionals } = parseArgs(args, { strings: ['at'], booleans: ['dry-run'] });
    if (positionals.length) throw new CliUsageError(`unexpected argument ${positionals[0]}`);
    if (strings.at !== undefined && Number.isNaN(new Date(strings.at).getTime())) throw new CliUsageError(`--at needs an ISO date and time, got "${strings.at}"`);
    const entry = join(__dirname, '../../../api/src/notifications/digest.main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run through \`npm run cli\` (it builds dist/ first)`);
    return withDatabase(
      ({ databaseUrl }) =>
        new Promise<number>((resolve, reject) => {
          const child = spawn(process.execPath, [entry, ...args], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl } });
          child.on('error', reject);
          child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
        }),
    );
  },
};
