import type { SingleBar } from 'cli-progress';

export interface Progress {
  /** One more item done. */
  tick(): void;
  /** Ends the bar (or the plain lines) with a last line. */
  stop(summary: string): void;
}

/**
 * Progress of a long command on stderr (stdout carries the results): a bar on a terminal, plain
 * lines otherwise (about every tenth of the way, so a log stays short).
 */
export function startProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  let done = 0;
  if (stream.isTTY) {
    // Loaded here only: the commands that never show progress never load it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SingleBar: Bar, Presets } = require('cli-progress') as typeof import('cli-progress');
    const bar: SingleBar = new Bar({ stream, format: `${label} [{bar}] {value}/{total} {percentage}% | {duration_formatted}`, hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
    bar.start(total, 0);
    return {
      tick: () => bar.increment(),
      stop: (summary) => {
        bar.stop();
        stream.write(`${summary}\n`);
      },
    };
  }
  const step = Math.max(1, Math.ceil(total / 10));
  return {
    tick: () => {
      done++;
      if (done % step === 0 && done < total) stream.write(`${label}: ${done}/${total}\n`);
    },
    stop: (summary) => stream.write(`${summary}\n`),
  };
}
