import { DataSource, EntityManager, IsNull } from 'typeorm';
import { SEVERITY_ORDER } from '@clausewatch/analyzer';
import { ChangeRecord } from '../entities';
import type { OweOptions } from './notifications.repository';
import { owingCtes, owingInsert } from './owing.sql';
import { entityFromRow, insertSlots } from './row-insert';

export type NewChangeRecord = Omit<ChangeRecord, 'id' | 'recordId' | 'createdAt' | 'supersededBy'>;

export class ChangeRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(values: NewChangeRecord, manager: EntityManager = this.dataSource.manager): Promise<ChangeRecord> {
    return manager.save(ChangeRecord, manager.create(ChangeRecord, values));
  }

  /**
   * A new change record and, when `owe` is given (an alert-eligible change), the notifications it owes
   * (see NotificationsRepository.oweForChange: the same rows), in one statement of the capture transaction.
   */
  async insertOwing(manager: EntityManager, values: NewChangeRecord, owe: OweOptions | null): Promise<ChangeRecord> {
    const params: unknown[] = [];
    const change = insertSlots(manager, ChangeRecord, values, params);
    const owing = owe?.alert;
    if (owing) params.push(owe.sameDayAlert, [...SEVERITY_ORDER]);
    const [row]: Array<Record<string, unknown>> = await manager.query(
      `WITH inserted AS (
         INSERT INTO change_records (${change.columns}) VALUES (${change.slots}) RETURNING *
       )${
         owing
           ? `, ${owingCtes('SELECT i.id, i.severity, i.clause_types, d.platform_id FROM inserted i JOIN documents d ON d.id = i.document_id')},
       owed AS (${owingInsert(`$${params.length - 1}`, `$${params.length}`)})`
           : ''
       }
       SELECT * FROM inserted`,
      params,
    );
    return entityFromRow(manager, ChangeRecord, row);
  }

  findByRecordId(recordId: string): Promise<ChangeRecord | null> {
    return this.dataSource.manager.findOneBy(ChangeRecord, { recordId });
  }

  /** The current (not superseded) change record that leads to a version. */
  findByToVersion(toVersionId: string, manager: EntityManager = this.dataSource.manager): Promise<ChangeRecord | null> {
    return manager.findOneBy(ChangeRecord, { toVersionId, supersededBy: IsNull() });
  }

  /**
   * The current change record to a version, marked superseded by `by` (record IDs) in the same statement
   * (see supersede); null when the version had none.
   */
  async supersedeCurrentTo(toVersionId: string, by: string[], manager: EntityManager): Promise<{ id: string; recordId: string } | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [Array<{ id: string; record_id: string }>, number] = await manager.query(
      'UPDATE change_records SET superseded_by = $2::jsonb WHERE to_version_id = $1 AND superseded_by IS NULL RETURNING id, record_id',
      [toVersionId, JSON.stringify(by)],
    );
    return rows[0] ? { id: rows[0].id, recordId: rows[0].record_id } : null;
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
