import type { ChangeAnalysis } from '@clausewatch/analyzer';
import type { ProvisionLineageWrite, RestorableProvision } from '@clausewatch/db';
import type { ExtractionRules, ExtractResult } from '@clausewatch/extract';
import type { PackedHeldProvisions, PackedProvisions } from './packed-provisions';

/** A capture and the rules of each of its document's sources: plain data, so it crosses into a worker thread. */
export interface ExtractTask {
  kind: 'extract';
  body: Uint8Array;
  contentType: string | null;
  url: string;
  finalUrl: string | null;
  sources: Array<{ url: string; rules: ExtractionRules }>;
  /** Longest extracted text allowed (MAX_TEXT_CHARS): a longer one fails as `too-large`. */
  maxTextChars: number;
}

export interface AnalyzeTask {
  kind: 'analyze';
  before: string;
  after: string;
  /** Clause texts (before, after) longer than this are cut in the change record; the versions keep them whole. */
  maxClauseChars: number;
}

/** A new text split once: what the reads before planning need (earlier look-alikes, restorable provisions). */
export interface PrepareTask {
  kind: 'prepare';
  markdown: string;
}

export interface PreparedFingerprints {
  cosmeticFingerprint: string;
  /** The distinct fingerprints of the text's provisions. */
  provisionFingerprints: string[];
  /**
   * The text's provisions: the one split of it, passed on to the plan (issue 9). Packed: the main thread
   * only holds them for the plan tasks (issue 13).
   */
  provisions: PackedProvisions;
}

/**
 * The heavy part of a capture's plan: the change from the version it follows (`before`, null for a
 * first version) to the new text and the provision lineage that one alignment implies.
 */
export interface PlanTextTask {
  kind: 'plan-text';
  before: string | null;
  after: string;
  /** `after` split (see PreparedFingerprints.provisions). */
  afterProvisions: PackedProvisions;
  /** The provisions the version before holds, packed (as `afterProvisions`). */
  held: PackedHeldProvisions;
  /** Removed provisions of the document whose fingerprint a clause of the new text has. */
  restorable: RestorableProvision[];
  maxClauseChars: number;
  /** Also describe the version before's provisions (a back-dated capture may end some of them there). */
  describeBefore?: boolean;
}

export interface TextPlan {
  analysis: ChangeAnalysis | null;
  /**
   * The lineage without the new version's provisions (`after`): the main thread has them already,
   * packed (PreparedFingerprints.provisions), and reads them from there.
   */
  lineage: Omit<ProvisionLineageWrite, 'after'>;
  /** The version before's provisions by index, when asked (`describeBefore`). */
  before?: Array<{ headingPath: string[]; fingerprint: string }>;
}

/** A back-dated capture (`before`) and the version captured after it (`after`): the recomputed change and how `after`'s clauses continue `before`'s. */
export interface PlanCorrectionTask {
  kind: 'plan-correction';
  before: string;
  /** `before` split (the back-dated capture's provisions). */
  beforeProvisions: PackedProvisions;
  after: string;
  maxClauseChars: number;
}

export interface CorrectionPlan {
  analysis: ChangeAnalysis;
  /** Clauses of `after` that continue a clause of `before` (by index). */
  continues: Array<{ afterIndex: number; beforeIndex: number }>;
  /** Clauses of `after` seen for the first time, with their fingerprints. */
  added: Array<{ afterIndex: number; fingerprint: string }>;
}

export type WorkerTask = ExtractTask | AnalyzeTask | PrepareTask | PlanTextTask | PlanCorrectionTask;

export interface TaskValue {
  extract: ExtractResult & { cosmeticFingerprint: string };
  analyze: ChangeAnalysis;
  prepare: PreparedFingerprints;
  'plan-text': TextPlan;
  'plan-correction': CorrectionPlan;
}

/** Errors do not keep their class across threads, so they travel as data and are rebuilt on the other side. */
export type TaskOutcome<T> = { ok: true; value: T } | { ok: false; error: { name: string; code?: string; message: string } };
