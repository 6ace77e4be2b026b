import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Platform } from './platform.entity';

export type FetcherKind = 'auto' | 'http' | 'browser';
export type SelectorRule = string | { startBefore?: string; startAfter?: string; endBefore?: string; endAfter?: string };

/** One page of a document; a combined document (Open Terms Archive `combine`) has several. */
export interface DocumentSource {
  url: string;
  select?: SelectorRule[];
  remove?: SelectorRule[];
  filter?: string[];
}

@Entity('documents')
@Index(['platformId', 'type'], { unique: true })
@Index(['nextCheckAt'])
export class Document {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text', unique: true, default: () => "mint_record_id('D')" })
  recordId!: string;

  @Column({ type: 'bigint' })
  platformId!: string;

  @ManyToOne(() => Platform, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'platform_id' })
  platform?: Platform;

  @Column({ type: 'text' })
  title!: string;

  /** Kebab-case document type, e.g. `terms-of-service`, `privacy-policy`. */
  @Column({ type: 'text' })
  type!: string;

  /** The extraction rules: one entry per page, in reading order. */
  @Column({ type: 'jsonb' })
  sources!: DocumentSource[];

  @Column({ type: 'text', default: 'auto' })
  fetcher!: FetcherKind;

  @Column({ type: 'integer', default: 360 })
  checkIntervalMinutes!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextCheckAt!: Date;

  // Health: the last outcome of each kind, so a dashboard can flag a document failing for 24 h.
  @Column({ type: 'timestamptz', nullable: true })
  lastCheckedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastOkAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastFailureAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ type: 'text', nullable: true })
  lastOutcome!: string | null;

  @Column({ type: 'text', nullable: true })
  lastCause!: string | null;

  /** Conditional-request validators from the last successful fetch. */
  @Column({ type: 'text', nullable: true })
  etag!: string | null;

  @Column({ type: 'text', nullable: true })
  lastModified!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
