import { type Static, Type } from 'typebox';
import { closed, Variables } from './common';

const OptionalVariables = Type.Optional(Type.Union([Variables, Type.Null()]));

/** 8.8 `JobActivationRequest`: note the singular `fetchVariable`. */
export const JobActivationRequest = closed({
  type: Type.Optional(Type.String()),
  worker: Type.Optional(Type.String()),
  timeout: Type.Optional(Type.Integer()),
  maxJobsToActivate: Type.Optional(Type.Integer()),
  fetchVariable: Type.Optional(Type.Array(Type.String())),
  requestTimeout: Type.Optional(Type.Integer()),
  tenantIds: Type.Optional(Type.Array(Type.String())),
});
export type JobActivationRequest = Static<typeof JobActivationRequest>;

export const JobCompletionRequest = Type.Union([
  closed({
    variables: OptionalVariables,
    result: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
  }),
  Type.Null(),
]);
export type JobCompletionRequest = Static<typeof JobCompletionRequest>;

export const JobFailRequest = Type.Union([
  closed({
    retries: Type.Optional(Type.Integer()),
    errorMessage: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    retryBackOff: Type.Optional(Type.Integer()),
    variables: OptionalVariables,
  }),
  Type.Null(),
]);
export type JobFailRequest = Static<typeof JobFailRequest>;

export const JobErrorRequest = closed({
  errorCode: Type.Optional(Type.String()),
  errorMessage: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  variables: OptionalVariables,
});
export type JobErrorRequest = Static<typeof JobErrorRequest>;

export const JobUpdateRequest = closed({
  changeset: Type.Optional(
    closed({
      retries: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
      timeout: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    }),
  ),
  operationReference: Type.Optional(Type.Integer()),
});
export type JobUpdateRequest = Static<typeof JobUpdateRequest>;
