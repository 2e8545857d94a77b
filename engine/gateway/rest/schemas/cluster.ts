import { type Static, Type } from 'typebox';
import { closed } from './common';

/** `PUT /v2/clock`: epoch milliseconds. */
export const ClockPinRequest = closed({ timestamp: Type.Optional(Type.Integer()) });
export type ClockPinRequest = Static<typeof ClockPinRequest>;

/** `POST /v2/incidents/{key}/resolution`: the body is optional. */
export const IncidentResolutionRequest = Type.Union([
  closed({ operationReference: Type.Optional(Type.Integer()) }),
  Type.Null(),
]);
