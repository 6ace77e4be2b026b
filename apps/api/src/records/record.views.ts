import type { ChangeRecord, Check, Document, DocumentHealth, Platform, Version } from '@clausewatch/db';

/** Wayback Machine address of the page as it was at capture time. */
export function waybackUrl(url: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `https://web.archive.org/web/${stamp}/${url}`;
}

export function platformView(platform: Platform, publicUrl: string) {
  return {
    recordType: 'platform',
    id: platform.recordId,
    slug: platform.slug,
    name: platform.name,
    homepage: platform.homepage,
    permalink: `${publicUrl}/r/${platform.recordId}`,
  };
}

export function documentView(document: Document, publicUrl: string, health?: DocumentHealth) {
  return {
    recordType: 'document',
    id: document.recordId,
    platform: document.platform ? { id: document.platform.recordId, slug: document.platform.slug, name: document.platform.name } : undefined,
    title: document.title,
    type: document.type,
    url: document.sources[0]?.url ?? null,
    sources: document.sources,
    rulesHistory: document.rulesHistory,
    selection: document.selection,
    fetcher: document.fetcher,
    checkIntervalMinutes: document.checkIntervalMinutes,
    active: document.active,
    createdAt: document.createdAt,
    ...(health ? { health } : {}),
    permalink: `${publicUrl}/r/${document.recordId}`,
  };
}

/** Record IDs of the versions a view refers to, by internal id. */
export type VersionIds = Map<string, string>;

export function versionView(version: Version, documentRecordId: string, ids: VersionIds, publicUrl: string, withText = false) {
  return {
    recordType: 'version',
    id: version.recordId,
    document: documentRecordId,
    title: version.title,
    capturedAt: version.capturedAt,
    sourceUrl: version.sourceUrl,
    finalUrl: version.finalUrl,
    httpStatus: version.httpStatus,
    fetcher: version.fetcher,
    origin: version.origin,
    rawSha256: version.rawSha256,
    textSha256: version.textSha256,
    extractorVersion: version.extractorVersion,
    confirmed: version.confirmedAt !== null,
    confirmedAt: version.confirmedAt,
    revertOf: version.revertOfVersionId ? (ids.get(version.revertOfVersionId) ?? null) : null,
    waybackUrl: waybackUrl(version.finalUrl ?? version.sourceUrl, version.capturedAt),
    ledgerIndex: version.ledgerIndex === null ? null : Number(version.ledgerIndex),
    permalink: `${publicUrl}/r/${version.recordId}`,
    ...(withText ? { markdown: version.markdown } : {}),
  };
}

/** Provision record IDs by clause index, for the two versions of a change (see ProvisionRecordsRepository.idsByPosition). */
export type ClauseProvisionIds = Map<string, Map<number, string>>;

interface StoredClause {
  beforeIndexes?: number[];
  afterIndexes?: number[];
}

/** The (version, clause index) pairs clausesWithProvisions looks up for these changes: what idsByPosition reads. */
export function clausePositionsOf(changes: ChangeRecord[]): Array<{ versionId: string; position: number }> {
  return changes.flatMap((change) =>
    (change.clauses as StoredClause[]).flatMap((clause) => [
      ...(clause.beforeIndexes ?? []).map((position) => ({ versionId: change.fromVersionId, position })),
      ...(clause.afterIndexes ?? []).map((position) => ({ versionId: change.toVersionId, position })),
    ]),
  );
}

/** Each clause of a change names the provisions it touches: `provisions.before` in the old version, `provisions.after` in the new one. */
function clausesWithProvisions(change: ChangeRecord, provisionIds: ClauseProvisionIds | undefined): unknown[] {
  if (!provisionIds) return change.clauses;
  const before = provisionIds.get(change.fromVersionId);
  const after = provisionIds.get(change.toVersionId);
  return (change.clauses as StoredClause[]).map((clause) => ({
    ...clause,
    provisions: {
      before: (clause.beforeIndexes ?? []).map((i) => before?.get(i) ?? null),
      after: (clause.afterIndexes ?? []).map((i) => after?.get(i) ?? null),
    },
  }));
}

export function changeView(change: ChangeRecord, documentRecordId: string, ids: VersionIds, publicUrl: string, provisionIds?: ClauseProvisionIds) {
  return {
    recordType: 'change',
    id: change.recordId,
    document: documentRecordId,
    from: ids.get(change.fromVersionId) ?? null,
    to: ids.get(change.toVersionId) ?? null,
    kind: change.kind,
    severity: change.severity,
    alertEligible: change.alertEligible,
    revertOf: change.revertOfVersionId ? (ids.get(change.revertOfVersionId) ?? null) : null,
    summary: change.summary,
    reasons: change.reasons,
    clauseTypes: change.clauseTypes,
    clauses: clausesWithProvisions(change, provisionIds),
    analyzerVersion: change.analyzerVersion,
    superseded: change.supersededBy !== null,
    supersededBy: change.supersededBy ?? [],
    createdAt: change.createdAt,
    permalink: `${publicUrl}/r/${change.recordId}`,
  };
}

export function checkView(check: Check) {
  return {
    startedAt: check.startedAt,
    trigger: check.trigger,
    outcome: check.outcome,
    cause: check.cause,
    httpStatus: check.httpStatus,
    fetcher: check.fetcher,
    durationMs: check.durationMs,
  };
}

/** The version IDs a set of versions and changes point at. */
export function referencedVersionIds(versions: Version[], changes: ChangeRecord[]): string[] {
  return [
    ...new Set([
      ...versions.flatMap((v) => (v.revertOfVersionId ? [v.revertOfVersionId] : [])),
      ...changes.flatMap((c) => [c.fromVersionId, c.toVersionId, ...(c.revertOfVersionId ? [c.revertOfVersionId] : [])]),
    ]),
  ];
}
