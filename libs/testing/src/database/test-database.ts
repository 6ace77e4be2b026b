import { randomBytes } from 'node:crypto';
import { Client } from 'pg';


export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.CLAUSEWATCH_TEST_ADMIN_URL;
  if (!url) throw new Error('no test PostgreSQL: integration specs run under the "integration" jest project');
  return url;
}

/** The migrated template the global setup (libs/db/src/testing) made and named for this run. */
function templateDatabase(): string {
  const name = process.env.CLAUSEWATCH_TEST_TEMPLATE;
  if (!name) throw new Error('no test template database: integration specs run under the "integration" jest project');
  return name;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
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
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
