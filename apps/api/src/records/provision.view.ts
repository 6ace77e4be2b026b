import type { ProvisionAppearance, ProvisionRow } from '@clausewatch/db';

const MS_PER_MONTH = (365.25 / 12) * 24 * 3600 * 1000;

export interface ProvisionHistoryEntry {
  event: 'first seen' | 'changed' | 'removed' | 'restored';
  version: string;
  capturedAt: Date;
  /** The clause's text from this version on (absent for a removal). */
  text?: string;
}

/** First appearance, each version whose text differs from the one before, each removal and each return. */
export function provisionHistory(appearances: ProvisionAppearance[]): ProvisionHistoryEntry[] {
  const entries: ProvisionHistoryEntry[] = [];
  let previous: string | null = null;
  let present = false;
  for (const a of appearances) {
    if (a.text === null) {
      if (present) entries.push({ event: 'removed', version: a.version, capturedAt: a.captured_at });
      present = false;
      continue;
    }
    if (!present || a.text !== previous) {
      const event = previous === null ? 'first seen' : !present ? 'restored' : 'changed';
      entries.push({ event, version: a.version, capturedAt: a.captured_at, text: a.text });
    }
    previous = a.text;
    present = true;
  }
  return entries;
}

/** Whole months (one decimal) from first seen until removed (a superseded one: last seen), or until now while it is still there. */
export function monthsMonitored(firstSeenAt: Date, until: Date): number {
  return Math.max(0, Math.round(((until.getTime() - firstSeenAt.getTime()) / MS_PER_MONTH) * 10) / 10);
}

export function provisionView(row: ProvisionRow, appearances: ProvisionAppearance[], publicUrl: string, now = new Date()) {
  return {
    recordType: 'provision',
    id: row.record_id,
    document: row.document_record_id,
    platform: { id: row.platform_record_id, slug: row.platform_slug, name: row.platform_name },
    status: row.superseded_by ? 'superseded' : row.removed_at ? 'removed' : 'current',
    /** The provision this record turned out to be (a back-dated capture showed the clause continues it): it resolves there. */
    supersededBy: row.superseded_by,
    headingPath: row.heading_path,
    text: row.text,
    clauseTypes: row.clause_types,
    firstSeen: { version: row.first_version, at: row.first_seen_at },
    lastSeen: { version: row.last_version, at: row.last_seen_at },
    removed: row.removed_version && row.removed_at ? { version: row.removed_version, at: row.removed_at } : null,
    changes: row.change_count,
    // A superseded provision is held by no version any more: what it was seen in, and for how long, before that.
    versionsSeen: row.superseded_by ? (row.versions_seen_before_superseded ?? 0) : appearances.filter((a) => a.text !== null).length,
    monthsMonitored: monthsMonitored(row.first_seen_at, row.removed_at ?? (row.superseded_by ? row.last_seen_at : now)),
    history: provisionHistory(appearances),
    context: `${publicUrl}/api/v1/context/provisions/${row.record_id}`,
    permalink: `${publicUrl}/r/${row.record_id}`,
  };
}
