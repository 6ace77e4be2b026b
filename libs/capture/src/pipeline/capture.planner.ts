import { Alignment, analyzeChange, ChangeAnalysis, classify, cosmeticFingerprint, Provision, splitProvisions } from '@clausewatch/analyzer';
import type { HeldProvision, LineageBackfill, OweOptions, ProvisionLineageWrite, RemapTarget, RestorableProvision, Version } from '@clausewatch/db';
import { planLineage } from '../lineage/lineage.planner';
import { ALERT_MAX_AGE_MS, MAX_CLAUSE_CHARS } from '../capture.constants';
import type { ExtractedDocument } from './document-extractor';
import { boundClauseTexts } from './worker/analysis.task';
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
  nextProvisions?: HeldProvision[];
  /** An earlier version (captured at or before the capture) whose text equals `next`'s once cosmetic differences are removed. */
  nextEarlierLike?: Pick<Version, 'id'> | null;
  /** Capture time of the document's newest version (a back-dated change owes no same-day alert). */
  newestCapturedAt?: Date | null;
  /** The provisions the latest version holds. */
  latestProvisions: HeldProvision[];
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
  return { cosmeticFingerprint: cosmeticFingerprint(markdown), provisionFingerprints: [...new Set(provisions.map((p) => p.fingerprint))], provisions };
}

