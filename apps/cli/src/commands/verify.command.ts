import { LedgerAuditService, LedgerService, RecordIntegrityService, VERIFIED_STATUS, VersionIntegrity, VersionsRepository } from '@clausewatch/db';
import { parseRecordId, parseSavedTreeHead, RecordsError, SavedTreeHead } from '@clausewatch/records';
import { existsSync, readFileSync } from 'node:fs';
import { withServices } from '../cli-context';
import { CliCommand, CliUsageError, EXIT, parseArgs } from '../command';
import { startProgress } from '../progress';

/** Versions re-hashed per round trip when the whole archive is checked. */
const VERIFY_BATCH = 200;

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

function report(results: VersionIntegrity[], json: boolean, quiet: boolean): number {
  let failed = 0;
  for (const result of results) {
    if (!result.ok) failed += 1;
    if (json) write(JSON.stringify(result));
    else if (!quiet || !result.ok) write(`${result.id}: ${result.status}`);
  }
  return failed;
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: 'verify [<record-id>] [--ledger] [--since <tree-head: file, JSON or size:root>] [--json]',
  summary: 're-hash stored snapshots and versions and check the ledger',
  async run(args) {
    const { positionals, booleans, strings } = parseArgs(args, { booleans: ['ledger', 'json'], strings: ['since'] });
    if (positionals.length > 1) throw new CliUsageError('takes at most one record ID');
    const [recordId] = positionals;
    const parsed = recordId === undefined ? null : parseRecordId(recordId);
    if (recordId !== undefined && !parsed) throw new CliUsageError(`"${recordId}" is not a record ID (expected e.g. CW-V-0001234)`);
    const json = booleans.json === true;
    let since: SavedTreeHead | null = null;
    const sinceArg = strings.since;
    if (sinceArg !== undefined) {
      // A file holds a saved head, or the last line of a tree-heads.log.
      const text = existsSync(sinceArg) ? readFileSync(sinceArg, 'utf8').trim().split('\n').pop() ?? '' : sinceArg;
      try {
        since = parseSavedTreeHead(text);
      } catch (error) {
        if (error instanceof RecordsError) throw new CliUsageError(`--since: ${error.message}`);
        throw error;
      }
    }

    return withServices(async ({ app }) => {
      const integrity = app.get(RecordIntegrityService);
      let failed = 0;
      let checked = 0;
      if (parsed && recordId) {
        const versionIds = await integrity.versionIdsOf(recordId, parsed.kind);
        if (!versionIds) {
          process.stderr.write(`clausewatch verify: no record ${recordId}\n`);
          return EXIT.someFailed;
        }
        const results = await integrity.verifyVersions(versionIds);
        checked = results.length;
        failed = report(results, json, false);
        if (!json && checked === 0) write(`${recordId}: no version stored yet: nothing to verify`);
      } else if (!booleans.ledger) {
        // The whole archive: every version, in id order, a batch at a time; only problems are listed.
        const versions = app.get(VersionsRepository);
        const progress = startProgress('verify', await versions.countAll());
        for (let after = '0'; ; ) {
          const ids = await versions.idsAfter(after, VERIFY_BATCH);
          if (ids.length === 0) break;
          const results = await integrity.verifyVersions(ids);
          checked += results.length;
          failed += report(results, json, true);
          for (let i = 0; i < results.length; i++) progress.tick();
          after = ids[ids.length - 1];
        }
        progress.stop(`re-hashed ${checked} version(s)`);
        if (!json) write(failed === 0 ? `${checked} versions: ${VERIFIED_STATUS}` : `${failed} of ${checked} versions do not verify`);
      }
      if (since) {
        const report = await app.get(LedgerService).verifySince(since);
        if (json) write(JSON.stringify({ since: report }));
        else {
          for (const problem of report.problems) write(`since: ${problem}`);
          write(report.ok ? `since: the log of ${report.current.treeSize} entries extends the saved head of ${since.treeSize}` : `since: ${report.problems.length} problem(s)`);
        }
        if (!report.ok) failed += 1;
        return failed === 0 ? 0 : 1;
      }
      if (booleans.ledger || !parsed) {
        process.stderr.write('verify: auditing the ledger (every leaf, node and signed tree head)\n');
        const audit = await app.get(LedgerAuditService).audit();
        if (json) write(JSON.stringify({ ledger: audit }));
        else {
          for (const problem of audit.problems) write(`ledger: ${problem}`);
          write(audit.ok ? `ledger: ${audit.leaves} leaves and ${audit.treeHeads} signed tree heads verified` : `ledger: ${audit.problems.length} problem(s)`);
          // Captured while this ran (every process appends what is pending at start, this one included).
          if (audit.pending > 0) write(`ledger: ${audit.pending} version(s) pending, captured a moment ago: their entries are appended within seconds`);
        }
        if (!audit.ok) failed += 1;
      }
      if (failed > 0) process.stderr.write(`clausewatch verify: ${failed} item(s) failed\n`);
      return failed === 0 ? EXIT.ok : EXIT.someFailed;
    });
  },
};
