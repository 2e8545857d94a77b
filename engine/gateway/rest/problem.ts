import { STATUS_CODES } from 'node:http';
import { type Rejection, type RejectionCode } from '../../runtime/rejection';

/**
 * An RFC 9457 problem detail, as Camunda 8.8 answers every error: `title` is the rejection type
 * (or Spring's reason phrase for malformed requests), `detail` the message, `status` the HTTP
 * status (the SDK copies it into `error.statusCode`).
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'Problem';
  }
}

/** Malformed request: unknown property, wrong type, unparsable value (Spring's `Bad Request`). */
export const badRequest = (detail: string) => new Problem(400, 'Bad Request', detail);

/** A request that parsed but breaks a rule of the API (8.8 `RequestValidator`). */
export const invalidArgument = (detail: string) => new Problem(400, 'INVALID_ARGUMENT', detail);

/** Query-side lookups: `User Task with key '1' not found`. */
export const notFound = (entity: string, key: number | string) =>
  new Problem(404, 'NOT_FOUND', `${entity} with key '${key}' not found`);

export const unimplemented = (detail: string) => new Problem(501, 'UNIMPLEMENTED', detail);

/** Rejection codes → HTTP, as 8.8's `RestErrorMapper`. */
const STATUS: Readonly<Record<RejectionCode, number>> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  ALREADY_EXISTS: 409,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNIMPLEMENTED: 501,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

export function fromRejection(rejection: Rejection): Problem {
  return new Problem(STATUS[rejection.code], rejection.code, rejection.message);
}

/** A problem with the standard reason phrase as title (413, 415, …). */
export const httpProblem = (status: number, detail: string) =>
  new Problem(status, STATUS_CODES[status] ?? 'Error', detail);

export function problemBody(problem: Problem, instance: string) {
  return {
    type: 'about:blank',
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance,
  };
}
