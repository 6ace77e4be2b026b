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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
