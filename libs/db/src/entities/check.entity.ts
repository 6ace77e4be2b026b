import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Version } from './version.entity';
import { Document } from './document.entity';

export type CheckTrigger = 'schedule' | 'manual' | 'capture' | 'confirm' | 'retry';

/**
 * Every fetch attempt, with its outcome and cause: the audit trail of the crawler. A document's health
 * (last ok, last failure, consecutive failures) and when it is next due are derived from these rows,
 * so an unchanged check writes this one row and nothing else.
 */
@Entity('checks')
@Index(['documentId', 'startedAt'])
// The validators of a document's last ok check (sent with the next conditional request) in one index
// probe, however many 304s and failures came after it.
@Index('IDX_checks_last_ok', ['documentId', 'startedAt', 'id'], { where: "outcome = 'ok'" })
export class Check {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'bigint' })
  documentId!: string;

  @ManyToOne(() => Document, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id' })
  document?: Relation<Document>;

  @Column({ type: 'text' })
  trigger!: CheckTrigger;

  @Column({ type: 'integer', default: 1 })
  attempt!: number;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'integer' })
  durationMs!: number;

  /** ok, not-modified, http-error, timeout, network-error, blocked, empty, truncated, selector-missing */
  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'text', nullable: true })
  cause!: string | null;

  @Column({ type: 'integer', nullable: true })
  httpStatus!: number | null;

  @Column({ type: 'text', nullable: true })
  fetcher!: string | null;

  @Column({ type: 'text', nullable: true })
  finalUrl!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  rawSha256!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  textSha256!: string | null;

  /** Conditional-request validators of the response, for the next fetch. */
  @Column({ type: 'text', nullable: true })
  etag!: string | null;

  @Column({ type: 'text', nullable: true })
  lastModified!: string | null;

  /** The version this check created or confirmed, if any. */
  @Column({ type: 'bigint', nullable: true })
  versionId!: string | null;

  @ManyToOne(() => Version, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id' })
  version?: Relation<Version>;
}
