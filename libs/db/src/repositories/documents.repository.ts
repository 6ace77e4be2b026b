import { DataSource, EntityManager } from 'typeorm';
import { canonicalJson } from '../canonical-json';
import type { FetcherKind } from '@clausewatch/extract';
import { Document, DocumentEvent, DocumentSource, RulesHistoryEntry, SelectionSemantics } from '../entities';
import { RunningChecksRepository } from './running-checks.repository';

export interface NewDocument {
  platformId: string;
  title: string;
  type: string;
  sources: DocumentSource[];
  fetcher: FetcherKind;
  checkIntervalMinutes: number;
  /** Earlier rules (an OTA history file), oldest first. */
  rulesHistory?: RulesHistoryEntry[];
  selection?: SelectionSemantics;
}

/** What an admin may correct on a document (PATCH /documents/:id). */
export interface DocumentCorrection {
  title?: string;
  sources?: DocumentSource[];
  fetcher?: FetcherKind;
  checkIntervalMinutes?: number;
  active?: boolean;
  selection?: SelectionSemantics;
  /** When the rules change: the old rules applied to captures up to this instant (default now). */
  rulesValidUntil?: Date;
}

const CORRECTABLE = ['title', 'sources', 'fetcher', 'checkIntervalMinutes', 'active', 'selection'] as const;

export interface DocumentHealth {
  lastCheckedAt: Date | null;
  lastOutcome: string | null;
  lastCause: string | null;
  lastOkAt: Date | null;
  lastFailureAt: Date | null;
  consecutiveFailures: number;
  /** Failing for 24 h or more with no ok check since. */
  flagged: boolean;
}

