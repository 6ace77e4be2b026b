import { clauseTypeById } from '@clausewatch/analyzer';
import { DocumentsRepository, PlatformsRepository, ProvisionRecordsRepository } from '@clausewatch/db';
import { Injectable, NotFoundException } from '@nestjs/common';
import { ChangesQuery, ChangeListItem } from './changes.query';
import { SEVERITY_COLOURS } from './severity';

/** Clause types a reader looks for first on a platform, in this order. */
const QUICK_FACT_TYPES = ['dispute-resolution', 'ai-training', 'data-sale', 'data-sharing', 'advertising', 'content-license', 'deletion', 'retention', 'children', 'policy-changes'];
const TIMELINE = { width: 1000, height: 110, pad: 24 };

export interface TimelineMark {
  id: string;
  x: number;
  y: number;
  colour: string;
  label: string;
}

/** `/platforms/:slug` (and a platform's `/r/:id`): documents with health, quick facts, a timeline of changes. */
@Injectable()
export class PlatformPageService {
  constructor(
    private readonly platforms: PlatformsRepository,
    private readonly documents: DocumentsRepository,
    private readonly changes: ChangesQuery,
    private readonly provisions: ProvisionRecordsRepository,
  ) {}

  async page(slug: string) {
    // The platform, every document's health (failing ones first), the quick facts and the changes, side by side.
    const [platform, documents, facts, recent] = await Promise.all([
      this.platforms.findBySlug(slug),
      this.documents.listWithHealth(slug),
      this.provisions.countsByClauseType(slug, QUICK_FACT_TYPES),
      this.changes.list({ platform: slug }, 200),
    ]);
    if (!platform) throw new NotFoundException(`no platform "${slug.slice(0, 60)}"`);
    const withHealth = documents.map((d) => ({
      id: d.recordId,
      title: d.title,
      type: d.type,
      active: d.active,
      url: d.url,
      health: { lastCheckedAt: d.lastCheckedAt, lastOkAt: d.lastOkAt, lastCause: d.lastCause, consecutiveFailures: d.failures },
    }));
    const factByType = new Map(facts.map((f) => [f.type, f]));
    const lastVerified = withHealth.map((d) => d.health.lastOkAt).filter((d): d is Date => d !== null).sort((a, b) => new Date(b).getTime() - new Date(a).getTime())[0] ?? null;
    return {
      template: 'platform',
      title: `${platform.name}: legal documents and changes`,
      model: {
        platform: { id: platform.recordId, slug: platform.slug, name: platform.name, homepage: platform.homepage },
        documents: withHealth,
        failing: withHealth.filter((d) => d.health.consecutiveFailures > 0).length,
        lastVerified,
        quickFacts: QUICK_FACT_TYPES.map((type) => ({
          type,
          label: clauseTypeById.get(type)?.label ?? type,
          provisions: factByType.get(type)?.provisions ?? 0,
          example: factByType.get(type)?.example ?? null,
        })),
        timeline: timeline(recent),
        changes: recent.slice(0, 20),
        feed: `/api/v1/feeds/platforms/${encodeURIComponent(platform.slug)}`,
      },
    };
  }
}

/** One mark per change, placed by capture date, coloured by severity (rendered as SVG on the server). */
export function timeline(changes: ChangeListItem[]): { marks: TimelineMark[]; width: number; height: number; start: Date | null; end: Date | null; label: string } {
  const { width, height, pad } = TIMELINE;
  if (changes.length === 0) return { marks: [], width, height, start: null, end: null, label: 'No changes recorded yet' };
  const times = changes.map((c) => new Date(c.capturedAt).getTime());
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = Math.max(max - min, 1);
  const rows = ['critical', 'high', 'medium', 'low', 'none'];
  const marks = changes.map((c, i) => ({
    id: c.id,
    x: Math.round(pad + ((times[i] - min) / span) * (width - 2 * pad)),
    y: Math.round(pad / 2 + (rows.indexOf(c.severity) / (rows.length - 1)) * (height - pad)),
    colour: SEVERITY_COLOURS[c.severity] ?? SEVERITY_COLOURS.none,
    label: `${new Date(c.capturedAt).toISOString().slice(0, 10)}: ${c.severity} change to the ${c.document.title} (${c.id})`,
  }));
  return { marks, width, height, start: new Date(min), end: new Date(max), label: `${changes.length} changes from ${new Date(min).toISOString().slice(0, 10)} to ${new Date(max).toISOString().slice(0, 10)}, higher marks are more severe` };
}
