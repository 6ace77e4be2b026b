import { Alignment, analyzeChange, ChangeAnalysis, classify, cosmeticFingerprint, Provision, splitProvisions } from '@clausewatch/analyzer';
import type { HeldProvision, OweOptions, ProvisionLineageWrite, Version } from '@clausewatch/db';
import { planLineage } from '../lineage/lineage.planner';
import { ALERT_MAX_AGE_MS, MAX_CLAUSE_CHARS } from '../capture.constants';
import type { ExtractedDocument } from './document-extractor';
import { boundClauseTexts } from './worker/analysis.task';

/** What the database holds about the document, read before the capture transaction. */
export interface PlanBasis {
  /** The latest version (by capture time), with its text. */
  latest: Version | null;
  /** The provisions the latest version holds. */
  latestProvisions: HeldProvision[];
  /** An earlier version whose text equals the new one once cosmetic differences are removed. */
  earlierLike: Pick<Version, 'id'> | null;
  /** Removed provisions of the document whose fingerprint a clause of the new text has. */
  restorable: Array<{ id: string; fingerprint: string }>;
}

/** A new text, split once: its provisions and its cosmetic fingerprint serve every later step. */
export interface PreparedText {
  extracted: ExtractedDocument;
  provisions: Provision[];
  cosmeticFingerprint: string;
}

export function prepareText(extracted: ExtractedDocument): PreparedText {
  return { extracted, provisions: splitProvisions(extracted.markdown), cosmeticFingerprint: cosmeticFingerprint(extracted.markdown) };
}

export interface CaptureFacts {
  capturedAt: Date;
  /** The text is confirmed already (an imported capture or a re-extraction); a first version always is. */
  confirmed: boolean;
  /** A technical upgrade (re-extraction): recorded, never alerting. */
  technical?: boolean;
  now: Date;
}

export interface PlannedChange {
  analysis: ChangeAnalysis;
  clauseTypes: string[];
  alertEligible: boolean;
  owe: OweOptions;
}

export type CapturePlan =
  | { kind: 'unchanged'; latest: Version }
  | {
      kind: 'new-version';
      cosmeticFingerprint: string;
      confirmed: boolean;
      revertOfVersionId: string | null;
      lineage: ProvisionLineageWrite;
      change: PlannedChange | null;
    };

/** A change may alert once confirmed, unless it is cosmetic, a revert, or says nothing (`none`). */
export function isAlertEligible(change: { kind: string; severity: string }, revertOfVersionId: string | null, confirmed: boolean): boolean {
  return confirmed && revertOfVersionId === null && (change.kind === 'structure' || change.kind === 'substantive') && change.severity !== 'none';
}

/**
 * What a change may owe its subscribers, from when its text was captured: a capture older than the
 * version it follows is history being filled in, never same-day news; one older than a week alerts no one.
 */
export function oweOptionsFor(capturedAt: Date, previousCapturedAt: Date | null, now: Date): OweOptions {
  const alert = now.getTime() - capturedAt.getTime() <= ALERT_MAX_AGE_MS;
  return { alert, sameDayAlert: alert && (previousCapturedAt === null || capturedAt.getTime() >= previousCapturedAt.getTime()) };
}

/**
 * The analyzer's alignment, rebuilt from its change analysis: every changed clause says which
 * provisions it aligned; the provisions it does not mention are identical pairs (same text, in order).
 */
