import { CliCommand } from '../command';

/** A command whose name is part of the contract but whose work is not built yet: it says so and fails. */
export function notBuilt(name: string, usage: string, summary: string): CliCommand {
  return {
    name,
    usage,
    summary: `${summary} (not built yet)`,
    async run() {
      process.stderr.write(`clausewatch ${name}: this command is not built yet.\n`);
      return 2;
    },
  };
}
