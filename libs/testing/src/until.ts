/**
 * Polls `probe` until it gives a value, for specs that wait on other processes or ticks. A probe that
 * throws (a database restarting, a process not up yet) counts as "not yet"; its last error is named if
 * the wait times out. `failed` ends the wait at once with its message (a process that exited, say).
 */
export async function until<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  what = 'condition',
  failed: () => string | null = () => null,
): Promise<T> {
  const started = Date.now();
  let lastError: unknown = null;
  for (;;) {
    const value = await probe().catch((error: unknown) => {
      lastError = error;
      return null;
    });
    if (value) return value;
    const failure = failed();
    if (failure) throw new Error(`while waiting for ${what}: ${failure}`);
    if (Date.now() - started > timeoutMs) {
      const last = lastError instanceof Error ? ` (the probe last failed: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
