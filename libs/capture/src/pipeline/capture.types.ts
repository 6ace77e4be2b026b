import type { ChangeRecord, CheckTrigger, Version } from '@clausewatch/db';
import type { CheckOutcome } from '../fetch';

/** One page of a capture: a combined document has one per source, in reading order. */
export interface CapturePart {
  body: Buffer;
  contentType: string | null;
  /** The page's URL (its final URL after redirects when fetched). */
  url: string;
}

/** A document as received: fetched by us or captured elsewhere and imported. */
export interface Capture {
  parts: CapturePart[];
  /** The URL asked for (the first page's). */
  url: string;
  finalUrl: string | null;
  httpStatus: number | null;
  /** `http`, `browser` or `capture`. */
  fetcher: string;
  capturedAt: Date;
  etag?: string | null;
  lastModified?: string | null;
}

/** How a capture came in, for its check row and its version. */
export interface CaptureContext {
  trigger: CheckTrigger;
  /** The text is confirmed already (an imported capture); a fetched new text waits for a second fetch. */
  confirmed: boolean;
  startedAt: Date;
  durationMs: number;
  attempt?: number;
}

/**
 * How a check or a capture ended: a fetch outcome, or an extraction that could not run as asked
 * (`invalid-rules`: the document's selectors or filters are wrong; `unsupported-content`: not HTML,
 * text or PDF), kept apart from `empty` so an admin sees what to fix.
 */
export type CaptureOutcome = CheckOutcome | 'invalid-rules' | 'unsupported-content';

/** What a check or a capture answers (DESIGN.md): the outcome and any new version or change record. */
export interface CheckResult {
  outcome: CaptureOutcome;
  cause?: string;
  version: Version | null;
  change: ChangeRecord | null;
  /** True when this call created the version (false when the text was already the latest). */
  created: boolean;
}
