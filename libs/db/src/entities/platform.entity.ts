import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('platforms')
export class Platform {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** Permanent record ID (`CW-E-00012`), minted by the database. */
  @Column({ type: 'text', unique: true, default: () => "mint_record_id('E')" })
  recordId!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  homepage!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
