import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type EmailKind = 'alert' | 'digest' | 'monitoring-failing' | 'monitoring-recovered';
/** `sending`: claimed by a sender (committed) until `claimedUntil`; a killed sender's rows are claimed again after it. */
export type EmailStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/**
 * One email owed to one subscriber, delivered exactly once: a sender claims the row and commits,
 * calls the provider with the row's idempotency key (or its batch's key), then records the result.
 * The content is rendered at send time from the row's IDs and period, the same on every attempt.
 */
@Entity('emails')
@Index(['status', 'nextAttemptAt'])
@Index(['subscriberId', 'kind', 'createdAt'])
// A sender claims among the unfinished rows only: without these, each claim walks past every row ever sent.
@Index(['id'], { where: `"status" IN ('pending', 'sending')` })
@Index(['batchKey'], { where: `"status" IN ('pending', 'sending') AND "batch_key" IS NOT NULL` })
export class EmailMessage {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'bigint' })
  subscriberId!: string;

  @Column({ type: 'text' })
  kind!: EmailKind;

  /** What makes this email unique: `digest:<subscriber>:<ISO week>`, `alert:<first notification>`, ... */
  @Column({ type: 'text', unique: true })
  dedupeKey!: string;

  @Column({ type: 'text', unique: true })
  idempotencyKey!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: EmailStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  /** Rows sent in one batch call keep its key until they end, so a retry resends exactly that batch. */
  @Index()
  @Column({ type: 'text', nullable: true })
  batchKey!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstAttemptAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', nullable: true })
  providerMessageId!: string | null;

  /** Digest: the week covered. Monitoring notices: the document and the failure's start. */
  @Column({ type: 'timestamptz', nullable: true })
  periodStart!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  periodEnd!: Date | null;

  @Column({ type: 'bigint', nullable: true })
  documentId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}

/** A followed document failing for 24 hours: one notice when it starts, one when it recovers. */
@Entity('document_incidents')
@Index(['documentId', 'startedAt'], { unique: true })
export class DocumentIncident {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'bigint' })
  documentId!: string;

  /** The first failed check after the last good one. */
  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'text', nullable: true })
  cause!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  recoveredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
