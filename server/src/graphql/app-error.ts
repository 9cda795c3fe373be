/**
 * Stable error codes, sent to clients as `extensions.code`. Features raise `AppError`s (or a subclass
 * of their own); `formatError` maps them at one boundary.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  // Features add their own, more specific codes.
  | (string & {});

export type AppErrorDetails = {
  /** The input field (dotted path) or question key the error is about. */
  field?: string;
  /** Anything else a client may use, e.g. `retryAfterSeconds`. */
  [key: string]: unknown;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorDetails;

  constructor(code: ErrorCode, message: string, details: AppErrorDetails = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, field?: string, details: AppErrorDetails = {}) {
    super('BAD_USER_INPUT', message, field ? { ...details, field } : details);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, details: AppErrorDetails = {}) {
    super('NOT_FOUND', `${what} not found`, details);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You may not do this', details: AppErrorDetails = {}) {
    super('FORBIDDEN', message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in first') {
    super('UNAUTHENTICATED', message);
  }
}
