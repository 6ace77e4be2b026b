import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Subscriber } from './subscriber.entity';
import { ChangeRecord } from './change-record.entity';

export type NotificationChannel = 'alert' | 'digest';
export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/** One change record owed to one subscriber; written in the same transaction as the change record. */
@Entity('notifications')
@Index(['subscriberId', 'changeRecordId', 'channel'], { unique: true })
// A digest's entries of the week, index-only (see the digest-entries migration).
@Index('IDX_notifications_digest_entries', { synchronize: false })
// The alerts not yet grouped into an email; no index names `status` (see the notifications-ungrouped-alerts migration).
@Index('IDX_notifications_ungrouped_alerts', { synchronize: false })
export class Notification {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'bigint' })
  subscriberId!: string;

  @ManyToOne(() => Subscriber, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscriber_id' })
  subscriber?: Relation<Subscriber>;

  @Column({ type: 'bigint' })
  changeRecordId!: string;

  @ManyToOne(() => ChangeRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'change_record_id' })
  changeRecord?: Relation<ChangeRecord>;

  @Column({ type: 'text' })
  channel!: NotificationChannel;

  @Column({ type: 'text', default: 'pending' })
  status!: NotificationStatus;

  /** Sent to the email provider so that a retried send never delivers twice. */
  @Column({ type: 'text', unique: true })
  idempotencyKey!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', nullable: true })
  providerMessageId!: string | null;

  /** The email that carried it (several alerts within 10 minutes share one email). */
  @Index()
  @Column({ type: 'bigint', nullable: true })
  emailId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
