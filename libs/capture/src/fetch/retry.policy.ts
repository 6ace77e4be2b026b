import { RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS, TRANSIENT_STATUSES } from './fetch.constants';
import type { CheckOutcome } from './fetch.types';

export interface RetryDelayOptions {
  baseMs?: number;
  maxMs?: number;
  /** A number in [0, 1); injectable so tests can pin the jitter. */
  random?: () => number;
}

/**
 * Delay before retry number `attempt` (1 = first retry): doubling from `baseMs`, capped at `maxMs`,
 * with "equal jitter" (half fixed, half random) so crawlers that failed together spread out without
 * ever retrying immediately.
 */
export function retryDelayMs(attempt: number, options: RetryDelayOptions = {}): number {
  const base = options.baseMs ?? RETRY_BASE_DELAY_MS;
  const max = options.maxMs ?? RETRY_MAX_DELAY_MS;
  const random = options.random ?? Math.random;
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1;
  // Capping the exponent first keeps 2 ** n finite for absurd attempt numbers.
  const ceiling = Math.min(max, base * 2 ** Math.min(n - 1, 52));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Whether a failed check is worth retrying with backoff, by default; the classifier may be more specific. */
export function isTransient(outcome: CheckOutcome, status?: number): boolean {
  switch (outcome) {
    case 'timeout':
    case 'network-error':
    case 'truncated':
    case 'empty':
    case 'blocked':
      return true;
    case 'http-error':
      return status !== undefined && TRANSIENT_STATUSES.has(status);
    default:
      return false;
  }
}
