// `npm run migration:generate -- <Name>`: applies the existing migrations to a throwaway embedded
// PostgreSQL, asks TypeORM what the entities still need, and writes that as a new migration.
import 'reflect-metadata';
import { createDataSource, startEmbeddedDatabase } from '@clausewatch/db';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
  const dataDir = mkdtempSync(join(tmpdir(), 'clausewatch-migration-'));
  const database = await startEmbeddedDatabase(dataDir, { fast: true });
  const dataSource = createDataSource({ url: database.url });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
    if (upQueries.length === 0) {
      process.stdout.write('entities and migrations agree: nothing to generate\n');
      return;
    }
    const timestamp = Date.now();
    const lines = (queries: typeof upQueries) =>
      queries.map((q) => `    await queryRunner.query(\`${q.query.replace(/`/g, '\\`')}\`);`).join('\n');
    const file = join(__dirname, '../../libs/db/src/migrations', `${timestamp}-${name.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}.ts`);
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${lines(upQueries)}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${lines([...downQueries].reverse())}\n  }\n}\n`,
    );
    process.stdout.write(`wrote ${file}: add it to libs/db/src/migrations/index.ts\n`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
});
