import { loadDotEnv } from '@clausewatch/config';
import { CliCommand, CliCommandEntry, CliUsageError, EXIT } from './command';
import { commands } from './commands';

function help(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'clausewatch — policy-change monitor',
    '',
    'Usage: npm run cli -- <command> [options]      (npm run cli -- <command> --help)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Commands that need the database use DATABASE_URL, or the embedded database under DATA_DIR.',
    'Settings come from the environment, then from a .env file in the current folder (as npm start).',
    '',
    'Exit status:',
    `  ${EXIT.ok}  all done`,
    `  ${EXIT.someFailed}  some items failed (the count is printed on stderr)`,
    `  ${EXIT.usage}  bad usage (unknown command or option, missing argument, refused output)`,
  ].join('\n');
}

function isCommand(value: unknown): value is CliCommand {
  return typeof value === 'object' && value !== null && typeof (value as CliCommand).run === 'function' && typeof (value as CliCommand).name === 'string';
}

async function load(entry: CliCommandEntry): Promise<CliCommand> {
  const exports = (await entry.load()) as Record<string, unknown>;
  const candidates = Object.values(exports).filter(isCommand);
  const command = candidates.find((c) => c.name === entry.name) ?? candidates[0];
  if (!command) throw new Error(`the ${entry.name} command module exports no command`);
  return command;
}

async function main(argv: string[]): Promise<number> {
  // Like npm start: a .env beside package.json, variables already set win; nothing is written back.
  loadDotEnv();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(help() + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`clausewatch: unknown command "${name}"\n\n${help()}\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: clausewatch ${entry.usage}\n${entry.summary}\nExit status: 0 all done, 1 some items failed, 2 bad usage.\n`);
    return EXIT.ok;
  }
  try {
    return await (await load(entry)).run(rest);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`clausewatch ${name}: ${error.message}\nUsage: clausewatch ${entry.usage}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`clausewatch ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.someFailed;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error}\n`);
    process.exitCode = EXIT.someFailed;
  },
);
