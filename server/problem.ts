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
  /** Where in the schema, e.g. `#/properties/channel/anyOf/2/const`. */
  readonly schemaPath?: string;
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

/**
 * One entry per bad field, named from the request part: `body.contact.phone`, `querystring.page`. A
 * value that must be one of a list says the list (`must be one of: web, phone, or null`); a value that
 * failed every branch of a union is told once, by what its own kind of value broke, not once per branch.
 */
export function fieldProblems(issues: readonly SchemaIssue[], context: string): FieldProblem[] {
  const unions = issues.filter((issue) => issue.keyword === 'anyOf');
  const inUnion = (issue: SchemaIssue, union: SchemaIssue) =>
    issue !== union && (issue.schemaPath ?? '').startsWith(`${union.schemaPath ?? ''}/`);
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    if (unions.some((union) => inUnion(issue, union))) continue; // told by its union
    if (issue.keyword === 'anyOf') {
      problems.push(
        ...unionProblems(
          issue,
          issues.filter((branch) => inUnion(branch, issue)),
          context,
        ),
      );
    } else problems.push(fieldProblem(issue, context));
  }
  return problems;
}

function fieldProblem(issue: SchemaIssue, context: string): FieldProblem {
  const at = fieldOf(issue, context);
  if (issue.keyword === 'required')
    return { field: `${at}.${String(issue.params.missingProperty)}`, problem: 'is required' };
  if (issue.keyword === 'additionalProperties') {
    return { field: `${at}.${String(issue.params.additionalProperty)}`, problem: 'is not allowed' };
  }
  if (issue.keyword === 'enum' && Array.isArray(issue.params.allowedValues)) {
    return { field: at, problem: oneOf(issue.params.allowedValues) };
  }
  return { field: at, problem: issue.message ?? `fails ${issue.keyword}` };
}

/** A value that matched no branch of a union (`anyOf`), from what each branch said of it. */
function unionProblems(
  union: SchemaIssue,
  branches: readonly SchemaIssue[],
  context: string,
): FieldProblem[] {
  const field = fieldOf(union, context);
  const nullable = branches.some((issue) => issue.keyword === 'type' && issue.params.type === 'null');
  const allowed = branches.flatMap((issue) =>
    issue.keyword === 'const'
      ? [issue.params.allowedValue]
      : issue.keyword === 'enum' && Array.isArray(issue.params.allowedValues)
        ? issue.params.allowedValues
        : [],
  );
  if (allowed.length > 0) return [{ field, problem: oneOf(nullable ? [...allowed, null] : allowed) }];
  // the value is of a branch's kind but breaks one of its rules (a pattern, a length): those rules
  const broken = branches.filter((issue) => issue.keyword !== 'type');
  if (broken.length > 0) return broken.map((issue) => fieldProblem(issue, context));
  const kinds = [...new Set(branches.map((issue) => String(issue.params.type)))];
  return [
    { field, problem: kinds.length > 0 ? `must be ${kinds.join(' or ')}` : (union.message ?? 'fails anyOf') },
  ];
}

function fieldOf(issue: SchemaIssue, context: string): string {
  return [context, ...issue.instancePath.split('/').filter(Boolean)].join('.');
}

function oneOf(values: readonly unknown[]): string {
  const names = [
    ...new Set(values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))),
  ];
  return names.length === 1
    ? `must be ${names[0]}`
    : `must be one of: ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
