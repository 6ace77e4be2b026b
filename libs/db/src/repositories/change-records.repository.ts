import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ChangeRecord } from '../entities';

export type NewChangeRecord = Omit<ChangeRecord, 'id' | 'recordId' | 'createdAt' | 'supersededBy'>;

export class ChangeRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(values: NewChangeRecord, manager: EntityManager = this.dataSource.manager): Promise<ChangeRecord> {
    return manager.save(ChangeRecord, manager.create(ChangeRecord, values));
  }

  findByRecordId(recordId: string): Promise<ChangeRecord | null> {
    return this.dataSource.manager.findOneBy(ChangeRecord, { recordId });
  }

  /** The current (not superseded) change record that leads to a version. */
  findByToVersion(toVersionId: string, manager: EntityManager = this.dataSource.manager): Promise<ChangeRecord | null> {
    return manager.findOneBy(ChangeRecord, { toVersionId, supersededBy: IsNull() });
  }

  /**
   * Keeps a change record but marks it superseded by the records (record IDs) that replace it;
   * `amend` completes the list of a record superseded earlier in the same transaction.
   */
  async supersede(id: string, by: string[], manager: EntityManager = this.dataSource.manager, amend = false): Promise<void> {
    await manager.query(`UPDATE change_records SET superseded_by = $2::jsonb WHERE id = $1 AND superseded_by IS ${amend ? 'NOT ' : ''}NULL`, [id, JSON.stringify(by)]);
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
