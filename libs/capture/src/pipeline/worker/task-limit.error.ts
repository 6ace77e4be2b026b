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

/** A text over MAX_TEXT_CHARS: the same cause wherever it is found (one page's extraction, or a combined document's pages joined). */
export function textTooLarge(length: number, maxTextChars: number): TaskLimitError {
  return new TaskLimitError('too-large', `too-large: the extracted text has ${length} characters, more than MAX_TEXT_CHARS (${maxTextChars})`);
}
