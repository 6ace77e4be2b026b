import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEMPLATE_DATABASE = 'clausewatch_template';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const url = process.env.CLAUSEWATCH_TEST_ADMIN_URL;
  if (!url) throw new Error('no test PostgreSQL: integration specs run under the "integration" jest project');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database for one test file, cloned from the template made in global setup. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `clausewatch_test_${randomBytes(6).toString('hex')}`;
  const url = await admin(async (client) => {
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
    return client.connectionParameters
      ? `postgres://${client.connectionParameters.user}:${encodeURIComponent(String(client.connectionParameters.password))}@${client.connectionParameters.host}:${client.connectionParameters.port}/${name}`
      : '';
  });
  return {
    url,
    drop: () => admin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
