import { runAnalysis } from './analysis.task';
import { runExtraction } from './extraction.task';
import type { TaskOutcome, WorkerTask } from './task.types';

/** Entry of the pool's worker threads (piscina calls the default export once per task). */
export default async function runTask(task: WorkerTask): Promise<TaskOutcome<unknown>> {
  try {
    const value = task.kind === 'extract' ? await runExtraction(task) : runAnalysis(task);
    return { ok: true, value };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    const code = (error as { code?: unknown }).code;
    return { ok: false, error: { name: error.name, message: error.message, code: typeof code === 'string' ? code : undefined } };
  }
}
