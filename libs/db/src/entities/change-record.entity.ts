import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ChangeKind = 'none' | 'cosmetic' | 'structure' | 'substantive';
export type Severity = 'none' | 'low' | 'medium' | 'high' | 'critical';

/** What changed from one version of a document to the next, as the analyzer explains it. */
@Entity('change_records')
@Index(['documentId', 'createdAt'])
// The registry and the home page list the newest changes across all documents.
@Index(['createdAt', 'id'])
export class ChangeRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text', unique: true, default: () => "mint_record_id('C')" })
  recordId!: string;

  @Column({ type: 'bigint' })
  documentId!: string;

  @Column({ type: 'bigint' })
  fromVersionId!: string;

  @Column({ type: 'bigint', unique: true })
  toVersionId!: string;

  @Column({ type: 'text' })
  kind!: ChangeKind;

  @Column({ type: 'text' })
  severity!: Severity;

  /** False for cosmetic changes, unconfirmed texts, reverts and technical re-extractions. */
  @Column({ type: 'boolean' })
  alertEligible!: boolean;

  @Column({ type: 'bigint', nullable: true })
  revertOfVersionId!: string | null;

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
