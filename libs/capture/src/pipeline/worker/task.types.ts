import type { ChangeAnalysis } from '@clausewatch/analyzer';
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

export type WorkerTask = ExtractTask | AnalyzeTask;

export interface TaskValue {
  extract: ExtractResult & { cosmeticFingerprint: string };
  analyze: ChangeAnalysis;
}

/** Errors do not keep their class across threads, so they travel as data and are rebuilt on the other side. */
export type TaskOutcome<T> = { ok: true; value: T } | { ok: false; error: { name: string; code?: string; message: string } };