export class DocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: a write of several rows (platform, document, its history) is all or nothing. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // With its platform in one statement: `findOne` with a relation sends two (a DISTINCT over the join, then the row).
  findByRecordId(recordId: string, manager: EntityManager = this.dataSource.manager): Promise<Document | null> {
    return manager.createQueryBuilder(Document, 'document').leftJoinAndSelect('document.platform', 'platform').where('document.recordId = :recordId', { recordId }).getOne();
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Document | null> {
    return manager.createQueryBuilder(Document, 'document').leftJoinAndSelect('document.platform', 'platform').where('document.id = :id', { id }).getOne();
  }

  listForPlatform(platformId: string): Promise<Document[]> {
    return this.dataSource.manager.find(Document, { where: { platformId }, order: { title: 'ASC' } });
  }

  /** Inserts the document, or returns the existing one of the same platform and type (`created` false). */
  async create(values: NewDocument, manager: EntityManager = this.dataSource.manager): Promise<{ document: Document; created: boolean }> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO documents (platform_id, title, type, sources, fetcher, check_interval_minutes, rules_history, selection)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (platform_id, type) DO NOTHING RETURNING id`,
      [
        values.platformId,
        values.title,
        values.type,
        JSON.stringify(values.sources),
        values.fetcher,
        values.checkIntervalMinutes,
        JSON.stringify(values.rulesHistory ?? []),
        values.selection ?? 'clausewatch',
      ],
    );
    const document = rows[0]
      ? await manager.findOneOrFail(Document, { where: { id: rows[0].id }, relations: { platform: true } })
      : await manager.findOneOrFail(Document, { where: { platformId: values.platformId, type: values.type }, relations: { platform: true } });
    return { document, created: rows.length > 0 };
  }

  /** Every document with its platform and health summary, failing ones first (the admin list). */
  async listWithHealth(platformSlug?: string): Promise<Array<{ recordId: string; title: string; type: string; active: boolean; url: string | null; platformName: string; platformSlug: string; lastCheckedAt: Date | null; lastOutcome: string | null; lastCause: string | null; lastOkAt: Date | null; failures: number }>> {
    const rows: Array<{ record_id: string; title: string; type: string; active: boolean; url: string | null; platform_name: string; platform_slug: string; last_checked_at: Date | null; last_outcome: string | null; last_cause: string | null; last_ok_at: Date | null; failures: number }> = await this.dataSource.query(
      `SELECT d.record_id, d.title, d.type, d.active, d.sources->0->>'url' AS url, p.name AS platform_name, p.slug AS platform_slug,
              last.started_at AS last_checked_at, last.outcome AS last_outcome, last.cause AS last_cause, ok.at AS last_ok_at,
              (SELECT count(*)::int FROM checks c WHERE c.document_id = d.id AND c.outcome NOT IN ('ok', 'not-modified')
                  AND c.started_at > coalesce(ok.at, '-infinity')) AS failures
         FROM documents d JOIN platforms p ON p.id = d.platform_id
         LEFT JOIN LATERAL (SELECT started_at, outcome, cause FROM checks c WHERE c.document_id = d.id ORDER BY started_at DESC, id DESC LIMIT 1) last ON true
         LEFT JOIN LATERAL (SELECT max(started_at) AS at FROM checks o WHERE o.document_id = d.id AND o.outcome IN ('ok', 'not-modified')) ok ON true
        WHERE $1::text IS NULL OR p.slug = $1
        ORDER BY failures DESC, d.active DESC, p.name, d.title`,
      [platformSlug ?? null],
    );
    return rows.map((r) => ({ recordId: r.record_id, title: r.title, type: r.type, active: r.active, url: r.url, platformName: r.platform_name, platformSlug: r.platform_slug, lastCheckedAt: r.last_checked_at, lastOutcome: r.last_outcome, lastCause: r.last_cause, lastOkAt: r.last_ok_at, failures: r.failures }));
  }

  /**
   * Applies an admin's correction and keeps it in the document's history, in one transaction: each
   * changed field with its old and new value; changed rules push the old ones onto `rulesHistory`
   * (valid until `rulesValidUntil`, default now) instead of overwriting them. Nothing changed: no event.
   */
  async correct(documentId: string, correction: DocumentCorrection, actor: string): Promise<{ document: Document; event: DocumentEvent | null }> {
    return this.dataSource.transaction(async (manager) => {
      await this.lock(manager, documentId);
      const current = await manager.findOneOrFail(Document, { where: { id: documentId } });
      const changes: DocumentEvent['changes'] = {};
      const update: Partial<Document> = {};
      for (const field of CORRECTABLE) {
        const to = correction[field];
        if (to === undefined || canonicalJson(to) === canonicalJson(current[field])) continue;
        changes[field] = { from: current[field], to };
        Object.assign(update, { [field]: to });
      }
      if (changes.sources) {
        const validUntil = (correction.rulesValidUntil ?? new Date()).toISOString();
        const history = [...current.rulesHistory, { validUntil, sources: current.sources }].sort((a, b) => Date.parse(a.validUntil) - Date.parse(b.validUntil));
        update.rulesHistory = history;
        changes.rulesHistory = { from: current.rulesHistory.length, to: history.length };
      }
      if (Object.keys(changes).length === 0) return { document: await this.findByIdOrFail(documentId, manager), event: null };
      await manager.update(Document, { id: documentId }, update);
      const event = await manager.save(DocumentEvent, manager.create(DocumentEvent, { documentId, actor, action: 'updated', changes }));
      return { document: await this.findByIdOrFail(documentId, manager), event };
    });
  }

  async setRulesHistory(documentId: string, history: RulesHistoryEntry[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(Document, { id: documentId }, { rulesHistory: history });
  }

  /** Notes a document's creation or import in its history. */
  recordEvent(documentId: string, actor: string, action: string, changes: DocumentEvent['changes'], manager: EntityManager = this.dataSource.manager): Promise<DocumentEvent> {
    return manager.save(DocumentEvent, manager.create(DocumentEvent, { documentId, actor, action, changes }));
  }

  /** A document's corrections, oldest first. */
  history(documentId: string): Promise<DocumentEvent[]> {
    return this.dataSource.manager.find(DocumentEvent, { where: { documentId }, order: { at: 'ASC', id: 'ASC' } });
  }

  private findByIdOrFail(id: string, manager: EntityManager): Promise<Document> {
    return manager.findOneOrFail(Document, { where: { id }, relations: { platform: true } });
  }

  /** Active documents fetched with a browser only (said at start when Chromium is missing). */
  async listNeedingBrowser(): Promise<Array<{ recordId: string; platform: string; title: string }>> {
    const rows: Array<{ record_id: string; platform: string; title: string }> = await this.dataSource.query(
      `SELECT d.record_id, p.name AS platform, d.title FROM documents d JOIN platforms p ON p.id = d.platform_id
        WHERE d.active AND d.fetcher = 'browser' ORDER BY d.id`,
    );
    return rows.map((r) => ({ recordId: r.record_id, platform: r.platform, title: r.title }));
  }

  /** Ids of the active documents, oldest first (the CLI's `crawl` of everything). */
  async listActiveIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM documents WHERE active ORDER BY id');
    return rows.map((r) => r.id);
  }

  /** Serialises the processing of one document's captures (taken inside a transaction). */
  async lock(manager: EntityManager, documentId: string): Promise<void> {
    await manager.query('SELECT 1 FROM documents WHERE id = $1 FOR UPDATE', [documentId]);
  }

  /**
   * Active documents whose last check is older than their interval (or that were never checked), and whose
   * check is not running now: a running check writes its row when it ends, and a job queued meanwhile could
   * only be skipped (while pg-boss's stately queue holds it back behind the running one, ahead of the rest).
   */
  async findDue(limit: number): Promise<Array<{ id: string; host: string }>> {
    const rows: Array<{ id: string; url: string }> = await this.dataSource.query(
      `SELECT d.id, d.sources->0->>'url' AS url
         FROM documents d
         LEFT JOIN LATERAL (SELECT c.started_at FROM checks c WHERE c.document_id = d.id ORDER BY c.started_at DESC LIMIT 1) last ON true
        WHERE d.active AND (last.started_at IS NULL OR last.started_at < now() - make_interval(mins => d.check_interval_minutes))
          AND ${RunningChecksRepository.notRunningCondition('d')}
        ORDER BY last.started_at NULLS FIRST
        LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ id: r.id, host: safeHost(r.url) }));
  }

  /** Whether the document's last check is older than its interval (a queued job re-checks this). */
  async isDue(documentId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM documents d
        WHERE d.id = $1 AND d.active AND NOT EXISTS (
          SELECT 1 FROM checks c WHERE c.document_id = d.id AND c.started_at >= now() - make_interval(mins => d.check_interval_minutes))`,
      [documentId],
    );
    return rows.length > 0;
  }

  async health(documentId: string): Promise<DocumentHealth> {
    const [row]: Array<{
      last_checked_at: Date | null;
      last_outcome: string | null;
      last_cause: string | null;
      last_ok_at: Date | null;
      last_failure_at: Date | null;
      consecutive_failures: string;
      failing_since: Date | null;
    }> = await this.dataSource.query(
      `WITH last_ok AS (SELECT max(started_at) AS at FROM checks WHERE document_id = $1 AND outcome IN ('ok', 'not-modified')),
            last AS (SELECT started_at, outcome, cause FROM checks WHERE document_id = $1 ORDER BY started_at DESC, id DESC LIMIT 1)
       SELECT (SELECT started_at FROM last) AS last_checked_at,
              (SELECT outcome FROM last) AS last_outcome,
              (SELECT cause FROM last) AS last_cause,
              (SELECT at FROM last_ok) AS last_ok_at,
              (SELECT max(started_at) FROM checks WHERE document_id = $1 AND outcome NOT IN ('ok', 'not-modified')) AS last_failure_at,
              (SELECT count(*) FROM checks WHERE document_id = $1 AND outcome NOT IN ('ok', 'not-modified')
                  AND started_at > coalesce((SELECT at FROM last_ok), '-infinity')) AS consecutive_failures,
              (SELECT min(started_at) FROM checks WHERE document_id = $1 AND outcome NOT IN ('ok', 'not-modified')
                  AND started_at > coalesce((SELECT at FROM last_ok), '-infinity')) AS failing_since`,
      [documentId],
    );
    const consecutiveFailures = Number(row.consecutive_failures);
    const flagged = row.failing_since !== null && Date.now() - new Date(row.failing_since).getTime() >= 24 * 3600 * 1000;
    return {
      lastCheckedAt: row.last_checked_at,
      lastOutcome: row.last_outcome,
      lastCause: row.last_cause,
      lastOkAt: row.last_ok_at,
      lastFailureAt: row.last_failure_at,
      consecutiveFailures,
      flagged,
    };
  }
}

function safeHost(url: string | null): string {
  try {
    return new URL(url ?? '').host;
  } catch {
    return '';
  }
}

