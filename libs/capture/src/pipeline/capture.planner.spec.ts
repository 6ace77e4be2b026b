import { analyzeChange, splitProvisions } from '@clausewatch/analyzer';
import type { Version } from '@clausewatch/db';
import { sha256Hex } from '@clausewatch/extract';
import { alignmentsOf, CaptureFacts, oweOptionsFor, PlanBasis, planCapture, prepareText } from './capture.planner';
import type { ExtractedDocument } from './document-extractor';
import { DEFAULT_TASK_POOL_OPTIONS, TaskPool } from './worker/task.pool';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-12-02T12:00:00Z');

const v1 = `# Terms

## Sharing

We do not sell your personal data to third parties.

## Disputes

You may bring any claim in the courts of your home country.
`;
const v2 = v1.replace('You may bring any claim in the courts of your home country.', 'Any claim must go to binding individual arbitration; you waive any class action.');

function extracted(markdown: string): ExtractedDocument {
  const rawSha256 = sha256Hex(`<html>${markdown}</html>`);
  return { markdown, title: null, textSha256: sha256Hex(markdown), rawSha256, extractorVersion: 'x', parts: [{ body: Buffer.from(markdown), contentType: 'text/html', url: 'https://example.test/terms', rawSha256 }] };
}

function version(markdown: string, capturedAt: Date, id = '1'): Version {
  return { id, markdown, textSha256: sha256Hex(markdown), capturedAt, confirmedAt: capturedAt } as Version;
}

describe('oweOptionsFor', () => {
  it.each([
    ['a fresh capture after the latest version', 0, -1, { alert: true, sameDayAlert: true }],
    ['a first version', 0, null, { alert: true, sameDayAlert: true }],
    ['a capture older than the version it follows (back-dated)', -3, -1, { alert: true, sameDayAlert: false }],
    ['a capture older than 7 days', -8, -30, { alert: false, sameDayAlert: false }],
    ['a capture exactly 7 days old', -7, -30, { alert: true, sameDayAlert: true }],
  ] as const)('%s', (_what, capturedDays, previousDays, expected) => {
    const capturedAt = new Date(now.getTime() + capturedDays * DAY);
    const previous = previousDays === null ? null : new Date(now.getTime() + previousDays * DAY);
    expect(oweOptionsFor(capturedAt, previous, now)).toEqual(expected);
  });
});

describe('planCapture', () => {
  const empty = { latestProvisions: [], earlierLike: null, restorable: [] };
  // The pool's tasks on the calling thread: the same functions the worker threads run.
  const inline = new TaskPool({ ...DEFAULT_TASK_POOL_OPTIONS, inline: true });
  const planOf = async (basis: PlanBasis, markdown: string, facts: CaptureFacts) => planCapture(basis, await prepareText(extracted(markdown), inline), facts, inline);

  it('plans nothing but a check for the latest text again', async () => {
    const latest = version(v1, new Date(now.getTime() - DAY));
    expect(await planOf({ ...empty, latest }, v1, { capturedAt: now, confirmed: false, now })).toEqual({ kind: 'unchanged', latest });
  });

  it('confirms a first version at once and gives each clause a new provision', async () => {
    const plan = await planOf({ ...empty, latest: null }, v1, { capturedAt: now, confirmed: false, now });
    expect(plan).toMatchObject({ kind: 'new-version', confirmed: true, change: null, revertOfVersionId: null });
    if (plan.kind !== 'new-version') throw new Error('expected a new version');
    expect(plan.lineage.fresh.map((f) => f.afterIndex)).toEqual(splitProvisions(v1).map((p) => p.index));
    expect(plan.lineage.kept).toEqual([]);
  });

  it('analyses a new text once: the change, its lineage (unchanged clauses keep their IDs) and what it may owe', async () => {
    const latest = version(v1, new Date(now.getTime() - DAY));
    const held = splitProvisions(v1).map((p) => ({ position: p.index, provisionId: `P${p.index}`, text: p.text, firstSeenAt: latest.capturedAt }));
    const plan = await planOf({ ...empty, latest, latestProvisions: held }, v2, { capturedAt: now, confirmed: false, now });
    if (plan.kind !== 'new-version' || !plan.change) throw new Error('expected a change');
    expect(plan.confirmed).toBe(false);
    expect(plan.change.analysis.kind).toBe('substantive');
    expect(plan.change.alertEligible).toBe(false); // not confirmed yet
    expect(plan.change.owe).toEqual({ alert: true, sameDayAlert: true });
    const sharing = splitProvisions(v2).findIndex((p) => p.text.startsWith('We do not sell'));
    expect(plan.lineage.kept).toContainEqual({ afterIndex: sharing, provisionId: `P${sharing}`, textChanged: false, clauseTypes: null });
    expect(plan.lineage.kept.length + plan.lineage.fresh.length + plan.lineage.restored.length).toBe(splitProvisions(v2).length);
  });

  it('never makes a revert or a technical upgrade alert-eligible, even confirmed', async () => {
    const latest = version(v1, new Date(now.getTime() - DAY));
    const revert = await planOf({ ...empty, latest, earlierLike: { id: '0' } }, v2, { capturedAt: now, confirmed: true, now });
    const technical = await planOf({ ...empty, latest }, v2, { capturedAt: now, confirmed: true, technical: true, now });
    const ordinary = await planOf({ ...empty, latest }, v2, { capturedAt: now, confirmed: true, now });
    expect([revert, technical, ordinary].map((p) => (p.kind === 'new-version' ? p.change?.alertEligible : undefined))).toEqual([false, false, true]);
    expect(revert).toMatchObject({ revertOfVersionId: '0' });
  });

  it('gives a removed clause that comes back word for word its old ID', async () => {
    const latest = version(v2, new Date(now.getTime() - DAY));
    const courts = splitProvisions(v1).find((p) => p.text.startsWith('You may bring'))!;
    const plan = await planOf({ ...empty, latest, restorable: [{ id: 'P-old', fingerprint: courts.fingerprint, firstSeenAt: new Date(0) }] }, v1, { capturedAt: now, confirmed: true, now });
    if (plan.kind !== 'new-version') throw new Error('expected a new version');
    expect(plan.lineage.restored).toEqual([{ afterIndex: courts.index, provisionId: 'P-old' }]);
  });
});

