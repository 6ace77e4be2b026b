import 'reflect-metadata';
import { ConfigError, loadConfig } from '@clausewatch/config';
import { createApiApp } from './bootstrap';

// Started by scripts/start.ts with DATABASE_URL (and ADMIN_TOKEN) resolved; runnable alone with them set.
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL', 'the API process needs it (npm start sets it for the embedded database)');
  const app = await createApiApp({ config, databaseUrl: config.databaseUrl });
  await app.listen(config.port, config.host);
  process.send?.({ ready: 'api', port: config.port });
}

main().catch((error) => {
  process.stderr.write(`api: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
