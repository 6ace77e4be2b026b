import { loadConfig } from '@clausewatch/config';
import { createDataSource, Document, DocumentsRepository, PlatformsRepository, rulesInForce } from '@clausewatch/db';
import { createTestDatabase, TestDatabase } from '@clausewatch/testing';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { readOtaDirectory } from '../catalog';
import { CatalogImporter } from './catalog.importer';

const declarations = join(__dirname, '..', 'catalog', 'fixtures', 'declarations');

// import-ota keeps what OTA's history files say, so archived snapshots are extracted with their own rules.
describe('CatalogImporter: Open Terms Archive declarations with their history', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let importer: CatalogImporter;
  let documents: DocumentsRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    documents = new DocumentsRepository(dataSource);
    importer = new CatalogImporter(dataSource, loadConfig({}), new PlatformsRepository(dataSource), documents);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const tos = () => dataSource.manager.findOneOrFail(Document, { where: { type: 'terms-of-service', platform: { slug: 'midjourney' } } });

  it('stores each document’s rules history and OTA selection, and the rules in force follow the capture date', async () => {
    const { entries } = await readOtaDirectory(declarations);
    const report = await importer.import(entries, { origin: 'ota' });
    expect(report.documentsCreated).toBeGreaterThanOrEqual(3);

    const document = await tos();
    expect(document.selection).toBe('ota');
    expect(document.rulesHistory.map((e) => e.validUntil)).toEqual(['2023-03-02T08:00:00.000Z', '2024-11-20T10:12:44.000Z']);
    expect(rulesInForce(document, new Date('2022-12-01'))[0].select).toEqual(['main article']);
    expect(rulesInForce(document, new Date('2024-06-01'))[0]).toMatchObject({ select: ['.notion-page-content'], remove: ['.notion-table-of-contents'] });
    expect(rulesInForce(document, new Date('2025-06-01'))[0].select).toEqual(['.article-body']);
    const history = await documents.history(document.id);
    expect(history.map((e) => `${e.actor} ${e.action}`)).toEqual(['import-ota created']);

    // A document without history gets none; the bundled catalog keeps our semantics.
    const guidelines = await dataSource.manager.findOneOrFail(Document, { where: { type: 'community-guidelines' } });
    expect(guidelines.rulesHistory).toEqual([]);
  });

  it('is idempotent, and gives a document imported before histories were kept its history once', async () => {
    const { entries } = await readOtaDirectory(declarations);
    const document = await tos();
    await documents.setRulesHistory(document.id, []);
    const report = await importer.import(entries, { origin: 'ota' });
    expect(report).toMatchObject({ documentsCreated: 0, historiesStored: 1 });
    expect((await tos()).rulesHistory).toHaveLength(2);
    expect((await importer.import(entries, { origin: 'ota' })).historiesStored).toBe(0);
    expect((await documents.history(document.id)).map((e) => e.action)).toEqual(['created', 'imported']);
  });
});
