export type TaskLimitCode = 'too-complex' | 'too-large';

/**
 * A page or change over the pool's limits: permanent, never retried as transient. In its own file so
 * the worker side (which must not load the pool) can throw it too.
 */
export class TaskLimitError extends Error {
  constructor(
    readonly code: TaskLimitCode,
    message: string,
  ) {
    super(message);
    this.name = 'TaskLimitError';
  }
}
