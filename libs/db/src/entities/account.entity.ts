import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A signed-in browser: the cookie holds a random token, the row only its SHA-256. */
@Entity('sessions')
@Index(['subscriberId'])
export class Session {
  @PrimaryColumn({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'bigint' })
  subscriberId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}

/** A single-use sign-in link: stored hashed, valid 15 minutes. */
@Entity('login_tokens')
@Index(['email', 'createdAt'])
@Index(['ip', 'createdAt'])
export class LoginToken {
  @PrimaryColumn({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  ip!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}

/** Each Stripe webhook event, recorded once: a redelivered event ID is acknowledged and skipped. */
@Entity('billing_events')
export class BillingEvent {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;
}
