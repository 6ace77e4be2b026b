import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { ChangeRecord, ChangeRecordsRepository, DocumentsRepository, LedgerService, PlatformsRepository, ProvisionRecordsRepository, RecordIntegrityService, VERIFIED_STATUS, Version, VersionIntegrity, VersionRecordsRepository, VersionsRepository } from '@clausewatch/db';
import { VerificationBundle } from '@clausewatch/records';
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { MAX_CONCURRENT_VERIFICATIONS } from '../http-limits/http-limits.constants';
import { RecordRequestError, RecordsErrorCode } from './records.error';
import { requireRecordIdParam } from './record-id.parser';
import { provisionView } from './provision.view';
import { RecordCache } from './record.cache';
import { RecordVerification, VerificationCache } from './verification.cache';
import { changeView, clausePositionsOf, documentView, platformView, referencedVersionIds, versionView } from './record.views';

/** One status for the record: the failures, or how many versions verified. */
function summarizeVerification(id: string, versions: VersionIntegrity[]): RecordVerification {
  const failed = versions.filter((v) => !v.ok);
  const status =
    failed.length > 0
      ? failed.map((v) => `${v.id}: ${v.status}`).join('\n')
      : versions.length === 0
        ? 'no version stored yet: nothing to verify'
        : versions.length === 1
          ? VERIFIED_STATUS
          : `${versions.length} versions: ${VERIFIED_STATUS}`;
  return { id, ok: failed.length === 0, status, versions };
}

