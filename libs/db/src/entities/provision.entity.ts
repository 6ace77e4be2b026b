import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A clause followed across versions while it survives rewording or moving. */
@Entity('provisions')
@Index(['documentId'])
// GIN indexes made by migration 1797300000001 (full-text search, clause types with jsonb_path_ops).
@Index('provisions_text_search', { synchronize: false })
@Index('provisions_clause_types', { synchronize: false })
export class Provision {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text', unique: true, default: () => "mint_record_id('P')" })
  recordId!: string;

  @Column({ type: 'bigint' })
  documentId!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  headingPath!: string[];

  /** The latest text of the clause. */
  @Column({ type: 'text' })
  text!: string;

  /** The text's words for full-text search (English stemming), kept by a trigger (migration 1797300000001); never read by the app. */
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string | null;

  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  clauseTypes!: string[];

  @Column({ type: 'bigint' })
  firstSeenVersionId!: string;

  @Column({ type: 'bigint' })
  lastSeenVersionId!: string;

  @Column({ type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ type: 'integer', default: 0 })
  changeCount!: number;

  @Column({ type: 'bigint', nullable: true })
  removedInVersionId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt!: Date | null;
}

/** Which provisions a version holds, in order, with the text they had in it. */
@Entity('version_provisions')
@Index(['provisionId'])
export class VersionProvision {
  @PrimaryColumn({ type: 'bigint' })
  versionId!: string;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  @Column({ type: 'bigint' })
  provisionId!: string;

  @Column({ type: 'text' })
  text!: string;
}
