import 'reflect-metadata';
import { CliCommand, CliUsageError } from './command';
import { commands } from './commands';

function help(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'clausewatch — policy-change monitor',
    '',
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Commands that need the database use DATABASE_URL, or the embedded database under DATA_DIR.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return name ? 0 : 1;
  }
  const command: CliCommand | undefined = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`clausewatch: unknown command "${name}"\n\n${help()}\n`);
    return 1;
  }
  if (rest.includes('--help')) {
    process.stdout.write(`Usage: clausewatch ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`clausewatch ${name}: ${error.message}\nUsage: clausewatch ${command.usage}\n`);
      return 1;
    }
    process.stderr.write(`clausewatch ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error}\n`);
    process.exitCode = 1;
  },
);