describe('planCapture, back-dated (provision lineage as in time order)', () => {
  const inline = new TaskPool({ ...DEFAULT_TASK_POOL_OPTIONS, inline: true });
  const at = (hours: number) => new Date(now.getTime() + hours * 3600_000);
  const held = (markdown: string, ids: string[], firstSeen: Date[]) => splitProvisions(markdown).map((p) => ({ position: p.index, provisionId: ids[p.index], text: p.text, firstSeenAt: firstSeen[p.index] }));
  const L = `# Terms\n\nWe do not sell your personal data to third parties.\n\nYou may bring any claim in the courts of your home country.\n`;
  const V = `# Terms\n\nWe do not sell your personal data to third parties.\n\nWe may show you advertising based on the prompts you submit.\n`;
  const N = `# Terms\n\nWe do not sell your personal data to third parties.\n\nWe may show you advertising based on the prompts you submit.\n\nYou may bring any claim in the courts of your home country.\n`;
  const plan = async (nextIds: string[], nextFirstSeen: Date[]) => {
    const basis: PlanBasis = {
      latest: version(L, at(-2), 'L'),
      latestProvisions: held(L, ['P-t', 'P-s', 'P-c'], [at(-2), at(-2), at(-2)]),
      earlierLike: null,
      restorable: [],
      next: { ...version(N, at(2), 'N'), cosmeticFingerprint: 'n' } as Version,
      nextProvisions: held(N, nextIds, nextFirstSeen),
      nextEarlierLike: null,
      newestCapturedAt: at(2),
    };
    const result = await planCapture(basis, await prepareText(extracted(V), inline), { capturedAt: at(0), confirmed: true, now }, inline);
    if (result.kind !== 'new-version' || !result.lineage.backfill) throw new Error('expected a back-dated version');
    return result.lineage;
  };

  it('gives a clause first recorded in the version after it that version\'s ID, and keeps the ID of a clause that version restores', async () => {
    // The advertising clause was first recorded in N (X); the courts clause is L's, gone in V, back in N.
    const lineage = await plan(['P-t', 'P-s', 'X', 'P-c'], [at(-2), at(-2), at(2), at(-2)]);
    const ads = splitProvisions(V).findIndex((p) => p.text.startsWith('We may show'));
    expect(lineage.restored).toContainEqual({ afterIndex: ads, provisionId: 'X' });
    expect(lineage.fresh).toEqual([]);
    expect(lineage.removed).toEqual(['P-c']);
    // Nothing in N changes ID; X is now first seen in V; the courts clause was removed in V and restored by N, as in time order.
    expect(lineage.backfill!.remap).toEqual([]);
    expect(lineage.backfill!.lifecycle).toEqual([{ provisionId: 'X', changeDelta: 0, firstSeenInV: true }]);
  });

  it('replaces an ID of the version after it that continues a provision of V, and one that takes the place of a restored clause', async () => {
    // N's advertising clause continued nothing when N was recorded (Y, first seen before: a restore from further back),
    // and its courts clause had an ID of its own (Z, first seen in N) rather than L's.
    const lineage = await plan(['P-t', 'P-s', 'Y', 'Z'], [at(-2), at(-2), at(-5), at(2)]);
    const ads = splitProvisions(V).findIndex((p) => p.text.startsWith('We may show'));
    expect(lineage.fresh.map((f) => f.afterIndex)).toEqual([ads]);
    // In time order N continues V's new clause and restores L's courts clause.
    expect(lineage.backfill!.remap).toEqual([
      { from: 'Y', to: { freshAt: ads } },
      { from: 'Z', to: { provisionId: 'P-c' } },
    ]);
  });
});

describe('alignmentsOf', () => {
  it('rebuilds every provision pair of the analysis (identical ones included) without aligning again', async () => {
    const before = splitProvisions(v1);
    const after = splitProvisions(v2);
    const alignments = alignmentsOf(analyzeChange(v1, v2), before, after);
    expect(alignments.flatMap((a) => a.after).sort()).toEqual(after.map((p) => p.index).sort());
    expect(alignments.flatMap((a) => a.before).sort()).toEqual(before.map((p) => p.index).sort());
    expect(alignments.filter((a) => a.op === 'identical')).toHaveLength(before.length - 1);
  });
});
