import { fingerprintsOf, planCorrectionText, planText } from '../capture.planner';
import { runAnalysis } from './analysis.task';
import { runExtraction } from './extraction.task';
import type { TaskOutcome, WorkerTask } from './task.types';

async function valueOf(task: WorkerTask): Promise<unknown> {
  switch (task.kind) {
    case 'extract':
      return runExtraction(task);
    case 'analyze':
      return runAnalysis(task);
    case 'prepare':
      return fingerprintsOf(task.markdown);
    case 'plan-text':
      return planText(task);
    case 'plan-correction':
      return planCorrectionText(task);
  }
}

/** Entry of the pool's worker threads (piscina calls the default export once per task). */
export default async function runTask(task: WorkerTask): Promise<TaskOutcome<unknown>> {
  try {
    const value = await valueOf(task);
    return { ok: true, value };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    const code = (error as { code?: unknown }).code;
    return { ok: false, error: { name: error.name, message: error.message, code: typeof code === 'string' ? code : undefined } };
  }
}
