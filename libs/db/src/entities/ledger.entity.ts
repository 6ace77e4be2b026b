import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Version } from './version.entity';

/** A leaf of the append-only Merkle log: one per version. */
@Entity('ledger_leaves')
export class LedgerLeaf {
  @PrimaryColumn({ type: 'bigint' })
  leafIndex!: string;

  @Column({ type: 'bigint', unique: true })
  versionId!: string;

  /** The version this leaf records (a leaf never points at nothing). */
  @ManyToOne(() => Version, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id' })
  version?: Relation<Version>;

  /** The exact leaf bytes that were hashed. */
  @Column({ type: 'bytea' })
  leaf!: Buffer;

  @Column({ type: 'bytea' })
  leafHash!: Buffer;
}

/**
 * A version committed but not yet in the log: the ledger's appender takes every pending version in one
 * batch (one lock, one COMMIT) and deletes its row in the transaction that appends it.
 */
@Entity('ledger_pending')
export class LedgerPending {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_ledger_pending' })
  versionId!: string;

  @ManyToOne(() => Version, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'FK_ledger_pending_version' })
  version?: Relation<Version>;

  @CreateDateColumn({ type: 'timestamptz' })
  pendingSince!: Date;
}

/** Hash of a complete subtree: level 0 are leaf hashes, level k covers 2^k leaves. */
@Entity('ledger_nodes')
export class LedgerNode {
  @PrimaryColumn({ type: 'smallint' })
  level!: number;

  @PrimaryColumn({ type: 'bigint' })
  nodeIndex!: string;

  @Column({ type: 'bytea' })
  hash!: Buffer;
}

@Entity('ledger_tree_heads')
export class LedgerTreeHead {
  @PrimaryColumn({ type: 'bigint' })
  treeSize!: string;

  @Column({ type: 'bytea' })
  rootHash!: Buffer;

  @Column({ type: 'timestamptz' })
  signedAt!: Date;

  @Column({ type: 'bytea' })
  signature!: Buffer;

  @Column({ type: 'text' })
  keyId!: string;
}

/** Public keys of the ledger's Ed25519 signing keys, by key ID; the private keys never enter the database. */
@Entity('ledger_keys')
export class LedgerKey {
  @PrimaryColumn({ type: 'text' })
  keyId!: string;

  @Column({ type: 'text' })
  publicKeyPem!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Small key/value settings the database itself needs (the record ID prefix read by mint_record_id). */
@Entity('settings')
export class Setting {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  value!: string;
}
