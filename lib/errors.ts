export interface AppErrorOptions extends ErrorOptions {
  /** Extra members of the problem+json answer (e.g. the list of bad fields). Never internals. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * Errors the application means to show its callers: a stable `code` (SCREAMING_SNAKE), a message
 * safe to show, and the HTTP status it stands for. Anything else that is thrown is an internal
 * error: logged in full, answered as a bare 500.
 */
export class AppError extends Error {
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    options: AppErrorOptions = {},
  ) {
    super(message, options);
    this.name = new.target.name;
    this.extensions = options.extensions ?? {};
  }
}

/** What is asked for does not exist (404). */
export class NotFoundError extends AppError {
  constructor(message: string, code = 'NOT_FOUND') {
    super(code, message, 404);
  }
}

/** One bad field of a request: where it is (`body.contact.phone`) and what is wrong with it. */
export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

/** The request is malformed (400); `problems` lists every bad field, not just the first. */
export class ValidationError extends AppError {
  constructor(
    readonly problems: readonly FieldProblem[],
    message = describe(problems),
    code = 'VALIDATION_FAILED',
  ) {
    super(code, message, 400, { extensions: { errors: problems } });
  }
}

/** The request contradicts the current state, e.g. a complaint already closed (409). */
export class ConflictError extends AppError {
  constructor(message: string, code = 'CONFLICT') {
    super(code, message, 409);
  }
}

/** No credentials, or credentials that are not valid (401). */
export class UnauthenticatedError extends AppError {
  constructor(message: string, code = 'UNAUTHENTICATED') {
    super(code, message, 401);
  }
}

/** Valid credentials that do not allow this (403). */
export class ForbiddenError extends AppError {
  constructor(message: string, code = 'FORBIDDEN') {
    super(code, message, 403);
  }
}

/** The request is well formed but cannot be processed as it stands (422). */
export class UnprocessableError extends AppError {
  constructor(message: string, code = 'UNPROCESSABLE') {
    super(code, message, 422);
  }
}

/** A dependency (database, engine) cannot serve now; the caller may retry later (503). */
export class UnavailableError extends AppError {
  constructor(message: string, code = 'UNAVAILABLE', options?: AppErrorOptions) {
    super(code, message, 503, options);
  }
}

function describe(problems: readonly FieldProblem[]): string {
  if (problems.length === 1) return `Invalid request: ${problems[0].field} ${problems[0].problem}`;
  return `Invalid request: ${problems.length} fields are invalid`;
}

/** The message of anything thrown: an Error's message, else the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
