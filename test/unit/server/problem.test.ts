import Fastify from 'fastify';
import { Type } from 'typebox';
import {
  AppError,
  ConflictError,
  NotFoundError,
  UnavailableError,
  ValidationError,
} from '../../../lib/errors';
import { fieldProblems, toProblem } from '../../../server/problem';

describe('toProblem', () => {
  test('an AppError becomes a problem with its status, code and message', () => {
    // when
    const problem = toProblem(
      new NotFoundError('Complaint C-1 not found', 'COMPLAINT_NOT_FOUND'),
      '/complaints/C-1',
    );
    // then
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Complaint C-1 not found',
      instance: '/complaints/C-1',
      code: 'COMPLAINT_NOT_FOUND',
    });
  });

  test.each([
    [new NotFoundError('x'), 404, 'NOT_FOUND'],
    [new ValidationError([{ field: 'body.title', problem: 'is required' }]), 400, 'VALIDATION_FAILED'],
    [new ConflictError('x'), 409, 'CONFLICT'],
    [new UnavailableError('x'), 503, 'UNAVAILABLE'],
    [new AppError('PAYMENT_REQUIRED', 'x', 402), 402, 'PAYMENT_REQUIRED'],
  ])('%p answers %i with code %s', (error, status, code) => {
    // when
    const problem = toProblem(error, '/');
    // then
    expect(problem).toMatchObject({ status, code });
  });

  test('a ValidationError lists every bad field', () => {
    // given
    const error = new ValidationError([
      { field: 'body.title', problem: 'is required' },
      { field: 'body.contact.phone', problem: 'must match pattern' },
    ]);
    // when
    const problem = toProblem(error, '/complaints');
    // then
    expect(problem).toMatchObject({
      status: 400,
      detail: 'Invalid request: 2 fields are invalid',
      errors: [
        { field: 'body.title', problem: 'is required' },
        { field: 'body.contact.phone', problem: 'must match pattern' },
      ],
    });
  });

  test('extensions of an AppError cannot override the standard members', () => {
    // given
    const error = new AppError('X', 'shown', 409, { extensions: { status: 200, detail: 'hidden' } });
    // when
    const problem = toProblem(error, '/');
    // then
    expect(problem).toMatchObject({ status: 409, detail: 'shown' });
  });

  test('a schema validation failure reported by Fastify becomes a 400 listing every field', () => {
    // given
    const error = Object.assign(new Error('body/title must NOT have fewer than 1 characters'), {
      code: 'FST_ERR_VALIDATION',
      statusCode: 400,
      validationContext: 'body',
      validation: [
        {
          instancePath: '/title',
          keyword: 'minLength',
          params: { limit: 1 },
          message: 'must NOT have fewer than 1 characters',
        },
        {
          instancePath: '',
          keyword: 'required',
          params: { missingProperty: 'channel' },
          message: "must have required property 'channel'",
        },
      ],
    });
    // when
    const problem = toProblem(error, '/complaints');
    // then
    expect(problem).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [
        { field: 'body.title', problem: 'must NOT have fewer than 1 characters' },
        { field: 'body.channel', problem: 'is required' },
      ],
    });
  });

  test("Fastify's own client errors keep their status, code and message", () => {
    // given
    const error = Object.assign(new Error('Request body is too large'), {
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    // when
    const problem = toProblem(error, '/complaints');
    // then
    expect(problem).toMatchObject({
      status: 413,
      title: 'Payload Too Large',
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      detail: 'Request body is too large',
    });
  });

  test('any other error is a 500 that says nothing of its cause', () => {
    // given
    const error = Object.assign(
      new Error('relation "complaint" does not exist at postgres://app:secret@db'),
      {
        statusCode: 400,
      },
    );
    // when
    const problem = toProblem(error, '/complaints');
    // then
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred; it has been logged.',
      instance: '/complaints',
      code: 'INTERNAL_ERROR',
    });
  });

  test('a thrown non-error value is a 500 as well', () => {
    // when
    const problem = toProblem('just a string', '/');
    // then
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });
});

describe('fieldProblems', () => {
  test('an unknown property is named with its path', () => {
    // when
    const problems = fieldProblems(
      [{ instancePath: '/contact', keyword: 'additionalProperties', params: { additionalProperty: 'fax' } }],
      'body',
    );
    // then
    expect(problems).toEqual([{ field: 'body.contact.fax', problem: 'is not allowed' }]);
  });
});

describe('fieldProblems on what the validator reports', () => {
  // Fastify's validator, set up as the application's is (app.ts)
  const app = Fastify({
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
  });
  const oneOf = (values: string[]) => Type.Union(values.map((value) => Type.Literal(value)));
  app.setErrorHandler(async (error: { validation?: [] }, _request, reply) =>
    reply.code(400).send(fieldProblems(error.validation ?? [], 'body')),
  );
  app.post(
    '/',
    {
      schema: {
        body: Type.Object(
          {
            channel: Type.Optional(oneOf(['web', 'phone', 'email'])),
            period: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['month', 'quarter'] })),
            severity: Type.Optional(Type.Union([oneOf(['low', 'high']), Type.Null()])),
            phone: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]+$' }), Type.Null()])),
            scopes: Type.Optional(Type.Array(oneOf(['complaints:read', 'complaints:create']))),
            count: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async () => 'valid',
  );
  afterAll(() => app.close());

  test.each([
    [{ channel: 'fax' }, [{ field: 'body.channel', problem: 'must be one of: web, phone or email' }]],
    [{ channel: 7 }, [{ field: 'body.channel', problem: 'must be one of: web, phone or email' }]],
    [{ period: 'year' }, [{ field: 'body.period', problem: 'must be one of: month or quarter' }]],
    [{ severity: 'medium' }, [{ field: 'body.severity', problem: 'must be one of: low, high or null' }]],
    [{ phone: 'abc' }, [{ field: 'body.phone', problem: 'must match pattern "^[0-9]+$"' }]],
    [{ count: 'many' }, [{ field: 'body.count', problem: 'must be integer or null' }]],
    [
      { scopes: ['complaints:read', 'complaints:delete'] },
      [{ field: 'body.scopes.1', problem: 'must be one of: complaints:read or complaints:create' }],
    ],
    [
      { channel: 'fax', phone: 'abc', fax: '1' },
      [
        { field: 'body.fax', problem: 'is not allowed' },
        { field: 'body.channel', problem: 'must be one of: web, phone or email' },
        { field: 'body.phone', problem: 'must match pattern "^[0-9]+$"' },
      ],
    ],
  ])('%j is told once per field, with what would be right', async (body, expected) => {
    // when
    const response = await app.inject({ method: 'POST', url: '/', payload: body });
    // then
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(expect.arrayContaining(expected));
    expect(response.json()).toHaveLength(expected.length);
  });
});
