/** One `clausewatch` sub-command. `run` resolves to the process exit code (see EXIT). */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

/**
 * A command as the registry lists it: what `--help` prints, and how to load its code. Commands are
 * loaded only when run, so `--help`, `extract`, `diff` and `classify` never load Nest, TypeORM or pg-boss.
 */
export interface CliCommandEntry {
  name: string;
  usage: string;
  summary: string;
  /** `async () => require('./x.command')`: the module exports one CliCommand (any name). */
  load: () => Promise<unknown>;
}

/** Exit codes, documented in `--help` and the README. */
export const EXIT = {
  /** Everything done. */
  ok: 0,
  /** Some items failed (the command says how many on stderr). */
  someFailed: 1,
  /** Bad usage: unknown command or option, missing argument, refused output. */
  usage: 2,
} as const;

export class CliUsageError extends Error {}

/** Parses `--flag value`, repeated flags and bare `--switch`es; the rest are positionals. */
export function parseArgs(
  args: string[],
  spec: { strings?: string[]; arrays?: string[]; booleans?: string[] },
): { positionals: string[]; strings: Record<string, string>; arrays: Record<string, string[]>; booleans: Record<string, boolean> } {
  const result = { positionals: [] as string[], strings: {} as Record<string, string>, arrays: {} as Record<string, string[]>, booleans: {} as Record<string, boolean> };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '-') {
      result.positionals.push(arg);
      continue;
    }
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (spec.booleans?.includes(flag)) {
      result.booleans[flag] = true;
      continue;
    }
    const isArray = spec.arrays?.includes(flag);
    if (!isArray && !spec.strings?.includes(flag)) throw new CliUsageError(`unknown option --${flag}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new CliUsageError(`--${flag} needs a value`);
    if (isArray) (result.arrays[flag] ??= []).push(value);
    else result.strings[flag] = value;
  }
  return result;
}