export function alignmentsOf(analysis: ChangeAnalysis, before: Provision[], after: Provision[]): Alignment[] {
  const alignments: Alignment[] = analysis.clauses.map((c) => ({ op: c.op, before: c.beforeIndexes, after: c.afterIndexes, similarity: 0 }));
  const usedBefore = new Set(analysis.clauses.flatMap((c) => c.beforeIndexes));
  const usedAfter = new Set(analysis.clauses.flatMap((c) => c.afterIndexes));
  const waiting = new Map<string, number[]>();
  for (const p of before) if (!usedBefore.has(p.index)) waiting.set(p.text, [...(waiting.get(p.text) ?? []), p.index]);
  for (const p of after) {
    if (usedAfter.has(p.index)) continue;
    const b = waiting.get(p.text)?.shift();
    alignments.push(b === undefined ? { op: 'added', before: [], after: [p.index], similarity: 0 } : { op: 'identical', before: [b], after: [p.index], similarity: 1 });
  }
  for (const rest of waiting.values()) for (const b of rest) alignments.push({ op: 'removed', before: [b], after: [], similarity: 0 });
  return alignments;
}

function clauseTypesOf(text: string): string[] {
  return classify(text).clauseTypes.map((t) => t.id);
}

/** Which provision each clause of the new text continues, restores or starts (see ProvisionsRepository). */
export function planProvisions(before: Provision[], held: HeldProvision[], after: Provision[], alignments: Alignment[] | undefined, restorable: PlanBasis['restorable']): ProvisionLineageWrite {
  const beforeIds: string[] = [];
  // Positions are the splitter's indexes; a row whose text no longer matches (another splitter) is not carried.
  for (const row of held) if (before[row.position]?.text === row.text) beforeIds[row.position] = row.provisionId;
  const plan = planLineage(before, beforeIds, after, alignments);
  const candidates = new Map<string, string[]>();
  for (const row of restorable) candidates.set(row.fingerprint, [...(candidates.get(row.fingerprint) ?? []), row.id]);
  const restored: ProvisionLineageWrite['restored'] = [];
  const fresh: ProvisionLineageWrite['fresh'] = [];
  for (const index of plan.added) {
    const id = candidates.get(after[index].fingerprint)?.shift();
    if (id) restored.push({ afterIndex: index, provisionId: id });
    else fresh.push({ afterIndex: index, clauseTypes: clauseTypesOf(after[index].text) });
  }
  return {
    after: after.map((p) => ({ index: p.index, headingPath: p.headingPath, text: p.text, fingerprint: p.fingerprint })),
    kept: plan.kept.map((k) => ({ ...k, clauseTypes: k.textChanged ? clauseTypesOf(after[k.afterIndex].text) : null })),
    restored,
    fresh,
    removed: plan.removed,
  };
}

/**
 * The pure part of recording a capture, computed before the transaction from one analysis: is the
 * text new; if so its revert status, the change analysis, the provision lineage and what it may owe.
 */
export function planCapture(basis: PlanBasis, text: PreparedText, facts: CaptureFacts): CapturePlan {
  const { latest } = basis;
  const { extracted, provisions: after } = text;
  if (latest && latest.textSha256 === extracted.textSha256) return { kind: 'unchanged', latest };
  const revertOfVersionId = latest ? (basis.earlierLike?.id ?? null) : null;
  // A first version has nothing to alert about, so it needs no confirmation.
  const confirmed = facts.confirmed || !latest;
  const base = { kind: 'new-version' as const, cosmeticFingerprint: text.cosmeticFingerprint, confirmed, revertOfVersionId };
  if (!latest) return { ...base, lineage: planProvisions([], [], after, undefined, basis.restorable), change: null };
  const before = splitProvisions(latest.markdown);
  // Clause texts bounded in the change record (MAX_CLAUSE_CHARS); the versions keep them whole.
  const analysis = boundClauseTexts(analyzeChange(latest.markdown, extracted.markdown), MAX_CLAUSE_CHARS);
  const change: PlannedChange = {
    analysis,
    clauseTypes: [...new Set(analysis.clauses.flatMap((c) => c.clauseTypes))],
    alertEligible: !facts.technical && isAlertEligible(analysis, revertOfVersionId, confirmed),
    owe: oweOptionsFor(facts.capturedAt, latest.capturedAt, facts.now),
  };
  return { ...base, lineage: planProvisions(before, basis.latestProvisions, after, alignmentsOf(analysis, before, after), basis.restorable), change };
}
