import { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { type EngineLogger } from '../../logger';
import { Rejection } from '../../runtime/rejection';
import { badRequest, fromRejection, httpProblem, Problem, problemBody } from './problem';

interface ValidationIssue {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
}

/** The one error handler: every failure leaves as `application/problem+json`. */
export function installErrorHandlers(app: FastifyInstance, maxMessageSize: number, log: EngineLogger): void {
  app.setErrorHandler((error: FastifyError, request, reply) =>
    sendProblem(reply, request, toProblem(error, request, maxMessageSize, log)),
  );
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      request,
      new Problem(
        404,
        'Not Found',
        `No route ${request.method} ${request.url.split('?')[0]}: the embedded engine does not implement it (see the REST subset in engine/gateway/rest/SPEC.md).`,
      ),
    ),
  );
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify(problemBody(problem, request.url.split('?')[0])));
}

function toProblem(
  error: FastifyError,
  request: FastifyRequest,
  maxMessageSize: number,
  log: EngineLogger,
): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof Rejection) return fromRejection(error);
  if (error.validation) {
    if (error.validationContext === 'body' && request.body === undefined) {
      return badRequest('Required request body is missing');
    }
    return validationProblem(error.validation as unknown as ValidationIssue[]);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return httpProblem(
      413,
      `The request body is larger than the engine's maximum message size (maxMessageSize) of ${maxMessageSize} bytes.`,
    );
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return httpProblem(415, `Content type '${request.headers['content-type'] ?? ''}' is not supported.`);
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return httpProblem(error.statusCode, error.message);
  }
  log.error(
    { err: error, method: request.method, url: request.url },
    'engine: REST request failed unexpectedly',
  );
  return new Problem(
    500,
    'INTERNAL',
    'Unexpected error occurred during the request processing; the engine log has the details.',
  );
}

/** Schema violations read as 8.8's (Jackson) `Request property [filter.state] cannot be parsed`. */
function validationProblem(issues: readonly ValidationIssue[]): Problem {
  const unknown = issues.find((issue) => issue.keyword === 'additionalProperties');
  const issue = unknown ?? deepest(issues);
  const path = propertyPath(
    issue.instancePath,
    unknown ? String(unknown.params.additionalProperty) : undefined,
  );
  return badRequest(
    path === '' ? 'Request body cannot be parsed' : `Request property [${path}] cannot be parsed`,
  );
}

function deepest(issues: readonly ValidationIssue[]): ValidationIssue {
  return [...issues].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
}

/** `/filter/state` + `x` → `filter.state.x`; `/sort/0/field` → `sort[0].field`. */
function propertyPath(pointer: string, property: string | undefined): string {
  const parts = pointer.split('/').slice(1);
  if (property !== undefined) parts.push(property);
  return parts
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}
