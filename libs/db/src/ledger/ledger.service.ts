import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { Version } from '../entities';
import {
  appendTreeHeadLog,
  AppendedLeaf,
  buildVerificationBundle,
  ConsistencyProof,
  loadOrCreateLedgerKey,
  SavedTreeHead,
  SinceReport,
  verifySince,
  loadPublicKey,
  MerkleLog,
  rawPublicKey,
  SignedTreeHead,
  signLogHead,
  toHex,
  VerificationBundle,
} from '@clausewatch/records';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LedgerAppender, LedgerBatch } from './ledger-appender';
import { LEDGER_ORIGIN, LEDGER_SWEEP_INTERVAL_MS } from './ledger.constants';
import { LedgerError, LedgerErrorCode } from './ledger.error';
import { ledgerRecordOf } from './ledger-record';
import { PgLedgerStore, SimpleQueryClient } from './pg-ledger.store';

export { ledgerRecordOf } from './ledger-record';

export interface PublishedLedgerKey {
  algorithm: 'Ed25519';
  keyId: string;
  publicKeyPem: string;
  /** The raw 32-byte key, base64: what scripts/verify-record.mjs takes. */
  publicKeyBase64: string;
  createdAt: Date;
}

interface StoredKey extends PublishedLedgerKey {
  privateKeyPem: string;
}

interface TreeHeadRow {
  tree_size: string;
  root_hash: Buffer;
  signed_at: Date;
  signature: Buffer;
  key_id: string;
}

/** What a reader is told about a version captured a moment ago, whose leaf the next batch appends. */
export function pendingMessage(versionRecordId: string): string {
  return `version ${versionRecordId} is pending in the ledger: its entry is appended within seconds of the capture`;
}

function headFromRow(row: TreeHeadRow): SignedTreeHead {
  return {
    origin: LEDGER_ORIGIN,
    treeSize: Number(row.tree_size),
    rootHash: toHex(row.root_hash),
    timestamp: row.signed_at.toISOString(),
    keyId: row.key_id,
    signature: row.signature.toString('base64'),
  };
}

/**
 * The verifiable ledger on PostgreSQL: one leaf per version. A capture commits its version as pending
 * and awaits its leaf; the appender (LedgerAppender) appends every pending version in one batch under
 * an advisory lock (so processes never take the same index). Tree heads are signed on the write path,
 * after the commit that grew the log, never on a read.
 */
