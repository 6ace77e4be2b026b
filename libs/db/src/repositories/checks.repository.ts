import { DataSource, EntityManager } from 'typeorm';
import { Check } from '../entities';
import { insertSlots } from './row-insert';

export type NewCheck = Omit<Check, 'id'>;

export class ChecksRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(values: NewCheck, manager: EntityManager = this.dataSource.manager): Promise<Check> {
    const check = manager.create(Check, values);
    return manager.save(Check, check);
  }

  /** A check row, inside a transaction opened by hand (no TypeORM save, which would open one of its own). */
  async insertRow(manager: EntityManager, values: NewCheck): Promise<void> {
    const params: unknown[] = [];
    const row = insertSlots(manager, Check, values, params);
    await manager.query(`INSERT INTO checks (${row.columns}) VALUES (${row.slots})`, params);
  }

  /** Validators of the latest successful response, for a conditional request. */
  async latestValidators(documentId: string): Promise<{ etag: string | null; lastModified: string | null } | null> {
    const check = await this.dataSource.manager.findOne(Check, {
      where: { documentId, outcome: 'ok' },
      order: { startedAt: 'DESC', id: 'DESC' },
      select: { etag: true, lastModified: true },
    });
    return check ? { etag: check.etag, lastModified: check.lastModified } : null;
  }

  listFor(documentId: string, limit = 50): Promise<Check[]> {
    return this.dataSource.manager.find(Check, { where: { documentId }, order: { startedAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** The newest checks of a document named by its record ID (one statement: no lookup of its internal id first). */
  listForDocumentRecord(documentRecordId: string, limit: number): Promise<Check[]> {
    return this.dataSource.manager
      .createQueryBuilder(Check, 'check')
      .innerJoin('documents', 'd', 'd.id = check.document_id')
      .where('d.record_id = :documentRecordId', { documentRecordId })
      .orderBy('check.startedAt', 'DESC')
      .addOrderBy('check.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  countFor(documentId: string): Promise<number> {
    return this.dataSource.manager.countBy(Check, { documentId });
  }
}
