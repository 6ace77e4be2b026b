import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Version } from './version.entity';
import { Document } from './document.entity';

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

  @ManyToOne(() => Document, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id' })
  document?: Relation<Document>;

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

  @ManyToOne(() => Version, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'first_seen_version_id' })
  firstSeenVersion?: Relation<Version>;

  @Column({ type: 'bigint' })
  lastSeenVersionId!: string;

  @ManyToOne(() => Version, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'last_seen_version_id' })
  lastSeenVersion?: Relation<Version>;

  @Column({ type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ type: 'integer', default: 0 })
  changeCount!: number;

  @Column({ type: 'bigint', nullable: true })
  removedInVersionId!: string | null;

  @ManyToOne(() => Version, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'removed_in_version_id' })
  removedInVersion?: Relation<Version>;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  /**
   * The provision this record turned out to be (a back-dated capture showed the clause continues it):
   * the record keeps its ID and resolves to that one; no version holds it any more.
   */
  @Column({ type: 'bigint', nullable: true })
  supersededById!: string | null;

  @ManyToOne(() => Provision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'superseded_by_id' })
  supersededBy?: Relation<Provision>;
}

/** Which provisions a version holds, in order, with the text they had in it (each at most once). */
@Entity('version_provisions')
@Index(['provisionId'])
// Checked per statement (the lineage writer swaps IDs within a version): see the version-provisions-unique migration.
@Unique('UQ_version_provisions_version_provision', ['versionId', 'provisionId'], { deferrable: 'INITIALLY IMMEDIATE' })
export class VersionProvision {
  @PrimaryColumn({ type: 'bigint' })
  versionId!: string;

  @ManyToOne(() => Version, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: Relation<Version>;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  @Column({ type: 'bigint' })
  provisionId!: string;

  @ManyToOne(() => Provision, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provision_id' })
  provision?: Relation<Provision>;

  @Column({ type: 'text' })
  text!: string;
}
