import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Politeness per host, shared by every crawler process: each fetch reserves the next free slot
 * (`next_fetch_at`), so two processes never hit one host closer together than the politeness delay.
 */
@Entity('host_slots')
export class HostSlot {
  @PrimaryColumn({ type: 'text' })
  host!: string;

  @Column({ type: 'timestamptz' })
  nextFetchAt!: Date;
}
