import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Raw bytes as fetched, stored once per SHA-256 (content-addressed). */
@Entity('snapshots')
export class Snapshot {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'char', length: 64, unique: true })
  rawSha256!: string;

  @Column({ type: 'text', nullable: true })
  contentType!: string | null;

  @Column({ type: 'integer' })
  byteSize!: number;

  @Column({ type: 'bytea' })
  body!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
