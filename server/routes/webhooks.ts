import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import {
  ALL_EVENTS,
  type WebhookEventFilter,
  type WebhookSubscription,
  WebhookSubscriptionsRepository,
} from '../../db/repositories/webhook-subscriptions.repository';
import { COMPLAINT_STATES } from '../../domain/vocabulary';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors';
import type { ApiDeps } from '../app';
import { principalOf, requireRole } from '../plugins/authentication';
import { DateTime } from '../schemas/kinds';

export interface WebhookRoutesOptions {
  readonly deps: ApiDeps;
}

/** Live subscriptions one integrator may hold at once. */
export const MAX_SUBSCRIPTIONS_PER_CLIENT = 20;

const TAGS = ['webhooks'];
const EVENTS: WebhookEventFilter[] = [...COMPLAINT_STATES, ALL_EVENTS];

export const CreateWebhookBody = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: 2000,
      pattern: '^https?://',
      description: 'Where the signed POSTs go: an http:// or https:// URL without credentials',
    }),
    events: Type.Array(Type.Enum(EVENTS), {
      minItems: 1,
      uniqueItems: true,
      description: `Complaint states to hear of (${COMPLAINT_STATES.join(', ')}), or ["*"] for all`,
    }),
  },
  { additionalProperties: false },
);
export type CreateWebhookBody = Static<typeof CreateWebhookBody>;

const WebhookParams = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'The subscription id' }) },
  { additionalProperties: false },
);

export const WebhookView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  clientId: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  createdAt: DateTime,
});
const WebhookList = Type.Object({ items: Type.Array(WebhookView) });

/**
 * Integrators' webhook subscriptions: a URL that receives a signed `complaint.state_changed` POST
 * whenever a complaint the integrator created enters one of the chosen states (delivered through the
 * notification outbox, notifications/README.md). An integrator sees and deletes its own only (another
 * client's is 404); administrators may list and delete every client's, but only an integrator — an
 * API key with a client id — subscribes.
 */
export async function webhookRoutes(app: FastifyInstance, { deps }: WebhookRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // before the body is validated: a caller without the role learns nothing of it
  api.addHook('preValidation', requireRole('integrator'));

  api.post(
    '/webhooks',
    {
      schema: {
        tags: TAGS,
        summary: 'Register a callback URL for state changes',
        body: CreateWebhookBody,
        response: { 201: WebhookView },
      },
    },
    async (request, reply) => {
      const clientId = principalOf(request).clientId;
      if (clientId === null) {
        throw new ForbiddenError(
          'Only an integrator (an API key with a client id) subscribes.',
          'CLIENT_REQUIRED',
        );
      }
      const { url, events } = request.body;
      const problems = [...urlProblems(url), ...eventProblems(events)];
      if (problems.length > 0) throw new ValidationError(problems);
      const created = await deps.db.transaction((manager) =>
        new WebhookSubscriptionsRepository(manager).subscribe(
          { clientId, url, events, now: deps.now() },
          MAX_SUBSCRIPTIONS_PER_CLIENT,
        ),
      );
      if (!created) {
        throw new ConflictError(
          `A client may hold at most ${MAX_SUBSCRIPTIONS_PER_CLIENT} webhook subscriptions; delete one first.`,
          'WEBHOOK_LIMIT_REACHED',
        );
      }
      return reply.code(201).send(toView(created));
    },
  );

  api.get(
    '/webhooks',
    { schema: { tags: TAGS, summary: 'The caller’s webhook subscriptions', response: { 200: WebhookList } } },
    async (request) => {
      const subscriptions = new WebhookSubscriptionsRepository(deps.db.manager);
      return { items: (await subscriptions.findLive(principalOf(request).clientId)).map(toView) };
    },
  );

  api.delete(
    '/webhooks/:id',
    { schema: { tags: TAGS, summary: 'Delete a webhook subscription', params: WebhookParams } },
    async (request, reply) => {
      const subscriptions = new WebhookSubscriptionsRepository(deps.db.manager);
      const { clientId } = principalOf(request);
      if (!(await subscriptions.unsubscribe(request.params.id, clientId, deps.now()))) {
        throw new NotFoundError(
          `There is no webhook subscription ${request.params.id}.`,
          'WEBHOOK_NOT_FOUND',
        );
      }
      return reply.code(204).send();
    },
  );
}

/** Why a callback URL is refused: not http(s), not a URL at all, or carrying credentials. */
export function urlProblems(url: string): { field: string; problem: string }[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [{ field: 'body.url', problem: 'must be an absolute http:// or https:// URL' }];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return [{ field: 'body.url', problem: 'must be an http:// or https:// URL' }];
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return [
      { field: 'body.url', problem: 'must not carry credentials (user:password@); verify the signature' },
    ];
  }
  return [];
}

function eventProblems(events: readonly string[]): { field: string; problem: string }[] {
  if (events.includes(ALL_EVENTS) && events.length > 1) {
    return [{ field: 'body.events', problem: 'must be either ["*"] or a list of states, not both' }];
  }
  return [];
}

function toView(subscription: WebhookSubscription): Static<typeof WebhookView> {
  return {
    id: subscription.id,
    clientId: subscription.clientId,
    url: subscription.url,
    events: subscription.events,
    createdAt: subscription.createdAt.toISOString(),
  };
}
