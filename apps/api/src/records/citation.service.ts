import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { Document, DocumentsRepository, LedgerService, PlatformsRepository, ProvisionRecordsRepository, VersionsRepository } from '@clausewatch/db';
import { CITATION_FORMATS, CitationFormat, CitationView, formatCitation, type SignedTreeHead } from '@clausewatch/records';
import { Inject, Injectable } from '@nestjs/common';
import { RecordRequestError, RecordsErrorCode } from './records.error';
import { requireRecordIdParam } from './record-id.parser';
import { RecordsService } from './records.service';

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
    private readonly records: RecordsService,
    private readonly provisions: ProvisionRecordsRepository,
    private readonly ledger: LedgerService,
  ) {}

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
    if (kind === 'V' || kind === 'C' || kind === 'D') return { ...base, ...(await this.recordFacts(id, kind)) };
    // A provision is cited as the text of the latest version that holds it.
    const row = await this.provisions.findByRecordId(id);
    if (!row) throw notFound();
    const document = await this.documents.findById(row.document_id);
    if (!document) throw notFound();
    const facts: Facts = {
      capturedAt: row.last_version_captured_at,
      textSha256: row.last_version_text_sha256,
      rawSha256: row.last_version_raw_sha256,
      sourceUrl: row.last_version_source_url,
      section: row.heading_path,
      quote: row.text,
    };
    return { ...base, ...facts, ...this.documentFacts(document) };
  }

  /**
   * A version's or a change's (its new version's) facts in one statement, the signed head alongside;
   * a document's from its record as the JSON API serves it (from memory while unchanged).
   */
  private async recordFacts(id: string, kind: 'V' | 'C' | 'D'): Promise<Omit<CitationView, 'recordId' | 'kind' | 'permalinkUrl' | 'accessedDate'>> {
    if (kind === 'D') {
      const document = (await this.records.findServed(id)) as { title: string; type: string; url: string | null; platform?: { name: string } };
      return { entityName: document.platform?.name ?? document.title, documentTitle: document.title, documentType: document.type.replace(/-/g, ' '), sourceUrl: document.url ?? undefined };
    }
    const [row, head] = await Promise.all([this.versions.citationFactsOf(id), this.ledger.latestTreeHead().catch(() => null)]);
    if (!row) throw new RecordRequestError(RecordsErrorCode.NoSuchRecord, `no record ${id}`);
    return {
      entityName: row.platformName ?? row.documentTitle,
      documentTitle: row.documentTitle,
      documentType: row.documentType.replace(/-/g, ' '),
      capturedAt: row.capturedAt,
      textSha256: row.textSha256,
      rawSha256: row.rawSha256,
      sourceUrl: row.sourceUrl,
      treeHead: headCovering(head, row.ledgerIndex),
    };
  }

  private documentFacts(document: Document): Pick<CitationView, 'entityName' | 'documentTitle' | 'documentType'> {
    return { entityName: document.platform?.name ?? document.title, documentTitle: document.title, documentType: document.type.replace(/-/g, ' ') };
  }
}

/** The signed head, when it covers the ledger entry (a read: nothing is signed). */
function headCovering(head: SignedTreeHead | null, ledgerIndex: number | string | null): CitationView['treeHead'] {
  if (ledgerIndex === null || !head || head.treeSize <= Number(ledgerIndex)) return undefined;
  return { treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp };
}
