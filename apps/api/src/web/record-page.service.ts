import { clauseTypeById, guidanceOf } from '@clausewatch/analyzer';
import type { ClauseChange } from '@clausewatch/analyzer';
import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { ChecksRepository, DocumentsRepository, VersionsRepository } from '@clausewatch/db';
import { CITATION_FORMATS, formatCitation } from '@clausewatch/records';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ContextService } from '../context/context.service';
import { CitationService } from '../records/citation.service';
import { checkView } from '../records/record.views';
import { RecordsService } from '../records/records.service';
import { redlineSegments } from '../views/redline.view-model';
import { PlatformPageService } from './platform-page.service';
import { severityRank } from './severity';

/** Clauses shown per page of a change (a 300-clause change pages its clauses to keep the page light). */
export const CLAUSES_PER_PAGE = 60;
/** Newest versions listed on a document's page (older ones: the versions API, or compare by ID). */
export const VERSIONS_SHOWN = 40;

const FORMAT_LABELS: Record<string, string> = { text: 'Plain text', bibtex: 'BibTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };

/** A clause of a served change record: the analyzer's clause and the provisions it touches in each version. */
type ServedClause = ClauseChange & { provisions?: { before: Array<string | null>; after: Array<string | null> } };

/** The provision a clause is about: the one it touches in the new version, else in the old one. */
function provisionOf(clause: ServedClause): string | null {
  return clause.provisions?.after.find((p) => p !== null) ?? clause.provisions?.before.find((p) => p !== null) ?? null;
}

export interface RecordPage {
  template: string;
  title: string;
  model: Record<string, unknown>;
}

/** View models of the `/r/:id` pages, built on the record the JSON API serves (RecordsService), never a second copy. */
@Injectable()
export class RecordPageService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly records: RecordsService,
    private readonly citations: CitationService,
    private readonly context: ContextService,
    private readonly documents: DocumentsRepository,
    private readonly versions: VersionsRepository,
    private readonly checks: ChecksRepository,
    private readonly platformPages: PlatformPageService,
  ) {}

  async page(id: string, query: { page?: string; from?: string; to?: string; verify?: string }): Promise<RecordPage> {
    const record = (await this.records.findServed(id)) as Record<string, unknown> & { recordType: string };
    switch (record.recordType) {
      case 'version':
        return this.version(id, record, query.verify === '1');
      case 'change':
        return this.change(id, record, Number(query.page) || 1);
      case 'provision':
        return this.provision(id, record);
      case 'document':
        return this.document(id, record, query.from, query.to);
      default: {
        const slug = (record as { slug?: string }).slug;
        return this.platformPages.page(slug ?? '');
      }
    }
  }

  /** The record's citation in the four formats, from one read of its facts. */
  private async citationsOf(id: string) {
    const view = await this.citations.view(id, new Date().toISOString().slice(0, 10));
    return CITATION_FORMATS.map((format) => ({ format, label: FORMAT_LABELS[format] ?? format, text: formatCitation(view, format) }));
  }

  /** The document a record belongs to, as its served record says (from memory while unchanged). */
  private async documentHeader(documentRecordId: string) {
    const document = (await this.records.findServed(documentRecordId)) as { id: string; title: string; type: string; platform?: { id: string; slug: string; name: string } };
    return { id: document.id, title: document.title, type: document.type, platform: document.platform ?? null };
  }

  private async version(id: string, record: Record<string, unknown>, verify: boolean): Promise<RecordPage> {
    const [document, verification, citations] = await Promise.all([this.documentHeader(record.document as string), verify ? this.records.verify(id) : null, this.citationsOf(id)]);
    return {
      template: 'version',
      title: `${document?.platform?.name ?? ''} ${document?.title ?? ''} — version of ${String(record.capturedAt ? new Date(record.capturedAt as string).toISOString().slice(0, 10) : '')} (${id})`.trim(),
      model: {
        record,
        document,
        verification,
        citations,
        links: { text: `/api/v1/records/${id}/text`, snapshot: `/api/v1/records/${id}/snapshot`, proof: `/api/v1/records/${id}/proof`, key: '/api/v1/ledger/key', json: `/api/v1/records/${id}` },
      },
    };
  }

  private async change(id: string, record: Record<string, unknown>, pageNumber: number): Promise<RecordPage> {
    const clauses = (record.clauses as ServedClause[]).map((clause, index) => ({ clause, index }));
    const [document, citations] = await Promise.all([this.documentHeader(record.document as string), this.citationsOf(id)]);
    clauses.sort((a, b) => severityRank(b.clause.severity) - severityRank(a.clause.severity) || a.index - b.index);
    const substantive = clauses.filter((c) => c.clause.kind !== 'cosmetic');
    const cosmetic = clauses.filter((c) => c.clause.kind === 'cosmetic');
    const pages = Math.max(1, Math.ceil(substantive.length / CLAUSES_PER_PAGE));
    const current = Math.min(Math.max(1, pageNumber), pages);
    const view = (c: { clause: ServedClause; index: number }) => ({
      op: c.clause.op,
      kind: c.clause.kind,
      severity: c.clause.severity,
      direction: c.clause.direction,
      headingPath: c.clause.headingPath,
      reasons: c.clause.reasons,
      clauseTypes: c.clause.clauseTypes.map((t) => ({ id: t, label: clauseTypeById.get(t)?.label ?? t })),
      segments: c.clause.diff ?? redlineSegments(c.clause.before, c.clause.after),
      before: c.clause.before,
      after: c.clause.after,
      provision: provisionOf(c.clause),
    });
    // What the reader can do, per type that set a clause's severity (not every type a clause mentions: an arbitration
    // change with a fee in its words is no payment advice).
    const guidance = guidanceOf(clauses.map((c) => c.clause));
    const worse = clauses.some((c) => c.clause.direction === 'worse');
    const better = clauses.some((c) => c.clause.direction === 'better');
    return {
      template: 'change',
      title: `${document?.platform?.name ?? ''} ${document?.title ?? ''}: ${record.severity} change (${id})`.trim(),
      model: {
        record,
        document,
        direction: worse && !better ? 'worse for users' : better && !worse ? 'better for users' : worse && better ? 'mixed' : 'neutral',
        directionClass: worse && !better ? 'worse' : better && !worse ? 'better' : '',
        clauses: substantive.slice((current - 1) * CLAUSES_PER_PAGE, current * CLAUSES_PER_PAGE).map(view),
        cosmetic: current === 1 ? cosmetic.map(view) : [],
        clauseCount: clauses.length,
        pager: pages > 1 ? { current, pages, prev: current > 1 ? current - 1 : null, next: current < pages ? current + 1 : null } : null,
        actions: guidance.map((g) => ({ label: g.label, id: g.type, actions: g.actions, regulations: g.regulations })),
        citations,
      },
    };
  }

  private async provision(id: string, record: Record<string, unknown>): Promise<RecordPage> {
    const [document, context, citations] = await Promise.all([this.documentHeader(record.document as string), this.context.forProvision(id), this.citationsOf(id)]);
    const history = ((record.history as Array<Record<string, unknown>>) ?? []).slice().reverse();
    return {
      template: 'provision',
      title: `${document?.platform?.name ?? ''} ${document?.title ?? ''}: ${((record.headingPath as string[]) ?? []).join(' › ') || 'provision'} (${id})`.trim(),
      model: {
        record,
        document,
        history,
        clauseTypes: ((record.clauseTypes as string[]) ?? []).map((t) => ({ id: t, label: clauseTypeById.get(t)?.label ?? t })),
        context: context.clauseTypes,
        citations,
      },
    };
  }

  private async document(id: string, record: Record<string, unknown>, from?: string, to?: string): Promise<RecordPage> {
    const [versions, checks, citations, compare] = await Promise.all([
      this.versions.timelineOf(id, VERSIONS_SHOWN),
      this.checks.listForDocumentRecord(id, 10),
      this.citationsOf(id),
      from && to ? this.comparison(id, from, to) : null,
    ]);
    return {
      template: 'document',
      title: `${(record.platform as { name?: string } | undefined)?.name ?? ''} ${record.title} (${id})`.trim(),
      model: {
        record,
        versions: versions.map((v) => ({ id: v.id, capturedAt: v.capturedAt, revertOf: v.isRevert, change: v.change })),
        checks: checks.map(checkView),
        compare,
        feed: `/api/v1/feeds/documents/${id}`,
        citations,
        publicUrl: this.config.publicUrl,
      },
    };
  }

  /** The redline between two versions of the document (404 unless both are its versions). */
  private async comparison(documentRecordId: string, from: string, to: string) {
    const [document, a, b] = await Promise.all([this.documents.findByRecordId(documentRecordId), this.versions.findByRecordId(from), this.versions.findByRecordId(to)]);
    if (!document || !a || !b || a.documentId !== document.id || b.documentId !== document.id) throw new NotFoundException(`${from} and ${to} are not both versions of ${documentRecordId}`);
    return { from, to, segments: redlineSegments(a.markdown, b.markdown) };
  }
}
