import { Alignment, analyzeChange, ChangeAnalysis, cosmeticFingerprint, Provision, splitProvisions } from '@clausewatch/analyzer';
import type { HeldProvisions, OweOptions, ProvisionLineageWrite, RestorableProvision, Version } from '@clausewatch/db';
import { backfilled, restorableAt } from '../lineage/backfill.planner';
import { clauseTypesOf, planLineage } from '../lineage/lineage.planner';
import { ALERT_MAX_AGE_MS, MAX_CLAUSE_CHARS } from '../capture.constants';
import type { ExtractedDocument } from './document-extractor';
import { boundClauseTexts } from './worker/analysis.task';
import { PackedHeldRows, packHeldProvisions, PackedProvisionTexts, packProvisions, unpackProvisions } from './worker/packed-provisions';
import type { TaskPool } from './worker/task.pool';
import type { CorrectionPlan, PlanCorrectionTask, PlanTextTask, PreparedFingerprints, TextPlan } from './worker/task.types';

/** Where a plan's heavy work runs: the task pool (worker threads), or inline in unit tests. */
export type PlanWorkers = Pick<TaskPool, 'run'>;

/** What the database holds about the document, read before the capture transaction. */
export interface PlanBasis {
  /**
   * The version the capture follows in time order, with its text: the latest one captured at or
   * before it (the document's latest version unless the capture is back-dated).
   */
  latest: Version | null;
  /** A back-dated capture: the version captured just after it, before which it is inserted. */
  next?: Version | null;
  /** The provisions `next` holds. */
  nextProvisions?: HeldProvisions;
  /** An earlier version (captured at or before the capture) whose text equals `next`'s once cosmetic differences are removed. */
  nextEarlierLike?: Pick<Version, 'id'> | null;
  /** Capture time of the document's newest version (a back-dated change owes no same-day alert). */
  newestCapturedAt?: Date | null;
  /** The provisions the latest version holds. */
  latestProvisions: HeldProvisions;
  /** An earlier version whose text equals the new one once cosmetic differences are removed. */
  earlierLike: Pick<Version, 'id'> | null;
  /** Removed provisions of the document whose fingerprint a clause of the new text has. */
  restorable: RestorableProvision[];
}

/** A new text with the fingerprints the reads before planning need (see PreparedFingerprints). */
export interface PreparedText extends PreparedFingerprints {
  extracted: ExtractedDocument;
}

/** The fingerprints of a text (split once, in a worker thread: seconds of CPU on a 10 MB text). */
export function fingerprintsOf(markdown: string): PreparedFingerprints {
  const provisions = splitProvisions(markdown);
  return { cosmeticFingerprint: cosmeticFingerprint(markdown), provisionFingerprints: [...new Set(provisions.map((p) => p.fingerprint))], provisions: packProvisions(provisions) };
}

export async function prepareText(extracted: ExtractedDocument, workers: PlanWorkers): Promise<PreparedText> {
  return { extracted, ...(await workers.run({ kind: 'prepare', markdown: extracted.markdown })) };
}

/**
 * A text whose fingerprints are computed the first time a plan needs them, once: a capture of the text
 * the document already has (the common crawl case) is only extracted, never split.
 */
export interface TextToPlan {
  extracted: ExtractedDocument;
  prepared(): Promise<PreparedText>;
}

export function preparedOnDemand(extracted: ExtractedDocument, workers: PlanWorkers): TextToPlan {
  let preparing: Promise<PreparedText> | undefined;
  return { extracted, prepared: () => (preparing ??= prepareText(extracted, workers)) };
}

/** The plan of a capture whose text a neighbour has already, if it is one: it needs no fingerprints. */
export function unchangedPlan(basis: Pick<PlanBasis, 'latest' | 'next'>, extracted: ExtractedDocument): CapturePlan | null {
  const { latest } = basis;
  const next = basis.next ?? null;
  if (latest && latest.textSha256 === extracted.textSha256) return { kind: 'unchanged', latest };
  // A back-dated capture of the text that follows it: that version was already in force then.
  if (next && next.textSha256 === extracted.textSha256) return { kind: 'unchanged', latest: next };
  return null;
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
  /** A correction's own revert status (an ordinary change takes the plan's). */
  revertOfVersionId?: string | null;
}

export type CapturePlan =
  /** `latest` is the version whose text the capture has (`next` when a back-dated capture saw the text that follows it). */
  | { kind: 'unchanged'; latest: Version }
  | {
      kind: 'new-version';
      cosmeticFingerprint: string;
      confirmed: boolean;
      revertOfVersionId: string | null;
      lineage: ProvisionLineageWrite;
      change: PlannedChange | null;
      /**
       * A back-dated capture inserted before `next`: the change from it to `next`, replacing the record
       * that spanned its place (a technical correction: never alerting, owing nothing).
       */
      correction?: { next: Version; change: PlannedChange };
    };

/** The first reason of a change recomputed after a back-dated capture was inserted before its version. */
export const TECHNICAL_CORRECTION = 'technical correction:';

/** A recomputed change (see TECHNICAL_CORRECTION): recorded, never alerting, even once its version is confirmed. */
export function isTechnicalCorrection(change: { reasons: string[] }): boolean {
  return change.reasons[0]?.startsWith(TECHNICAL_CORRECTION) ?? false;
}

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

