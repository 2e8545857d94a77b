import { STATUS_CODES } from 'node:http';
import { AppError, type FieldProblem, ValidationError } from '../lib/errors';

/** An RFC 9457 problem detail, the body of every error answer (`application/problem+json`). */
export interface Problem {
  readonly type: 'about:blank';
  /** The HTTP reason phrase of `status`. */
  readonly title: string;
  readonly status: number;
  /** What went wrong, for a human; never internals. */
  readonly detail: string;
  /** The request path. */
  readonly instance: string;
  /** Stable, for programs: `NOT_FOUND`, `VALIDATION_FAILED`, `NOT_READY`, ... */
  readonly code: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** What ajv reports per failed keyword, as Fastify passes it on in `error.validation`. */
interface SchemaIssue {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

/** The parts of a Fastify error we read: its request validation, its code and status. */
interface FrameworkError {
  readonly code?: string;
  readonly statusCode?: number;
  readonly message?: string;
  readonly validation?: readonly SchemaIssue[];
  readonly validationContext?: string;
}

/**
 * The problem a thrown value stands for: an AppError as it says; a request that failed its schema as
 * 400 listing every bad field; Fastify's own client errors (bad JSON, body too large) as they are;
 * anything else as a 500 that says nothing of its cause (the handler logs it).
 */
export function toProblem(error: unknown, instance: string): Problem {
  if (error instanceof AppError) {
    const standard = problem(error.status, error.code, error.message, instance);
    // standard members first and never overridden by an extension of the same name
    return { ...standard, ...error.extensions, ...standard };
  }
  const framework = (error ?? {}) as FrameworkError;
  if (Array.isArray(framework.validation)) {
    const problems = fieldProblems(framework.validation, framework.validationContext ?? 'request');
    return toProblem(new ValidationError(problems), instance);
  }
  const status = framework.statusCode ?? 500;
  if (framework.code?.startsWith('FST_') && status >= 400 && status < 500) {
    return problem(
      status,
      framework.code,
      framework.message ?? STATUS_CODES[status] ?? 'Bad request',
      instance,
    );
  }
  return problem(500, 'INTERNAL_ERROR', 'An unexpected error occurred; it has been logged.', instance);
}

export function problem(status: number, code: string, detail: string, instance: string): Problem {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, instance, code };
}

/** One entry per bad field, named from the request part: `body.contact.phone`, `querystring.page`. */
export function fieldProblems(issues: readonly SchemaIssue[], context: string): FieldProblem[] {
  return issues.map((issue) => {
    const at = [context, ...issue.instancePath.split('/').filter(Boolean)];
    if (issue.keyword === 'required')
      return { field: [...at, issue.params.missingProperty].join('.'), problem: 'is required' };
    if (issue.keyword === 'additionalProperties') {
      return { field: [...at, issue.params.additionalProperty].join('.'), problem: 'is not allowed' };
    }
    return { field: at.join('.'), problem: issue.message ?? `fails ${issue.keyword}` };
  });
}
