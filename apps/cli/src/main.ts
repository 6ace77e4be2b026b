import { join } from 'node:path';
import { runBundled } from './bundle.loader';

// The built CLI runs from its bundle and V8 code cache when the build wrote one (bundle.loader.ts), else, and
// with CLAUSEWATCH_CLI_BUNDLE=0, from its modules one by one: the same code either way (cli.ts).
const entry = join(__dirname, 'cli.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (!runBundled(entry, process.argv.slice(2))) require(entry);
