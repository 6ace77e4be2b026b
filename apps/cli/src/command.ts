/** One `clausewatch` sub-command. `run` resolves to the process exit code. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

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
