import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { classify } from '@clausewatch/analyzer';
import { CliCommand, CliUsageError, parseArgs } from '../command';

interface InputLine {
  id?: unknown;
  text?: unknown;
}

export const classifyCommand: CliCommand = {
  name: 'classify',
  usage: 'classify [FILE|-]',
  summary: 'classify JSON lines {id, text} into clause types and a stance',
  async run(args) {
    const { positionals } = parseArgs(args, {});
    if (positionals.length > 1) throw new CliUsageError('takes at most one file');
    const file = positionals[0] ?? '-';
    const input = file === '-' ? process.stdin : createReadStream(file);
    let failed = 0;
    let lineNo = 0;
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      lineNo++;
      if (!line.trim()) continue;
      let parsed: InputLine;
      try {
        parsed = JSON.parse(line) as InputLine;
      } catch {
        process.stderr.write(`clausewatch classify: line ${lineNo} is not JSON\n`);
        failed++;
        continue;
      }
      if (typeof parsed.text !== 'string') {
        process.stderr.write(`clausewatch classify: line ${lineNo} has no "text" string\n`);
        failed++;
        continue;
      }
      const c = classify(parsed.text);
      const out = { id: parsed.id ?? null, clauseTypes: c.clauseTypes.map((t) => t.id), stance: c.stance, confidence: c.confidence };
      if (!process.stdout.write(JSON.stringify(out) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
    }
    return failed ? 1 : 0;
  },
};
