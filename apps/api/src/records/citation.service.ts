import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { ChangeRecordsRepository, DocumentsRepository, LedgerService, PlatformsRepository, ProvisionRecordsRepository, VersionsRepository } from '@clausewatch/db';
import { CITATION_FORMATS, CitationFormat, CitationView, formatCitation } from '@clausewatch/records';
import { Inject, Injectable } from '@nestjs/common';
import { RecordRequestError, RecordsErrorCode } from './records.error';
import { requireRecordIdParam } from './record-id.parser';

export const CITATION_CONTENT_TYPES: Record<CitationFormat, string> = {
  text: 'text/plain; charset=utf-8',
  bibtex: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  'csl-json': 'application/vnd.citationstyles.csl+json; charset=utf-8',
};

type Facts = Pick<CitationView, 'capturedAt' | 'textSha256' | 'rawSha256' | 'sourceUrl' | 'section' | 'quote' | 'treeHead'>;

/** Builds the citation of any record from the database, in the four formats of DESIGN.md. */
@Injectable()
export class CitationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platforms: PlatformsRepository,
    private readonly documents: DocumentsRepository,
    private readonly versions: VersionsRepository,
    private readonly changes: ChangeRecordsRepository,
    private readonly provisions: ProvisionRecordsRepository,
    private readonly ledger: LedgerService,
  ) {}

  /** The newest signed head, when it covers the ledger entry (a read: nothing is signed). */
  private async headCovering(ledgerIndex: string | null): Promise<CitationView['treeHead']> {
    if (ledgerIndex === null) return undefined;
    const head = await this.ledger.latestTreeHead().catch(() => null);
    if (!head || head.treeSize <= Number(ledgerIndex)) return undefined;
    return { treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp };
  }

  parseFormat(format: string | undefined): CitationFormat {
    const value = format ?? 'text';
    if (!(CITATION_FORMATS as readonly string[]).includes(value)) {
      throw new RecordRequestError(RecordsErrorCode.UnknownCitationFormat, `unknown citation format "${value.slice(0, 40)}": use one of ${CITATION_FORMATS.join(', ')}`);
    }
    return value as CitationFormat;
  }

  parseAccessed(accessed: string | undefined, now = new Date()): string {
    if (accessed === undefined) return now.toISOString().slice(0, 10);
    const exists = (d: Date) => d.toISOString().slice(0, 10) === accessed;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(accessed) || Number.isNaN(new Date(`${accessed}T00:00:00Z`).getTime()) || !exists(new Date(`${accessed}T00:00:00Z`))) {
      throw new RecordRequestError(RecordsErrorCode.InvalidAccessedDate, `accessed must be a date written YYYY-MM-DD, got "${accessed.slice(0, 40)}"`);
    }
    return accessed;
  }

  async cite(id: string, format: CitationFormat, accessedDate: string): Promise<string> {
    return formatCitation(await this.view(id, accessedDate), format);
  }

  async view(id: string, accessedDate: string): Promise<CitationView> {
    const { kind } = requireRecordIdParam(id);
    const permalinkUrl = `${this.config.publicUrl}/r/${id}`;
    const base = { recordId: id, kind, permalinkUrl, accessedDate };
    const notFound = () => new RecordRequestError(RecordsErrorCode.NoSuchRecord, `no record ${id}`);
    if (kind === 'E') {
      const platform = await this.platforms.findByRecordId(id);
      if (!platform) throw notFound();
      return { ...base, entityName: platform.name, sourceUrl: platform.homepage ?? undefined };
    }
    let documentId: string;
    let facts: Facts = {};
    if (kind === 'D') {
      const document = await this.documents.findByRecordId(id);
      if (!document) throw notFound();
      documentId = document.id;
      facts = { sourceUrl: document.sources[0]?.url };
    } else if (kind === 'V' || kind === 'C') {
      const versionId = kind === 'V' ? (await this.versions.findByRecordId(id))?.id : (await this.changes.findByRecordId(id))?.toVersionId;
      const version = versionId ? await this.versions.findById(versionId) : null;
      if (!version) throw notFound();
      documentId = version.documentId;
      facts = {
        capturedAt: version.capturedAt,
        textSha256: version.textSha256,
        rawSha256: version.rawSha256,
        sourceUrl: version.sourceUrl,
        treeHead: await this.headCovering(version.ledgerIndex),
      };
    } else {
      // A provision is cited as the text of the latest version that holds it.
      const row = await this.provisions.findByRecordId(id);
      if (!row) throw notFound();
      documentId = row.document_id;
      facts = {
        capturedAt: row.last_version_captured_at,
        textSha256: row.last_version_text_sha256,
        rawSha256: row.last_version_raw_sha256,
        sourceUrl: row.last_version_source_url,
        section: row.heading_path,
        quote: row.text,
      };
    }
    const document = await this.documents.findById(documentId);
    if (!document) throw notFound();
    return { ...base, ...facts, entityName: document.platform?.name ?? document.title, documentTitle: document.title, documentType: document.type.replace(/-/g, ' ') };
  }
}
