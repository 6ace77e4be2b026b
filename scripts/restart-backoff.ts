/** Restarts within this window count as one crash streak. */
export const CRASH_WINDOW_MS = 10 * 60_000;
export const FIRST_RESTART_DELAY_MS = 1000;
export const MAX_RESTART_DELAY_MS = 60_000;

/**
 * Delay before restarting a child that exited, given the times of its earlier exits: 1 s, doubling per
 * exit in the last ten minutes, capped at a minute. The supervisor never gives up: a crashing child
 * must not take PostgreSQL and the other child down with it.
 */
export function restartDelayMs(exits: readonly number[], now: number): { delayMs: number; recent: number[] } {
  const recent = [...exits.filter((t) => now - t < CRASH_WINDOW_MS), now];
  const delayMs = Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** Math.min(recent.length - 1, 16));
  return { delayMs, recent };
}
