import type { ChangeKind, Severity } from '@clausewatch/analyzer';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Version } from './version.entity';
import { Document } from './document.entity';


/** What changed from one version of a document to the next, as the analyzer explains it. */
@Entity('change_records')
@Index(['documentId', 'createdAt'])
// The registry and the home page list the newest changes across all documents.
@Index(['createdAt', 'id'])
@Index('UQ_change_records_current_to_version', ['toVersionId'], { unique: true, where: 'superseded_by IS NULL' })
// The few superseded records, for digests to leave out (see the digest-entries migration).
@Index('IDX_change_records_superseded', { synchronize: false })
// Every record leading to a version, superseded ones too (the record-changes trigger; see the lineage-write-costs migration).
@Index('IDX_change_records_to_version', { synchronize: false })
export class ChangeRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text', unique: true, default: () => "mint_record_id('C')" })
  recordId!: string;

  @Column({ type: 'bigint' })
  documentId!: string;

  @ManyToOne(() => Document, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id' })
  document?: Relation<Document>;

  @Column({ type: 'bigint' })
  fromVersionId!: string;

  @ManyToOne(() => Version, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_version_id' })
  fromVersion?: Relation<Version>;

  /** Unique among current records (see `supersededBy`). */
  @Column({ type: 'bigint' })
  toVersionId!: string;

  @ManyToOne(() => Version, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_version_id' })
  toVersion?: Relation<Version>;

  @Column({ type: 'text' })
  kind!: ChangeKind;

  @Column({ type: 'text' })
  severity!: Severity;

  /** False for cosmetic changes, unconfirmed texts, reverts and technical re-extractions. */
  @Column({ type: 'boolean' })
  alertEligible!: boolean;

  @Column({ type: 'bigint', nullable: true })
  revertOfVersionId!: string | null;

  @ManyToOne(() => Version, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revert_of_version_id' })
  revertOfVersion?: Relation<Version>;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons!: string[];

  /** The analyzer's clause-level result. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  clauses!: unknown[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  clauseTypes!: string[];

  @Column({ type: 'text' })
  analyzerVersion!: string;

  /**
   * Null while current. Once a back-dated capture is inserted between its two versions, the record
   * IDs of the change records that replace it (kept, so every ID issued stays valid).
   */
  @Column({ type: 'jsonb', nullable: true })
  supersededBy!: string[] | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
