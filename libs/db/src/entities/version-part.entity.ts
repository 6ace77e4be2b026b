import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Snapshot } from './snapshot.entity';
import { Version } from './version.entity';

/**
 * One page of a version, in reading order: a combined document (several sources) keeps each page's
 * raw bytes as its own snapshot, stored and hashed once, never bundled into one body.
 */
@Entity('version_parts')
@Index(['snapshotId'])
export class VersionPart {
  @PrimaryColumn({ type: 'bigint' })
  versionId!: string;

  @ManyToOne(() => Version, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: Version;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  @Column({ type: 'bigint' })
  snapshotId!: string;

  @ManyToOne(() => Snapshot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'snapshot_id' })
  snapshot?: Snapshot;

  /** The URL the page was fetched from (its final URL after redirects when known). */
  @Column({ type: 'text' })
  url!: string;
}
