import { clauseTypeById } from '@clausewatch/analyzer';
import type { ClauseChange } from '@clausewatch/analyzer';
import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { ChecksRepository, DocumentsRepository, PublicPagesRepository, VersionsRepository } from '@clausewatch/db';
import { CITATION_FORMATS, formatCitation } from '@clausewatch/records';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ContextService } from '../context/context.service';
import { DocumentsService } from '../documents/documents.service';
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
    private readonly documentsService: DocumentsService,
    private readonly documents: DocumentsRepository,
    private readonly versions: VersionsRepository,
    private readonly checks: ChecksRepository,
    private readonly platformPages: PlatformPageService,
    private readonly pages: PublicPagesRepository,
  ) {}

  async page(id: string, query: { page?: string; from?: string; to?: string; verify?: string }): Promise<RecordPage> {
    const record = (await this.records.find(id)) as Record<string, unknown> & { recordType: string };
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

  private async documentHeader(documentRecordId: string) {
    const document = await this.documents.findByRecordId(documentRecordId);
    return document ? { id: document.recordId, title: document.title, type: document.type, platform: document.platform ? { name: document.platform.name, slug: document.platform.slug, id: document.platform.recordId } : null } : null;
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
    const clauses = (record.clauses as ClauseChange[]).map((clause, index) => ({ clause, index }));
    const [document, provisions, citations] = await Promise.all([
      this.documentHeader(record.document as string),
      this.provisionIdsOf(record.from as string | null, record.to as string | null, clauses.map((c) => c.clause)),
      this.citationsOf(id),
    ]);
    clauses.sort((a, b) => severityRank(b.clause.severity) - severityRank(a.clause.severity) || a.index - b.index);
    const substantive = clauses.filter((c) => c.clause.kind !== 'cosmetic');
    const cosmetic = clauses.filter((c) => c.clause.kind === 'cosmetic');
    const pages = Math.max(1, Math.ceil(substantive.length / CLAUSES_PER_PAGE));
    const current = Math.min(Math.max(1, pageNumber), pages);
    const view = (c: { clause: ClauseChange; index: number }) => ({
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
      provision: provisions.get(c.index) ?? null,
    });
    const types = ((record.clauseTypes as string[]) ?? []).map((t) => clauseTypeById.get(t)).filter((t) => t !== undefined);
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
        actions: types.map((t) => ({ label: t.label, id: t.id, actions: t.actions, regulations: t.regulations })).filter((t) => t.actions.length || t.regulations.length),
        citations,
      },
    };
  }

  /** The provision each clause is about: the one at its position in the new version, else in the old one. */
  private async provisionIdsOf(from: string | null, to: string | null, clauses: ClauseChange[]): Promise<Map<number, string>> {
    const rows = await this.pages.provisionsAtPositions([from, to].filter((v) => v !== null));
    const at = new Map(rows.map((r) => [`${r.version}:${r.position}`, r.record_id]));
    const result = new Map<number, string>();
    clauses.forEach((c, i) => {
      const id = (to && c.afterIndexes?.length ? at.get(`${to}:${c.afterIndexes[0]}`) : undefined) ?? (from && c.beforeIndexes?.length ? at.get(`${from}:${c.beforeIndexes[0]}`) : undefined);
      if (id) result.set(i, id);
    });
    return result;
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
    const [versions, changes, document, citations] = await Promise.all([
      this.documentsService.versionsOf(id, VERSIONS_SHOWN, 0),
      this.documentsService.changesOf(id, VERSIONS_SHOWN, 0),
      this.documents.findByRecordId(id),
      this.citationsOf(id),
    ]);
    const checks = document ? (await this.checks.listFor(document.id, 10)).map(checkView) : [];
    const changeByTo = new Map(changes.changes.map((c) => [c.to, c]));
    let compare: { from: string; to: string; segments: ReturnType<typeof redlineSegments> } | null = null;
    if (from && to) {
      const [a, b] = await Promise.all([this.versions.findByRecordId(from), this.versions.findByRecordId(to)]);
      if (!a || !b || a.documentId !== document?.id || b.documentId !== document?.id) throw new NotFoundException(`${from} and ${to} are not both versions of ${id}`);
      compare = { from, to, segments: redlineSegments(a.markdown, b.markdown) };
    }
    return {
      template: 'document',
      title: `${(record.platform as { name?: string } | undefined)?.name ?? ''} ${record.title} (${id})`.trim(),
      model: {
        record,
        versions: versions.versions.map((v) => ({ ...v, change: changeByTo.get(v.id) ?? null })),
        checks,
        compare,
        feed: `/api/v1/feeds/documents/${id}`,
        citations,
        publicUrl: this.config.publicUrl,
      },
    };
  }
}