@Injectable()
export class LedgerService implements OnApplicationBootstrap, OnModuleDestroy {
  private key: StoredKey | null = null;
  private readonly logger = new Logger(LedgerService.name);
  private readonly appender: LedgerAppender;
  private sweeper: NodeJS.Timeout | null = null;
  /** The signing running in this process, and the one queued behind it that every later caller joins. */
  private signing: Promise<SignedTreeHead> | null = null;
  private nextSigning: Promise<SignedTreeHead> | null = null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'dataDir' | 'ledgerSigningKey'>,
  ) {
    this.appender = new LedgerAppender(dataSource);
  }

  /**
   * Inside the capture's transaction, as its last write: the version is pending in the ledger until the
   * appender's next batch. No global lock is taken here.
   */
  async markPending(manager: EntityManager, version: Pick<Version, 'id'>): Promise<void> {
    await this.appender.markPending(manager, version.id);
  }

  /**
   * markPending as the last statement of the capture's transaction, sent with its COMMIT in one round trip
   * (simple protocol, on the transaction's own connection). On an error nothing is committed: roll back.
   */
  async markPendingAndCommit(client: SimpleQueryClient, version: Pick<Version, 'id'>): Promise<void> {
    await this.appender.markPendingAndCommit(client, version.id);
  }

  /**
   * After the capture's transaction committed: waits for the batch that appends the version (one lock
   * and one COMMIT for every capture pending at that moment) and sets `version.ledgerIndex`.
   */
  async appendedLeafOf(version: Pick<Version, 'id' | 'ledgerIndex'>): Promise<AppendedLeaf> {
    const leaf = await this.appender.leafOf(version.id);
    version.ledgerIndex = String(leaf.index);
    return leaf;
  }

  /** Called after every committed batch of this process (the write-path bench reads the lock's hold). */
  onBatch(listener: (batch: LedgerBatch) => void): () => void {
    return this.appender.onBatch(listener);
  }

  /**
   * Appends every version left pending (a process that died between a capture's commit and its batch)
   * and signs a head over them. Runs at start and every LEDGER_SWEEP_INTERVAL_MS; errors are logged, the
   * next sweep retries. Returns how many versions this process's batches appended meanwhile.
   */
  async sweep(): Promise<number> {
    let appended = 0;
    const off = this.appender.onBatch((batch) => {
      appended += batch.size;
    });
    try {
      await this.appender.sweep();
    } finally {
      off();
    }
    if (appended > 0) await this.signTreeHead();
    return appended;
  }

  /** Versions committed but not yet appended, and since when the oldest waits (null when none). */
  async pending(): Promise<{ count: number; oldestSince: Date | null }> {
    const [row]: Array<{ n: string; oldest: Date | null }> = await this.dataSource.query('SELECT count(*) AS n, min(pending_since) AS oldest FROM ledger_pending');
    return { count: Number(row.n), oldestSince: row.oldest };
  }

  /** Whether a version (by record ID) is pending: committed, its leaf not appended yet. */
  async isPending(versionRecordId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM ledger_pending p JOIN versions v ON v.id = p.version_id WHERE v.record_id = $1', [versionRecordId]);
    return rows.length > 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sweepLogged();
    this.sweeper = setInterval(() => void this.sweepLogged(), LEDGER_SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.appender.idle();
    // A capture's head is signed after its answer: finish it before the process goes.
    await this.signingSettled();
  }

  /**
   * Resolves once no signing of this process is running or queued. Captures do not wait for their head
   * (it is signed right after their answer); the reads of this process that show heads wait for it, so
   * they see the head over every capture this process answered before them.
   */
  async signingSettled(): Promise<void> {
    while (this.signing || this.nextSigning) await (this.nextSigning ?? this.signing)?.catch(() => undefined);
  }

  private async sweepLogged(): Promise<void> {
    try {
      const appended = await this.sweep();
      if (appended > 0) this.logger.log({ appended }, 'pending versions appended to the ledger');
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'ledger sweep failed; the next one retries');
    }
  }

  log(manager: EntityManager = this.dataSource.manager): MerkleLog {
    return new MerkleLog(new PgLedgerStore(manager));
  }

  /**
   * The signing key, from LEDGER_SIGNING_KEY or the key file under DATA_DIR (created on first use);
   * only its public half is recorded in the database, where verifiers look keys up by ID.
   */
  async ensureKey(): Promise<StoredKey> {
    if (this.key) return this.key;
    const { key } = loadOrCreateLedgerKey({ signingKeyPem: this.config.ledgerSigningKey, dataDir: this.config.dataDir });
    await this.dataSource.query('INSERT INTO ledger_keys (key_id, public_key_pem) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING', [key.keyId, key.publicKeyPem]);
    const [row]: Array<{ created_at: Date }> = await this.dataSource.query('SELECT created_at FROM ledger_keys WHERE key_id = $1', [key.keyId]);
    this.key = { algorithm: 'Ed25519', ...key, createdAt: row.created_at };
    return this.key;
  }

  async publicKey(): Promise<PublishedLedgerKey> {
    const { algorithm, keyId, publicKeyPem, publicKeyBase64, createdAt } = await this.ensureKey();
    return { algorithm, keyId, publicKeyPem, publicKeyBase64, createdAt };
  }

  /**
   * The public key that signed a head: the current one, or an earlier key recorded in the database, so
   * heads signed before the key changed (the move of the key out of the database, a rotation) keep
   * verifying with the key that signed them.
   */
  async publicKeyOf(keyId: string): Promise<PublishedLedgerKey> {
    const current = await this.publicKey();
    if (current.keyId === keyId) return current;
    const [row]: Array<{ public_key_pem: string; created_at: Date }> = await this.dataSource.query('SELECT public_key_pem, created_at FROM ledger_keys WHERE key_id = $1', [keyId]);
    if (!row) throw new LedgerError(LedgerErrorCode.UnknownKey, `tree heads name ledger key ${keyId}, which is not a recorded key of this ledger`);
    return { algorithm: 'Ed25519', keyId, publicKeyPem: row.public_key_pem, publicKeyBase64: rawPublicKey(loadPublicKey(row.public_key_pem)).toString('base64'), createdAt: row.created_at };
  }

  /**
   * Signs a head of the whole log as it is now, unless one of that size exists: the write path
   * calls it after every commit that appended (and the API and crawler at start and on each tick,
   * catching growth a failed call left unsigned), so reads never have to write.
   */
  signTreeHead(): Promise<SignedTreeHead> {
    // The captures of one batch all ask at once: one signing runs, and whoever asks meanwhile joins the
    // single one queued behind it, which starts after it and so covers every leaf appended before the ask.
    if (!this.signing) return this.startSigning();
    this.nextSigning ??= this.signing
      .catch(() => undefined)
      .then(() => {
        this.nextSigning = null;
        return this.startSigning();
      });
    return this.nextSigning;
  }

  private startSigning(): Promise<SignedTreeHead> {
    const running: Promise<SignedTreeHead> = this.signNow().finally(() => {
      if (this.signing === running) this.signing = null;
    });
    this.signing = running;
    return running;
  }

  private async signNow(): Promise<SignedTreeHead> {
    const log = this.log();
    const size = await log.size();
    const stored = await this.storedHead(size);
    if (stored) return stored;
    const key = await this.ensureKey();
    const head = await signLogHead(log, key.privateKeyPem, { origin: LEDGER_ORIGIN, treeSize: size });
    const inserted: unknown[] = await this.dataSource.query(
      'INSERT INTO ledger_tree_heads (tree_size, root_hash, signed_at, signature, key_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tree_size) DO NOTHING RETURNING tree_size',
      [size, Buffer.from(head.rootHash, 'hex'), new Date(head.timestamp), Buffer.from(head.signature, 'base64'), head.keyId],
    );
    // Outside the database too, so a rewrite of the database cannot rewrite what was published.
    if (inserted.length > 0) appendTreeHeadLog(this.config.dataDir, head);
    // Another process may have signed the same size first: the stored head is the published one.
    return (await this.storedHead(size)) ?? head;
  }

  /** The newest signed tree head (a read: nothing is signed here). */
  async latestTreeHead(): Promise<SignedTreeHead> {
    await this.signingSettled();
    const head = await this.newestHead();
    if (!head) throw new LedgerError(LedgerErrorCode.NoSuchTreeHead, 'no tree head has been signed yet');
    return head;
  }

  private async newestHead(): Promise<SignedTreeHead | null> {
    const [row]: TreeHeadRow[] = await this.dataSource.query('SELECT * FROM ledger_tree_heads ORDER BY tree_size DESC LIMIT 1');
    return row ? headFromRow(row) : null;
  }

  async storedHead(treeSize: number): Promise<SignedTreeHead | null> {
    const [row]: TreeHeadRow[] = await this.dataSource.query('SELECT * FROM ledger_tree_heads WHERE tree_size = $1', [treeSize]);
    return row ? headFromRow(row) : null;
  }

  /** Signed tree heads by size, smallest first: all of them, or `limit` from size `fromSize` on. */
  async storedHeads(manager: EntityManager = this.dataSource.manager, page?: { fromSize: number; limit: number }): Promise<SignedTreeHead[]> {
    // Outside a caller's transaction only (a signing never waits on one, but keep the read's locks out of it).
    if (manager === this.dataSource.manager) await this.signingSettled();
    const rows: TreeHeadRow[] = page
      ? await manager.query('SELECT * FROM ledger_tree_heads WHERE tree_size >= $1 ORDER BY tree_size LIMIT $2', [page.fromSize, page.limit])
      : await manager.query('SELECT * FROM ledger_tree_heads ORDER BY tree_size');
    return rows.map(headFromRow);
  }

  /** Everything an outsider needs to check one version with only the public key (see docs/records.md). */
  async bundleFor(version: Pick<Version, 'recordId' | 'capturedAt' | 'rawSha256' | 'textSha256' | 'sourceUrl' | 'ledgerIndex'>, documentRecordId: string): Promise<VerificationBundle> {
    if (version.ledgerIndex === null) {
      if (await this.isPending(version.recordId)) throw new LedgerError(LedgerErrorCode.Pending, pendingMessage(version.recordId));
      throw new LedgerError(LedgerErrorCode.NotInLedger, `version ${version.recordId} has no ledger entry`);
    }
    await this.signingSettled();
    const treeHead = await this.newestHead();
    if (!treeHead || treeHead.treeSize <= Number(version.ledgerIndex)) {
      throw new LedgerError(LedgerErrorCode.NotYetSigned, `version ${version.recordId} is not covered by a signed tree head yet (heads are signed after each capture and on every crawler tick)`);
    }
    const { publicKeyBase64 } = await this.publicKeyOf(treeHead.keyId);
    return buildVerificationBundle({
      log: this.log(),
      record: ledgerRecordOf(version, documentRecordId),
      leafIndex: Number(version.ledgerIndex),
      treeHead,
      publicKey: publicKeyBase64,
    });
  }

  /** Whether today's log extends a tree head someone saved (see verifySince); a read: nothing is signed. */
  async verifySince(saved: SavedTreeHead): Promise<SinceReport> {
    const current = await this.latestTreeHead();
    const rows: Array<{ key_id: string; public_key_pem: string }> = await this.dataSource.query('SELECT key_id, public_key_pem FROM ledger_keys');
    return verifySince(this.log(), saved, current, new Map(rows.map((r) => [r.key_id, loadPublicKey(r.public_key_pem)])));
  }

  /** RFC 6962 consistency proof between two signed tree heads (both must have been published). */
  async consistency(oldSize: number, newSize: number): Promise<{ from: SignedTreeHead; to: SignedTreeHead; proof: ConsistencyProof }> {
    await this.signingSettled();
    const [from, to] = await Promise.all([this.storedHead(oldSize), this.storedHead(newSize)]);
    if (!from || !to) throw new LedgerError(LedgerErrorCode.NoSuchTreeHead, `no signed tree head of size ${!from ? oldSize : newSize}`);
    return { from, to, proof: await this.log().consistencyProof(oldSize, newSize) };
  }
}