@Injectable()
export class RecordsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platforms: PlatformsRepository,
    private readonly documents: DocumentsRepository,
    private readonly versions: VersionsRepository,
    private readonly changes: ChangeRecordsRepository,
    private readonly provisions: ProvisionRecordsRepository,
    private readonly ledger: LedgerService,
    private readonly integrity: RecordIntegrityService,
    private readonly versionRecords: VersionRecordsRepository,
    private readonly cache: RecordCache,
    private readonly verifications: VerificationCache,
  ) {}

  private verificationsRunning = 0;

  /**
   * Re-hashes what is stored behind a record (every version it rests on), one snapshot in memory at a
   * time, and only a few records at once per process: an unauthenticated route must not be a memory sink.
   * The result is reused until the rows it rests on change (VerificationCache), so asking again costs
   * two small queries, not a re-read of every snapshot.
   */
  async verify(id: string): Promise<RecordVerification> {
    const { kind } = requireRecordIdParam(id);
    const versionIds = await this.integrity.versionIdsOf(id, kind);
    if (!versionIds) throw new RecordRequestError(RecordsErrorCode.NoSuchRecord, `no record ${id}`);
    const stamp = await this.integrity.verificationStamp(versionIds);
    return this.verifications.resolve(id, stamp, () => this.verifyBounded(id, versionIds));
  }

  private async verifyBounded(id: string, versionIds: string[]): Promise<RecordVerification> {
    if (this.verificationsRunning >= MAX_CONCURRENT_VERIFICATIONS) throw new ServiceUnavailableException('other verifications are running; retry in a few seconds');
    this.verificationsRunning += 1;
    try {
      return summarizeVerification(id, await this.integrity.verifyVersions(versionIds));
    } finally {
      this.verificationsRunning -= 1;
    }
  }

  /** The outsider's bundle for a version: record, leaf, audit path, signed tree head and public key. */
  async proof(id: string): Promise<VerificationBundle> {
    requireRecordIdParam(id, 'V');
    const version = await this.versions.findByRecordId(id);
    if (!version) throw new RecordRequestError(RecordsErrorCode.NoSuchRecord, `no record ${id}`);
    // A version captured a moment ago is pending (its leaf comes with the appender's next batch): bundleFor says so.
    if (version.ledgerIndex === null && !(await this.ledger.isPending(id))) throw new RecordRequestError(RecordsErrorCode.VersionNotInLedger, `version ${id} is not in the ledger`);
    const document = await this.documents.findById(version.documentId);
    return this.ledger.bundleFor(version, document!.recordId);
  }

  /**
   * The record's JSON as GET /records/:id sends it, from memory when it has not changed since it
   * was last serialized (the database names every changed record; see RecordChangesListener).
   */
  async findJson(id: string): Promise<Buffer> {
    requireRecordIdParam(id);
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    const token = this.cache.begin();
    const body = Buffer.from(JSON.stringify(await this.find(id)));
    this.cache.set(id, body, token);
    return body;
  }

  /** The record as the JSON API serves it (dates as ISO strings), from memory when it has not changed: what the pages show. */
  async findServed(id: string): Promise<Record<string, unknown>> {
    return JSON.parse((await this.findJson(id)).toString('utf8')) as Record<string, unknown>;
  }

  /** Any record by its permanent ID: 400 when malformed, 404 when unknown. */
  async find(id: string): Promise<Record<string, unknown>> {
    const { kind } = requireRecordIdParam(id);
    const record = await this.lookup(kind, id);
    if (!record) throw new RecordRequestError(RecordsErrorCode.NoSuchRecord, `no record ${id}`);
    return record;
  }

  async versionViews(versions: Version[], documentRecordId: string, withText = false) {
    const ids = await this.versions.recordIdsOf(referencedVersionIds(versions, []));
    return versions.map((v) => versionView(v, documentRecordId, ids, this.config.publicUrl, withText));
  }

  async changeViews(changes: ChangeRecord[], documentRecordId: string) {
    const [ids, provisionIds] = await Promise.all([
      this.versions.recordIdsOf(referencedVersionIds([], changes)),
      this.provisions.idsByPosition(clausePositionsOf(changes)),
    ]);
    return changes.map((c) => changeView(c, documentRecordId, ids, this.config.publicUrl, provisionIds));
  }

  private async lookup(kind: string, id: string): Promise<Record<string, unknown> | null> {
    switch (kind) {
      case 'E': {
        const platform = await this.platforms.findByRecordId(id);
        if (!platform) return null;
        const documents = await this.documents.listForPlatform(platform.id);
        return { ...platformView(platform, this.config.publicUrl), documents: documents.map((d) => ({ id: d.recordId, title: d.title, type: d.type })) };
      }
      case 'D': {
        const document = await this.documents.findByRecordId(id);
        return document ? documentView(document, this.config.publicUrl, await this.documents.health(document.id)) : null;
      }
      case 'V': {
        const parts = await this.versionRecords.findVersionRecord(id);
        if (!parts) return null;
        const { version, documentRecordId, change, ids } = parts;
        const publicUrl = this.config.publicUrl;
        const [held, provisionIds] = await Promise.all([
          this.provisions.listForVersion(version.id),
          change ? this.provisions.idsByPosition(clausePositionsOf([change])) : undefined,
        ]);
        // Pending: committed a moment ago, its leaf comes with the ledger appender's next batch (the record changes then).
        const ledger =
          version.ledgerIndex === null
            ? (await this.ledger.isPending(id)) ? { pending: true } : null
            : { index: Number(version.ledgerIndex), proof: `${publicUrl}/api/v1/records/${id}/proof`, publicKey: `${publicUrl}/api/v1/ledger/key` };
        return {
          ...versionView(version, documentRecordId, ids, publicUrl, true),
          ledger,
          change: change ? changeView(change, documentRecordId, ids, publicUrl, provisionIds) : null,
          provisions: held.map((p) => ({ id: p.record_id, headingPath: p.heading_path, clauseTypes: p.clause_types })),
        };
      }
      case 'C': {
        const change = await this.changes.findByRecordId(id);
        if (!change) return null;
        const document = await this.documents.findById(change.documentId);
        return (await this.changeViews([change], document!.recordId))[0];
      }
      case 'P': {
        const row = await this.provisions.findByRecordId(id);
        return row ? provisionView(row, await this.provisions.history(row), this.config.publicUrl) : null;
      }
      default:
        return null;
    }
  }
}
