import { Type } from 'typebox';
import { PROBLEM_CONTENT_TYPE } from '../problem';

/** An error answer (RFC 9457, server/problem.ts) as the OpenAPI document shows it. */
export const Problem = Type.Object(
  {
    type: Type.String({ description: 'always about:blank: `code` says what happened' }),
    title: Type.String({ description: 'the HTTP reason phrase' }),
    status: Type.Integer(),
    detail: Type.String({ description: 'what went wrong and what to do about it' }),
    instance: Type.String({ description: 'the request path' }),
    code: Type.String({ description: 'stable, for programs: VALIDATION_FAILED, SCOPE_REQUIRED, …' }),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), problem: Type.String() }), {
        description: 'a 400: every bad field',
      }),
    ),
    requestId: Type.Optional(Type.String({ description: 'a 500: quote it to find the cause in the log' })),
  },
  // extensions of one error (e.g. the limit that was reached) are kept
  { additionalProperties: true },
);

/** The error answers of every route under /api, as a route's `response` entries. */
export const PROBLEM_RESPONSES = {
  '4xx': {
    description: 'The request cannot be served as it is; `code` and `detail` say why',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } },
  },
  '5xx': {
    description: 'The server or a service it needs failed, or is not ready',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } },
  },
} as const;
