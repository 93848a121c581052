/**
 * Expected failures are values, not exceptions: a UserError carries the message a person sees
 * (what is wrong) and, when it helps, the usage that would have worked.
 */
export interface UserError {
  readonly kind: 'user-error';
  /** Stable identifier, e.g. `wrong_channel`, `invalid_severity`. */
  readonly identifier: string;
  readonly message: string;
  readonly usage?: string;
}

export function userError(identifier: string, message: string, usage?: string): UserError {
  return usage === undefined
    ? { kind: 'user-error', identifier, message }
    : { kind: 'user-error', identifier, message, usage };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: UserError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: UserError): Result<T> => ({ ok: false, error });

export function isUserError(value: unknown): value is UserError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'user-error';
}

/** A failure of the system (Redis, a platform, a pager), with a code and its cause. */
export class SystemError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SystemError';
    this.code = code;
  }
}

/**
 * A failure that retrying cannot fix (a missing scope, an archived channel). Thrown from a job or
 * a platform call, it fails the job for good: the job queue maps it to BullMQ's UnrecoverableError.
 */
export class PermanentError extends SystemError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('permanent_failure', message, options);
    this.name = 'PermanentError';
  }
}

/** Thrown inside an optimistic append when another writer got there first; callers retry. */
export class ConcurrentWriteError extends SystemError {
  constructor(key: string) {
    super('concurrent_write', `another writer appended to ${key}`);
  }
}
