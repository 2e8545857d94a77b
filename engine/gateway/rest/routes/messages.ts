import { type FastifyPluginAsync } from 'fastify';
import { DEFAULT_TENANT } from '../../../runtime/state/entities';
import { invalidArgument } from '../problem';
import { type RestContext } from '../rest-context';
import { checkTenant, isBlank, variablesOf } from '../request-values';
import {
  MessageCorrelationRequest,
  MessagePublicationRequest,
  SignalBroadcastRequest,
} from '../schemas/messages';

/** `/v2/messages` (publish with buffering, or correlate now) and `/v2/signals/broadcast`. */
export const messageRoutes =
  ({ api }: RestContext): FastifyPluginAsync =>
  async (app) => {
    app.post('/messages/publication', { schema: { body: MessagePublicationRequest } }, async (request) => {
      const body = request.body as MessagePublicationRequest;
      if (isBlank(body.name)) throw invalidArgument('No name provided.');
      if (body.timeToLive !== undefined && body.timeToLive < 0) {
        throw invalidArgument(`The value for timeToLive is '${body.timeToLive}' but must be not negative.`);
      }
      checkTenant(body.tenantId, 'Publish Message');
      const correlation = await api.publishMessage({
        name: body.name!,
        correlationKey: body.correlationKey ?? '',
        timeToLive: body.timeToLive ?? 0,
        ...(body.messageId ? { messageId: body.messageId } : {}),
        variables: variablesOf(body.variables),
      });
      return { messageKey: String(correlation.messageKey), tenantId: DEFAULT_TENANT };
    });

    app.post('/messages/correlation', { schema: { body: MessageCorrelationRequest } }, async (request) => {
      const body = request.body as MessageCorrelationRequest;
      if (isBlank(body.name)) throw invalidArgument('No name provided.');
      checkTenant(body.tenantId, 'Correlate Message');
      const correlation = await api.correlateMessage({
        name: body.name!,
        correlationKey: body.correlationKey ?? '',
        variables: variablesOf(body.variables),
      });
      return {
        messageKey: String(correlation.messageKey),
        tenantId: DEFAULT_TENANT,
        processInstanceKey: String(correlation.processInstanceKeys[0]),
      };
    });

    app.post('/signals/broadcast', { schema: { body: SignalBroadcastRequest } }, async (request) => {
      const body = request.body as SignalBroadcastRequest;
      if (isBlank(body.signalName)) throw invalidArgument('No signalName provided.');
      checkTenant(body.tenantId, 'Broadcast Signal');
      const key = await api.broadcastSignal(body.signalName!, variablesOf(body.variables));
      return { signalKey: String(key), tenantId: DEFAULT_TENANT };
    });
  };