/** Which provision each clause of the new text continues, restores or starts (see ProvisionsRepository). */
export function planProvisions(before: Provision[], held: HeldProvisions, after: Provision[], alignments: Alignment[] | undefined, restorable: PlanBasis['restorable']): ProvisionLineageWrite {
  const beforeIds: string[] = [];
  // Positions are the splitter's indexes; a row whose text no longer matches (another splitter) is not carried.
  for (let i = 0; i < held.length; i++) {
    const row = held.at(i)!;
    if (before[row.position]?.text === row.text) beforeIds[row.position] = row.provisionId;
  }
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
 * The heavy part of a plan, pure and run in a worker thread: one split of each text, one alignment
 * and analysis of the change, and the provision lineage that alignment implies (clauses classified
 * only where their text is new).
 */
export function planText(task: PlanTextTask): TextPlan {
  const after = unpackProvisions(task.afterProvisions);
  if (task.before === null) return { analysis: null, lineage: withoutAfter(planProvisions([], [], after, undefined, task.restorable)) };
  const before = splitProvisions(task.before);
  // Clause texts bounded in the change record; the versions keep them whole.
  const analysis = boundClauseTexts(analyzeChange(task.before, task.after, { before, after }), task.maxClauseChars);
  const lineage = withoutAfter(planProvisions(before, new PackedHeldRows(task.held), after, alignmentsOf(analysis, before, after), task.restorable));
  return { analysis, lineage, ...(task.describeBefore ? { before: before.map((p) => ({ headingPath: p.headingPath, fingerprint: p.fingerprint })) } : {}) };
}

/** A lineage without its `after` (see TextPlan.lineage). */
function withoutAfter(lineage: ProvisionLineageWrite): TextPlan['lineage'] {
  const { after: _after, ...rest } = lineage;
  return rest;
}

/**
 * The heavy part of a back-dated capture's correction, in a worker thread: the change from it to the
 * version after it, and which clauses of that version continue which of its own (by index).
 */
export function planCorrectionText(task: PlanCorrectionTask): CorrectionPlan {
  const before = unpackProvisions(task.beforeProvisions);
  const after = splitProvisions(task.after);
  const analysis = boundClauseTexts(analyzeChange(task.before, task.after, { before, after }), task.maxClauseChars);
  const plan = planLineage(before, before.map((p) => String(p.index)), after, alignmentsOf(analysis, before, after));
  return {
    analysis,
    continues: plan.kept.map((k) => ({ afterIndex: k.afterIndex, beforeIndex: Number(k.provisionId) })),
    added: plan.added.map((a) => ({ afterIndex: a, fingerprint: after[a].fingerprint })),
  };
}

/**
 * Recording a capture, planned before the transaction: is the text new; if so its revert status, the
 * change analysis, the provision lineage and what it may owe. The analyses run in the task pool, so
 * captures of different documents analyse on several cores at once; a back-dated capture's two
 * analyses (from the version before it, and the correction to the version after it) run side by side.
 */
export async function planCapture(basis: PlanBasis, text: PreparedText, facts: CaptureFacts, workers: PlanWorkers): Promise<CapturePlan> {
  const { latest } = basis;
  const next = basis.next ?? null;
  const { extracted } = text;
  const unchanged = unchangedPlan(basis, extracted);
  if (unchanged) return unchanged;
  const revertOfVersionId = latest ? (basis.earlierLike?.id ?? null) : null;
  // A first version has nothing to alert about, so it needs no confirmation.
  const confirmed = facts.confirmed || !latest;
  const [planned, corrected] = await Promise.all([
    workers.run({
      kind: 'plan-text',
      before: latest?.markdown ?? null,
      after: extracted.markdown,
      afterProvisions: text.provisions,
      held: packHeldProvisions(basis.latestProvisions),
      restorable: next ? restorableAt(basis, facts.capturedAt) : basis.restorable,
      maxClauseChars: MAX_CLAUSE_CHARS,
      describeBefore: next !== null,
    }),
    next ? workers.run({ kind: 'plan-correction', before: extracted.markdown, beforeProvisions: text.provisions, after: next.markdown, maxClauseChars: MAX_CLAUSE_CHARS }) : undefined,
  ]);
  const correction = next && corrected ? { next, change: correctionOf(corrected, basis) } : undefined;
  const base = { kind: 'new-version' as const, cosmeticFingerprint: text.cosmeticFingerprint, confirmed, revertOfVersionId, ...(correction ? { correction } : {}) };
  // The new version's provisions read from the packed split, never sent back by the plan task.
  const full = { ...planned, lineage: { ...planned.lineage, after: new PackedProvisionTexts(text.provisions) } };
  const lineage = next && corrected ? backfilled(full, corrected, basis, next) : full.lineage;
  if (!latest || !planned.analysis) return { ...base, lineage, change: null };
  const { analysis } = planned;
  const change: PlannedChange = {
    analysis,
    clauseTypes: clauseTypesIn(analysis),
    alertEligible: !facts.technical && isAlertEligible(analysis, revertOfVersionId, confirmed),
    // Compared with the newest version: a capture older than it is history being filled in.
    owe: oweOptionsFor(facts.capturedAt, basis.newestCapturedAt ?? latest.capturedAt, facts.now),
  };
  return { ...base, lineage, change };
}

function clauseTypesIn(analysis: ChangeAnalysis): string[] {
  return [...new Set(analysis.clauses.flatMap((c) => c.clauseTypes))];
}

/** The change from an inserted capture to the version after it: recomputed, recorded, never alerting. */
function correctionOf(corrected: CorrectionPlan, basis: PlanBasis): PlannedChange {
  const { analysis } = corrected;
  const revertOf = basis.nextEarlierLike?.id ?? null;
  return {
    analysis,
    clauseTypes: clauseTypesIn(analysis),
    alertEligible: false,
    owe: { alert: false, sameDayAlert: false },
    ...(revertOf ? { revertOfVersionId: revertOf } : {}),
  };
}
