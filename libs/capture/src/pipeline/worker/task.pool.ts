import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import runTask from './analysis.worker';
import type { TaskOutcome, TaskValue, WorkerTask } from './task.types';

export interface TaskPoolOptions {
  /** A task still running after this is stopped (its thread terminated) and fails as `too-complex`. */
  deadlineMs: number;
  /** Heap of each worker thread; a task that needs more fails as `too-large`. */
  maxMemoryMb: number;
  threads: number;
  /** Run tasks on the calling thread without limits (unit tests, one-shot CLI commands). */
  inline?: boolean;
}

export const DEFAULT_TASK_POOL_OPTIONS: TaskPoolOptions = {
  deadlineMs: 20_000,
  maxMemoryMb: 256,
  threads: Math.max(1, Math.min(2, availableParallelism() - 1)),
};

export type TaskLimitCode = 'too-complex' | 'too-large';

/** A page or change over the pool's limits: permanent, never retried as transient. */
export class TaskLimitError extends Error {
  constructor(
    readonly code: TaskLimitCode,
    message: string,
  ) {
    super(message);
    this.name = 'TaskLimitError';
  }
}

/** An error thrown inside a task, rebuilt with its name and code (ExtractionError keeps its code). */
export class TaskError extends Error {
  constructor(
    name: string,
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = name;
  }
}

/** Compiled, the worker entry sits beside this file; from TypeScript sources a bootstrap compiles it. */
function workerFile(): string {
  const compiled = join(__dirname, 'analysis.worker.js');
  return existsSync(compiled) && __filename.endsWith('.js') ? compiled : join(__dirname, 'source-worker.bootstrap.js');
}

/**
 * Extraction and analysis off the event loop, in worker threads (piscina) with a deadline and a
 * memory cap per task, so that no page can freeze the API or the crawler.
 */
export class TaskPool {
  private readonly piscina?: Piscina;

  constructor(readonly options: TaskPoolOptions = DEFAULT_TASK_POOL_OPTIONS) {
    if (options.inline) return;
    this.piscina = new Piscina({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: options.threads,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb, maxYoungGenerationSizeMb: Math.max(16, Math.round(options.maxMemoryMb / 8)) },
    });
    // A thread that dies over its memory cap also fails its task, which is where the error is reported.
    this.piscina.on('error', () => undefined);
  }

  async run<K extends WorkerTask['kind']>(task: Extract<WorkerTask, { kind: K }>): Promise<TaskValue[K]> {
    const outcome = (this.piscina ? await this.inWorker(task) : await runTask(task)) as TaskOutcome<TaskValue[K]>;
    if (outcome.ok) return outcome.value;
    throw new TaskError(outcome.error.name, outcome.error.message, outcome.error.code);
  }

  private async inWorker(task: WorkerTask): Promise<unknown> {
    const signal = AbortSignal.timeout(this.options.deadlineMs);
    try {
      return await this.piscina!.run(task, { signal });
    } catch (err) {
      const { name, code, message } = (err ?? {}) as { name?: string; code?: string; message?: string };
      if (signal.aborted || name === 'AbortError') {
        throw new TaskLimitError('too-complex', `too-complex: ${task.kind === 'extract' ? 'extraction' : 'analysis'} did not finish within ${this.options.deadlineMs} ms`);
      }
      if (code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(message ?? '')) {
        throw new TaskLimitError('too-large', `too-large: ${task.kind === 'extract' ? 'extraction' : 'analysis'} needed more than ${this.options.maxMemoryMb} MB`);
      }
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.piscina?.destroy();
  }
}

let shared: TaskPool | undefined;

/** Sets the process's pool (at boot, from config); the previous one is closed. */
export async function configureTaskPool(options: Partial<TaskPoolOptions>): Promise<TaskPool> {
  const previous = shared;
  shared = new TaskPool({ ...DEFAULT_TASK_POOL_OPTIONS, ...options });
  await previous?.close();
  return shared;
}

/** The process's pool, created with the defaults on first use. */
export function taskPool(): TaskPool {
  shared ??= new TaskPool();
  return shared;
}

export async function closeTaskPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
