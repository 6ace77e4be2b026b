import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { analyzeChange, ChangeAnalysis } from '@clausewatch/analyzer';
import { extract } from '@clausewatch/extract';
import { CliCommand, CliUsageError, parseArgs } from '../command';

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

/** Markdown files are read as they are; anything else (HTML, PDF) goes through extraction first. */
async function markdownOf(file: string): Promise<string> {
  const body = await readFile(file);
  if (MARKDOWN_EXTENSIONS.has(extname(file).toLowerCase())) return body.toString('utf8');
  const contentType = extname(file).toLowerCase() === '.pdf' ? 'application/pdf' : 'text/html';
  return (await extract({ body, contentType })).markdown;
}

function report(a: ChangeAnalysis): string {
  const lines = [`kind: ${a.kind}`, `severity: ${a.severity}`, '', a.summary, ''];
  if (a.reasons.length) lines.push('Reasons:', ...a.reasons.map((r) => `  - ${r}`), '');
  const shown = a.clauses.filter((c) => c.kind !== 'cosmetic' || a.kind === 'cosmetic');
  if (shown.length) lines.push(`Clauses (${shown.length}):`);
  for (const c of shown) {
    const where = c.headingPath.length ? ` § ${c.headingPath.join(' › ')}` : '';
    lines.push(`  [${c.severity}] ${c.op} (${c.kind}${c.clauseTypes.length ? `; ${c.clauseTypes.slice(0, 4).join(', ')}` : ''})${where}`);
    if (c.diff) {
      const changed = c.diff.filter((s) => s.op !== 'equal').map((s) => `${s.op === 'insert' ? '+' : '-'}“${s.text.trim()}”`);
      lines.push(`      ${changed.join(' ').slice(0, 300)}`);
    } else lines.push(`      ${c.op === 'added' ? '+' : '-'}“${(c.after ?? c.before ?? '').slice(0, 300)}”`);
  }
  return lines.join('\n') + '\n';
}

export const diffCommand: CliCommand = {
  name: 'diff',
  usage: 'diff <old> <new> [--json]',
  summary: 'analyse two versions (HTML or Markdown) and print the change record',
  async run(args) {
    const { positionals, booleans } = parseArgs(args, { booleans: ['json'] });
    if (positionals.length !== 2) throw new CliUsageError('needs two files: <old> <new>');
    const [before, after] = await Promise.all(positionals.map(markdownOf));
    const analysis = analyzeChange(before, after);
    process.stdout.write(booleans.json ? JSON.stringify(analysis, null, 2) + '\n' : report(analysis));
    return 0;
  },
};
