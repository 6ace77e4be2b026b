import type { HeldProvision, LineageBackfill, ProvisionLineageWrite, RemapTarget, RestorableProvision, Version } from '@clausewatch/db';
import type { PlanBasis } from '../pipeline/capture.planner';
import { heldRowsOf } from '../pipeline/worker/packed-provisions';
import type { CorrectionPlan, TextPlan } from '../pipeline/worker/task.types';
import { clauseTypesOf } from './lineage.planner';

/**
 * What a back-dated capture may restore: provisions removed by then, that is seen before it and not
 * held by the version it follows (the read gives those removed now).
 */
export function restorableAt(basis: PlanBasis, capturedAt: Date): RestorableProvision[] {
  const held = new Set(heldRowsOf(basis.latestProvisions).map((p) => p.provisionId));
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
export function backfilled(planned: Omit<TextPlan, 'lineage'> & { lineage: ProvisionLineageWrite }, corrected: CorrectionPlan, basis: PlanBasis, next: Version): ProvisionLineageWrite {
  const { lineage } = planned;
  // Looked up by position and ID below: as objects (a back-dated capture only).
  const latestProvisions = heldRowsOf(basis.latestProvisions);
  const nextProvisions = heldRowsOf(basis.nextProvisions ?? []);
  const held = new Map(nextProvisions.map((row) => [row.position, row]));
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
  const latestById = new Map(latestProvisions.map((row) => [row.provisionId, row]));
  // Removed by V (held by the version before it, not by V): what a new clause of `next` restores, as in time order.
  const removedByV = new Map<string, string[]>();
  for (const row of latestProvisions) {
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
      const p = lineage.after.at(index)!;
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
  const nextText = new Map(nextProvisions.map((row) => [row.provisionId, row.text]));
  const lifecycle: LineageBackfill['lifecycle'] = [];
  const differs = (a: string | undefined, b: string | undefined) => (a !== undefined && b !== undefined && a !== b ? 1 : 0);
  for (const r of restored.slice(lineage.restored.length)) {
    // Taken from `next`: first seen in V now.
    if (!remapped.has(r.provisionId)) lifecycle.push({ provisionId: r.provisionId, changeDelta: differs(lineage.after.at(r.afterIndex)!.text, nextText.get(r.provisionId)), firstSeenInV: true });
  }
  for (const k of lineage.kept) {
    if (remapped.has(k.provisionId)) continue;
    const [before, inV, after] = [latestById.get(k.provisionId)?.text, lineage.after.at(k.afterIndex)!.text, nextText.get(k.provisionId)];
    if (continued.has(k.afterIndex) && after !== undefined) {
      const changeDelta = differs(before, inV) + differs(inV, after) - differs(before, after);
      if (changeDelta !== 0) lifecycle.push({ provisionId: k.provisionId, changeDelta });
    } else if (after === undefined) {
      // Removed by `next` as before, but last seen in V now, with V's text.
      lifecycle.push({ provisionId: k.provisionId, changeDelta: differs(before, inV), lastSeenInV: true });
      const p = lineage.after.at(k.afterIndex)!;
      retreat.push({ provisionId: k.provisionId, headingPath: p.headingPath, text: p.text, fingerprint: p.fingerprint, clauseTypes: k.clauseTypes });
    }
  }
  for (const id of lineage.removed) if (!remapped.has(id) && !nextText.has(id)) lifecycle.push({ provisionId: id, changeDelta: 0, removedInV: true });
  // Removed now before `next` and not restored by it, most recently removed first: a later clause with their last text restores them.
  const reopened: LineageBackfill['reopened'] = [];
  for (let i = 0; i < lineage.after.length; i++) {
    const p = lineage.after.at(i)!;
    if (continued.has(p.index)) continue;
    const id = idV.get(p.index);
    reopened.push({ target: id === undefined ? { freshAt: p.index } : { provisionId: id }, text: p.text });
  }
  for (const row of latestProvisions) if (!usedV.has(row.provisionId) && !usedNext.has(row.provisionId)) reopened.push({ target: { provisionId: row.provisionId }, text: row.text });
  return { ...lineage, restored, fresh, backfill: { nextVersionId: next.id, nextCapturedAt: next.capturedAt, remap, retreat, lifecycle, recompute, reopened } };
}
