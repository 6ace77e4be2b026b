import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Document } from './document.entity';
import { Snapshot } from './snapshot.entity';

/** How a version came to be: fetched by us, imported from a capture made elsewhere, or re-derived
 *  from a stored snapshot after an extractor change (a technical upgrade that never alerts). */
export type VersionOrigin = 'fetch' | 'capture' | 'reextract';

/** A distinct extracted text of a document, with its provenance. */
@Entity('versions')
@Index(['documentId', 'capturedAt'])
@Index(['documentId', 'textSha256'])
@Index(['documentId', 'cosmeticFingerprint'])
export class Version {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text', unique: true, default: () => "mint_record_id('V')" })
  recordId!: string;

  @Column({ type: 'bigint' })
  documentId!: string;

  @ManyToOne(() => Document, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id' })
  document?: Document;

  @Column({ type: 'bigint' })
  snapshotId!: string;

  @ManyToOne(() => Snapshot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'snapshot_id' })
  snapshot?: Snapshot;

  @Column({ type: 'char', length: 64 })
  rawSha256!: string;

  @Column({ type: 'char', length: 64 })
  textSha256!: string;

  /** Hash of the text with cosmetic differences removed: finds reverts to an earlier version. */
  @Column({ type: 'text' })
  cosmeticFingerprint!: string;

  @Column({ type: 'text' })
  markdown!: string;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  extractorVersion!: string;

  @Column({ type: 'text' })
  sourceUrl!: string;

  @Column({ type: 'text', nullable: true })
  finalUrl!: string | null;

  @Column({ type: 'timestamptz' })
  capturedAt!: Date;

  @Column({ type: 'integer', nullable: true })
  httpStatus!: number | null;

  /** `http`, `browser` or `capture`. */
  @Column({ type: 'text' })
  fetcher!: string;

  @Column({ type: 'text', default: 'fetch' })
  origin!: VersionOrigin;

  /** Set once a second fetch after the confirmation delay saw the same text (or for the first version). */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** When this text equals an earlier version's text (a revert, "blink"), that version. */
  @Column({ type: 'bigint', nullable: true })
  revertOfVersionId!: string | null;

  @ManyToOne(() => Version, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revert_of_version_id' })
  revertOfVersion?: Relation<Version>;

  /** Position in the verifiable ledger (null until appended). */
  @Column({ type: 'bigint', nullable: true, unique: true })
  ledgerIndex!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
