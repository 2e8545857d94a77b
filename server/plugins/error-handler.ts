import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem, toProblem } from '../problem';

/**
 * The one error handler: every error answer is `application/problem+json` (see problem.ts). Set on
 * the root instance, so every route and plugin registered after it inherits it. A 500 is logged with
 * its cause; the caller only gets the request id to quote.
 */
export function useProblemErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const body = toProblem(error, pathOf(request.url));
    if (body.status >= 500 && body.code === 'INTERNAL_ERROR') {
      request.log.error({ err: error }, 'request failed');
      return reply
        .code(500)
        .type(PROBLEM_CONTENT_TYPE)
        .send({ ...body, requestId: request.id });
    }
    if (body.status >= 500) request.log.warn({ code: body.code, detail: body.detail }, 'request not served');
    else request.log.info({ code: body.code, status: body.status }, 'request rejected');
    return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = pathOf(request.url);
    const detail = `No route ${request.method} ${path}`;
    return reply
      .code(404)
      .type(PROBLEM_CONTENT_TYPE)
      .send(problem(404, 'ROUTE_NOT_FOUND', detail, path));
  });
}

/** The path only: a query string may carry personal data (a phone number searched for). */
function pathOf(url: string): string {
  return url.split('?')[0];
}