export async function prepareText(extracted: ExtractedDocument, workers: PlanWorkers): Promise<PreparedText> {
  return { extracted, ...(await workers.run({ kind: 'prepare', markdown: extracted.markdown })) };
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
 * The heavy part of a plan, pure and run in a worker thread: one split of each text, one alignment
 * and analysis of the change, and the provision lineage that alignment implies (clauses classified
 * only where their text is new).
 */
export function planText(task: PlanTextTask): TextPlan {
  const after = task.afterProvisions;
  if (task.before === null) return { analysis: null, lineage: planProvisions([], [], after, undefined, task.restorable) };
  const before = splitProvisions(task.before);
  // Clause texts bounded in the change record; the versions keep them whole.
  const analysis = boundClauseTexts(analyzeChange(task.before, task.after, { before, after }), task.maxClauseChars);
  const lineage = planProvisions(before, task.held, after, alignmentsOf(analysis, before, after), task.restorable);
  return { analysis, lineage, ...(task.describeBefore ? { before: before.map((p) => ({ headingPath: p.headingPath, fingerprint: p.fingerprint })) } : {}) };
}

/**
 * The heavy part of a back-dated capture's correction, in a worker thread: the change from it to the
 * version after it, and which clauses of that version continue which of its own (by index).
 */
export function planCorrectionText(task: PlanCorrectionTask): CorrectionPlan {
  const before = task.beforeProvisions;
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
  if (latest && latest.textSha256 === extracted.textSha256) return { kind: 'unchanged', latest };
  // A back-dated capture of the text that follows it: that version was already in force then.
  if (next && next.textSha256 === extracted.textSha256) return { kind: 'unchanged', latest: next };
  const revertOfVersionId = latest ? (basis.earlierLike?.id ?? null) : null;
  // A first version has nothing to alert about, so it needs no confirmation.
  const confirmed = facts.confirmed || !latest;
  const [planned, corrected] = await Promise.all([
    workers.run({
      kind: 'plan-text',
      before: latest?.markdown ?? null,
      after: extracted.markdown,
      afterProvisions: text.provisions,
      held: basis.latestProvisions,
      restorable: next ? restorableAt(basis, facts.capturedAt) : basis.restorable,
      maxClauseChars: MAX_CLAUSE_CHARS,
      describeBefore: next !== null,
    }),
    next ? workers.run({ kind: 'plan-correction', before: extracted.markdown, beforeProvisions: text.provisions, after: next.markdown, maxClauseChars: MAX_CLAUSE_CHARS }) : undefined,
  ]);
  const correction = next && corrected ? { next, change: correctionOf(corrected, basis) } : undefined;
  const base = { kind: 'new-version' as const, cosmeticFingerprint: text.cosmeticFingerprint, confirmed, revertOfVersionId, ...(correction ? { correction } : {}) };
  const lineage = next && corrected ? backfilled(planned, corrected, basis, next) : planned.lineage;
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

/**
 * What a back-dated capture may restore: provisions removed by then, that is seen before it and not
 * held by the version it follows (the read gives those removed now).
 */
function restorableAt(basis: PlanBasis, capturedAt: Date): RestorableProvision[] {
  const held = new Set(basis.latestProvisions.map((p) => p.provisionId));
  return basis.restorable.filter((p) => p.firstSeenAt.getTime() < capturedAt.getTime() && !held.has(p.id));
}

/**
 * Provision lineage of an inserted (back-dated) version V, as if the captures had come in time order.
 * V continues the provisions of the version before it (the plan from it). Then the version after it,
 * `next`, follows V along the correction's alignment: a clause V holds for the first time that `next`
 * continues takes `next`'s ID when that ID starts at `next` (the clause was simply seen first in V);
 * any other clause of `next` whose provision differs from the one it had is remapped (in `next` and
 * every later version) to the one it continues in time order, or to a provision of its own.
 * See LineageBackfill and ProvisionsRepository.recordLineage.
 */
function backfilled(planned: TextPlan, corrected: CorrectionPlan, basis: PlanBasis, next: Version): ProvisionLineageWrite {
  const { lineage } = planned;
  const held = new Map((basis.nextProvisions ?? []).map((row) => [row.position, row]));
  const heldBeforeNext = (row: HeldProvision) => row.firstSeenAt.getTime() < next.capturedAt.getTime();
  const idV = new Map<number, string>([...lineage.kept.map((k) => [k.afterIndex, k.provisionId] as const), ...lineage.restored.map((r) => [r.afterIndex, r.provisionId] as const)]);
  const usedV = new Set(idV.values());
  const freshV = new Set(lineage.fresh.map((f) => f.afterIndex));
  const restored = [...lineage.restored];
  for (const c of corrected.continues) {
    const row = held.get(c.afterIndex);
    if (!freshV.has(c.beforeIndex) || !row || heldBeforeNext(row) || usedV.has(row.provisionId)) continue;
    freshV.delete(c.beforeIndex);
    idV.set(c.beforeIndex, row.provisionId);
    usedV.add(row.provisionId);
    restored.push({ afterIndex: c.beforeIndex, provisionId: row.provisionId });
  }
  // `next`'s provisions in time order.
  const target = new Map<number, RemapTarget>();
  const usedNext = new Set<string>();
  for (const c of corrected.continues) {
    const id = idV.get(c.beforeIndex);
    target.set(c.afterIndex, id === undefined ? { freshAt: c.beforeIndex } : { provisionId: id });
    if (id !== undefined) usedNext.add(id);
  }
  const latestById = new Map(basis.latestProvisions.map((row) => [row.provisionId, row]));
  // Removed by V (held by the version before it, not by V): what a new clause of `next` restores, as in time order.
  const removedByV = new Map<string, string[]>();
  for (const row of basis.latestProvisions) {
    const fingerprint = planned.before?.[row.position]?.fingerprint;
    if (fingerprint !== undefined && !usedV.has(row.provisionId)) removedByV.set(fingerprint, [...(removedByV.get(fingerprint) ?? []), row.provisionId]);
  }
  for (const a of corrected.added) {
    const row = held.get(a.afterIndex);
    const restorable = removedByV.get(a.fingerprint)?.find((id) => !usedNext.has(id));
    // Else a new clause of `next` keeps its provision if that one was free then: first held by `next`, or
    // restored by it from before the version before V.
    const free = row && !usedNext.has(row.provisionId) && !usedV.has(row.provisionId) && (!heldBeforeNext(row) || !latestById.has(row.provisionId));
    const id = restorable ?? (free ? row.provisionId : undefined);
    if (id !== undefined) usedNext.add(id);
    target.set(a.afterIndex, id !== undefined ? { provisionId: id } : { fresh: true });
  }
  const remap: LineageBackfill['remap'] = [];
  for (const [position, row] of held) {
    const to = target.get(position);
    if (to && !('provisionId' in to && to.provisionId === row.provisionId)) remap.push({ from: row.provisionId, to });
  }
  // A replaced provision still held before `next` now ends in V or the version before it: its last text there.
  const retreat: LineageBackfill['retreat'] = [];
  const indexInV = new Map([...idV].map(([index, id]) => [id, index]));
  for (const { from } of remap) {
    if (usedNext.has(from)) continue;
    const index = indexInV.get(from);
    const last = latestById.get(from);
    if (index !== undefined) {
      const p = lineage.after[index];
      retreat.push({ provisionId: from, headingPath: p.headingPath, text: p.text, fingerprint: p.fingerprint, clauseTypes: clauseTypesOf(p.text) });
    } else if (last && planned.before?.[last.position]) {
      const p = planned.before[last.position];
      retreat.push({ provisionId: from, headingPath: p.headingPath, text: last.text, fingerprint: p.fingerprint, clauseTypes: clauseTypesOf(last.text) });
    }
  }
  const continued = new Set(corrected.continues.map((c) => c.beforeIndex));
  const fresh = lineage.fresh.filter((f) => freshV.has(f.afterIndex));
  // What the insert changes in the other provisions' lifecycles, worked out from the three versions
  // around it (a provision held by hundreds of versions is not re-read); remapped ones and ones V
  // restores from further back are recomputed from every version that holds them.
  const remapped = new Set(remap.flatMap((r) => ('provisionId' in r.to ? [r.from, r.to.provisionId] : [r.from])));
  const recompute = planned.lineage.restored.map((r) => r.provisionId).filter((id) => !remapped.has(id));
  const nextText = new Map((basis.nextProvisions ?? []).map((row) => [row.provisionId, row.text]));
  const lifecycle: LineageBackfill['lifecycle'] = [];
  const differs = (a: string | undefined, b: string | undefined) => (a !== undefined && b !== undefined && a !== b ? 1 : 0);
  for (const r of restored.slice(lineage.restored.length)) {
    // Taken from `next`: first seen in V now.
    if (!remapped.has(r.provisionId)) lifecycle.push({ provisionId: r.provisionId, changeDelta: differs(lineage.after[r.afterIndex].text, nextText.get(r.provisionId)), firstSeenInV: true });
  }
  for (const k of lineage.kept) {
    if (remapped.has(k.provisionId)) continue;
    const [before, inV, after] = [latestById.get(k.provisionId)?.text, lineage.after[k.afterIndex].text, nextText.get(k.provisionId)];
    if (continued.has(k.afterIndex) && after !== undefined) {
      const changeDelta = differs(before, inV) + differs(inV, after) - differs(before, after);
      if (changeDelta !== 0) lifecycle.push({ provisionId: k.provisionId, changeDelta });
    } else if (after === undefined) {
      // Removed by `next` as before, but last seen in V now, with V's text.
      lifecycle.push({ provisionId: k.provisionId, changeDelta: differs(before, inV), lastSeenInV: true });
      const p = lineage.after[k.afterIndex];
      retreat.push({ provisionId: k.provisionId, headingPath: p.headingPath, text: p.text, fingerprint: p.fingerprint, clauseTypes: k.clauseTypes });
    }
  }
  for (const id of lineage.removed) if (!remapped.has(id) && !nextText.has(id)) lifecycle.push({ provisionId: id, changeDelta: 0, removedInV: true });
  // Removed now before `next` and not restored by it, most recently removed first: a later clause with their last text restores them.
  const reopened: LineageBackfill['reopened'] = [];
  for (const p of lineage.after) {
    if (continued.has(p.index)) continue;
    const id = idV.get(p.index);
    reopened.push({ target: id === undefined ? { freshAt: p.index } : { provisionId: id }, text: p.text });
  }
  for (const row of basis.latestProvisions) if (!usedV.has(row.provisionId) && !usedNext.has(row.provisionId)) reopened.push({ target: { provisionId: row.provisionId }, text: row.text });
  return { ...lineage, restored, fresh, backfill: { nextVersionId: next.id, nextCapturedAt: next.capturedAt, remap, retreat, lifecycle, recompute, reopened } };
}
