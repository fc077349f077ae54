/**
 * The hub's one error hierarchy. An exception filter maps each to the API's status and
 * body (api.md "Errors"); deciders throw these and nothing else.
 */
export abstract class HubError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A domain rule refused the command (409 with a stable, machine-readable code). */
export class DomainError extends HubError {
  readonly status = 409;
}

/** Another writer appended to the stream first (409 `concurrency_conflict` after retries). */
export class ConcurrencyError extends HubError {
  readonly status = 409;
  constructor(message: string, details?: Record<string, unknown>) {
    super('concurrency_conflict', message, details);
  }
}

/**
 * Whether the error refuses the command for good: a 4xx `HubError` (a rule, a missing record,
 * bad input) that the same command meets again next time. A concurrency conflict is a 409 but
 * not a refusal: the command may well pass on the state a retry reads. Duck-typed as well, so an
 * error thrown by another copy of this module (dist beside src) is still recognized.
 */
export function isRefusal(error: unknown): error is HubError {
  if (!(error instanceof Error)) return false;
  const { status, code } = error as { status?: unknown; code?: unknown };
  return (
    typeof status === 'number' &&
    typeof code === 'string' &&
    status >= 400 &&
    status < 500 &&
    code !== 'concurrency_conflict' &&
    !(error instanceof ConcurrencyError)
  );
}

/** What does not exist, or what the caller may not know exists (404). */
export class NotFoundError extends HubError {
  readonly status = 404;
  constructor(message: string, details?: Record<string, unknown>, code = 'not_found') {
    super(code, message, details);
  }
}

/** The caller lacks the role for this (403). */
export class ForbiddenError extends HubError {
  readonly status = 403;
  constructor(message: string, code = 'forbidden', details?: Record<string, unknown>) {
    super(code, message, details);
  }
}

/** Input that is malformed: `details` maps each field to its reasons (400). */
export class ValidationError extends HubError {
  readonly status = 400;
  constructor(message: string, fields: Record<string, string[]>) {
    super('validation_failed', message, fields);
  }
}

/** Shorthand for a decider's refusal. */
export function refuse(code: string, message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}

/** Too many of one kind of request in a window (429); `code` says which limit. */
export class RateLimitedError extends HubError {
  readonly status = 429;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}

/** No valid bearer token (401). */
export class AuthenticationError extends HubError {
  readonly status = 401;
  constructor(message: string) {
    super('unauthorized', message);
  }
}

/**
 * The process is shutting down and a store the request needs has closed (503 `shutting_down`):
 * a request still running when its client went away and the server closed. Another process,
 * or this one restarted, answers it.
 */
export class ShuttingDownError extends HubError {
  readonly status = 503;
  constructor(store: string) {
    super('shutting_down', `${store} is closed: the process is shutting down`);
  }
}
