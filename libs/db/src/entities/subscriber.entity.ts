import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Platform } from './platform.entity';
import type { Severity } from '@clausewatch/analyzer';

export type Plan = 'free' | 'watcher' | 'monitor' | 'professional';

@Entity('subscribers')
export class Subscriber {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ type: 'text', default: 'free' })
  plan!: Plan;

  @Column({ type: 'text', default: 'low' })
  minSeverity!: Severity;

  @Column({ type: 'text', default: 'UTC' })
  timezone!: string;

  /** 0 = Sunday … 6 = Saturday, in the subscriber's time zone. */
  @Column({ type: 'smallint', default: 1 })
  digestDay!: number;

  /** Secret for one-click unsubscribe links (RFC 8058). */
  @Column({ type: 'text', unique: true })
  unsubscribeToken!: string;

  @Column({ type: 'timestamptz', nullable: true })
  unsubscribedAt!: Date | null;

  /** Same-day alerts (plans other than free); off after "alerts only" on the unsubscribe page. */
  @Column({ type: 'boolean', default: true })
  alertsEnabled!: boolean;

  @Column({ type: 'boolean', default: true })
  digestEnabled!: boolean;

  /** Platforms unsubscribed from one by one ("this platform only"), still followed so an undo restores them. */
  @Column({ type: 'bigint', array: true, default: () => "'{}'" })
  mutedPlatformIds!: string[];

  /** A hard bounce or a complaint (Resend webhook): no more email to this address. */
  @Column({ type: 'timestamptz', nullable: true })
  suppressedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  suppressionReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A subscriber follows a platform, or (beyond any peer) a clause type across all platforms. */
@Entity('follows')
@Index(['subscriberId', 'platformId', 'clauseType'], { unique: true })
@Index(['platformId'])
// Owing a change finds clause-type followers through this (few rows: the platform follows are left out).
@Index(['clauseType'], { where: '"clause_type" IS NOT NULL' })
export class Follow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'bigint' })
  subscriberId!: string;

  @ManyToOne(() => Subscriber, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscriber_id' })
  subscriber?: Relation<Subscriber>;

  @Column({ type: 'bigint', nullable: true })
  platformId!: string | null;

  @ManyToOne(() => Platform, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'platform_id' })
  platform?: Relation<Platform>;

  @Column({ type: 'text', nullable: true })
  clauseType!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
