import { DataSource, EntityManager } from 'typeorm';
import { ChangeRecord } from '../entities';

export type NewChangeRecord = Omit<ChangeRecord, 'id' | 'recordId' | 'createdAt'>;

export class ChangeRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(values: NewChangeRecord, manager: EntityManager = this.dataSource.manager): Promise<ChangeRecord> {
    return manager.save(ChangeRecord, manager.create(ChangeRecord, values));
  }

  findByRecordId(recordId: string): Promise<ChangeRecord | null> {
    return this.dataSource.manager.findOneBy(ChangeRecord, { recordId });
  }

  findByToVersion(toVersionId: string, manager: EntityManager = this.dataSource.manager): Promise<ChangeRecord | null> {
    return manager.findOneBy(ChangeRecord, { toVersionId });
  }

  async setAlertEligible(id: string, alertEligible: boolean, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(ChangeRecord, { id }, { alertEligible });
  }

  async setReasons(id: string, reasons: string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(ChangeRecord, { id }, { reasons });
  }

  listFor(documentId: string, limit = 100, offset = 0): Promise<ChangeRecord[]> {
    return this.dataSource.manager.find(ChangeRecord, { where: { documentId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit, skip: offset });
  }
}
