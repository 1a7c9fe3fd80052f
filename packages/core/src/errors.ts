/** One bad field of a request: where it is, a stable code, and a message safe to show. */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

abstract class LaporaError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The input broke a rule; `details` names each bad field. Maps to 400. */
export class ValidationError extends LaporaError {
  constructor(
    message: string,
    readonly details: FieldIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The thing asked for does not exist (or is not visible to the caller). Maps to 404. */
export class NotFoundError extends LaporaError {}

/** The request conflicts with stored state: a reused idempotency key, a stale version. Maps to 409. */
export class ConflictError extends LaporaError {}

/** The caller did not prove who they are (a wrong or missing secret). Maps to 401. */
export class UnauthorizedError extends LaporaError {}

/** The caller may not do this. Maps to 403. */
export class ForbiddenError extends LaporaError {}

/** Storage stayed busy through every retry; the client may try again later. Maps to 503. */
export class UnavailableError extends LaporaError {}

/** Too many attempts; `retryAfterSeconds` says when to try again. Maps to 429. */
export class RateLimitedError extends LaporaError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
