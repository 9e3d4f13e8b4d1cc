/**
 * Typed errors with stable codes, caught once at the top of `main`.
 */

/** Codes of errors that stop a run (exit 2). */
export type ErrorCode =
  | 'USAGE'
  | 'CONFIG'
  | 'NO_FILES'
  | 'KB_MISSING'
  | 'WRITE'
  | 'INTERNAL';

/** An error that stops the run with a sentence for the user. */
export class JournalKbError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'JournalKbError';
    this.code = code;
  }
}

/** Whether `value` is a `JournalKbError`. */
export function isJournalKbError(value: unknown): value is JournalKbError {
  return value instanceof JournalKbError;
}
