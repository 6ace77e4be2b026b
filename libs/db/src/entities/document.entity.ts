import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { FetcherKind } from '@clausewatch/extract';
import { Platform } from './platform.entity';

export type SelectorRule = string | { startBefore?: string; startAfter?: string; endBefore?: string; endAfter?: string };

/** One page of a document; a combined document (Open Terms Archive `combine`) has several. */
export interface DocumentSource {
  url: string;
  select?: SelectorRule[];
  remove?: SelectorRule[];
  filter?: string[];
}

/**
 * Rules a document used before a change, as in an Open Terms Archive history file: they applied to
 * captures made up to `validUntil` (ISO 8601), after the previous entry's `validUntil`.
 */
export interface RulesHistoryEntry {
  validUntil: string;
  sources: DocumentSource[];
}

/**
 * How `select` is applied: `clausewatch` (every selector must match; a match nested in another is
 * kept once) or `ota` (Open Terms Archive's: any one selector matching is enough; every match is kept,
 * nested ones too), so that an imported declaration gives the text OTA published.
 */
export type SelectionSemantics = 'clausewatch' | 'ota';

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

  /** Earlier rules with the date until which they applied, oldest first (see `rulesInForce`). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  rulesHistory!: RulesHistoryEntry[];

  @Column({ type: 'text', default: 'clausewatch' })
  selection!: SelectionSemantics;

  @Column({ type: 'text', default: 'auto' })
  fetcher!: FetcherKind;

  @Column({ type: 'integer', default: 360 })
  checkIntervalMinutes!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One correction of a document (URL, rules, fetcher, interval, active...): who, when, each field from and to. */
@Entity('document_events')
@Index(['documentId', 'at'])
export class DocumentEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'bigint' })
  documentId!: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: Document;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** `admin` (the API), `import-ota`, `cli`. */
  @Column({ type: 'text' })
  actor!: string;

  /** `created`, `updated`, `imported`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes!: Record<string, { from: unknown; to: unknown }>;
}

/**
 * The sources whose rules apply to a capture made at `at`: the first history entry still valid then
 * (OTA: a date up to and including `validUntil`), else the current rules.
 */
export function rulesInForce(document: Pick<Document, 'sources' | 'rulesHistory'>, at: Date): DocumentSource[] {
  const time = at.getTime();
  const entry = [...(document.rulesHistory ?? [])]
    .sort((a, b) => Date.parse(a.validUntil) - Date.parse(b.validUntil))
    .find((e) => time <= Date.parse(e.validUntil));
  return entry?.sources ?? document.sources;
}
