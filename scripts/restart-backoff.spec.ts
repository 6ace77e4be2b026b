import { MAX_RESTART_DELAY_MS, restartDelayMs } from './restart-backoff';

describe('restartDelayMs', () => {
  it('doubles from 1 s per exit in the last ten minutes and caps at a minute, never giving up', () => {
    let exits: number[] = [];
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const { delayMs, recent } = restartDelayMs(exits, 1_000_000 + i * 1000);
      delays.push(delayMs);
      exits = recent;
    }
    expect(delays.slice(0, 7)).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000]);
    expect(delays.every((d) => d <= MAX_RESTART_DELAY_MS)).toBe(true);
  });

  it('starts again from 1 s once the child has stayed up for ten minutes', () => {
    const { delayMs } = restartDelayMs([0, 1000, 2000], 2000 + 10 * 60_000 + 1);
    expect(delayMs).toBe(1000);
  });
});
