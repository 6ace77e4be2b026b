import type { ChangeAnalysis } from '@clausewatch/analyzer';
import type { HeldProvision, ProvisionLineageWrite } from '@clausewatch/db';
import type { ExtractionRules, ExtractResult } from '@clausewatch/extract';

/** A capture and the rules of each of its document's sources: plain data, so it crosses into a worker thread. */
export interface ExtractTask {
  kind: 'extract';
  body: Uint8Array;
  contentType: string | null;
  url: string;
  finalUrl: string | null;
  sources: Array<{ url: string; rules: ExtractionRules }>;
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
}

/**
 * The heavy part of a capture's plan: the change from the version it follows (`before`, null for a
 * first version) to the new text and the provision lineage that one alignment implies.
 */
export interface PlanTextTask {
  kind: 'plan-text';
  before: string | null;
  after: string;
  /** The provisions the version before holds. */
  held: HeldProvision[];
  /** Removed provisions of the document whose fingerprint a clause of the new text has. */
  restorable: Array<{ id: string; fingerprint: string }>;
  maxClauseChars: number;
}

export interface TextPlan {
  analysis: ChangeAnalysis | null;
  lineage: ProvisionLineageWrite;
}

export type WorkerTask = ExtractTask | AnalyzeTask | PrepareTask | PlanTextTask;

export interface TaskValue {
  extract: ExtractResult & { cosmeticFingerprint: string };
  analyze: ChangeAnalysis;
  prepare: PreparedFingerprints;
  'plan-text': TextPlan;
}

/** Errors do not keep their class across threads, so they travel as data and are rebuilt on the other side. */
export type TaskOutcome<T> = { ok: true; value: T } | { ok: false; error: { name: string; code?: string; message: string } };
