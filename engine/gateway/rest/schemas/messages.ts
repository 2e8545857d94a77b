import { type Static, Type } from 'typebox';
import { closed, TenantId, Variables } from './common';

const OptionalVariables = Type.Optional(Type.Union([Variables, Type.Null()]));

export const MessagePublicationRequest = closed({
  name: Type.Optional(Type.String()),
  correlationKey: Type.Optional(Type.String()),
  timeToLive: Type.Optional(Type.Integer()),
  messageId: Type.Optional(Type.String()),
  variables: OptionalVariables,
  tenantId: Type.Optional(TenantId),
});
export type MessagePublicationRequest = Static<typeof MessagePublicationRequest>;

/** Correlation is immediate: no `timeToLive`, no `messageId`. */
export const MessageCorrelationRequest = closed({
  name: Type.Optional(Type.String()),
  correlationKey: Type.Optional(Type.String()),
  variables: OptionalVariables,
  tenantId: Type.Optional(TenantId),
});
export type MessageCorrelationRequest = Static<typeof MessageCorrelationRequest>;

export const SignalBroadcastRequest = closed({
  signalName: Type.Optional(Type.String()),
  variables: OptionalVariables,
  tenantId: Type.Optional(TenantId),
});
export type SignalBroadcastRequest = Static<typeof SignalBroadcastRequest>;
