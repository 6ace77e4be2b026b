import type { ChangeRecord, Version } from '@clausewatch/db';
import type { CheckOutcome } from '../fetch';

/** A page as received: fetched by us or captured elsewhere and imported. */
export interface Capture {
  body: Buffer;
  contentType: string | null;
  /** The URL asked for. */
  url: string;
  finalUrl: string | null;
  httpStatus: number | null;
  /** `http`, `browser` or `capture`. */
  fetcher: string;
  capturedAt: Date;
  etag?: string | null;
  lastModified?: string | null;
}

/** What a check or a capture answers (DESIGN.md): the outcome and any new version or change record. */
export interface CheckResult {
  outcome: CheckOutcome;
  cause?: string;
  version: Version | null;
  change: ChangeRecord | null;
  /** True when this call created the version (false when the text was already the latest). */
  created: boolean;
}
