import type { EntityManager } from 'typeorm';
import type { ComplaintState, Language } from '../../domain/vocabulary';
import { recordNotification } from './notifications.repository';
import { type WebhookTarget, WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';

/** The `event` of what a subscription's URL receives (notifications/README.md, "Webhook subscriptions"). */
export const STATE_CHANGED_EVENT = 'complaint.state_changed';
/** The `template_key` of these notifications in the outbox: not a template, a fixed event. */
export const STATE_CHANGED_KEY = 'state_changed';

/** What a subscription's URL receives, besides the event id: no personal data. */
export interface StateChangedData {
  readonly event: typeof STATE_CHANGED_EVENT;
  readonly complaintNumber: string;
  readonly state: ComplaintState;
  readonly previousState?: ComplaintState;
  readonly at: string;
}

export interface StateChange {
  readonly complaintId: string;
  readonly state: ComplaintState;
  readonly at: Date;
}

/** The complaint as it stood before the change, its row locked until the transaction ends. */
interface Before {
  readonly number: string;
  readonly language: Language;
  readonly clientId: string | null;
  readonly state: ComplaintState;
  readonly version: number;
}

/**
 * Runs `update` (the state change's own write) and, in the same transaction (the caller's if it has
 * one), enqueues a webhook delivery for every live subscription of the client that created the
 * complaint whose events include the new state or `*`. So an event is recorded if and only if the
 * change commits, and sent at least once by the dispatcher. Nothing is enqueued when the state does
 * not change (a redelivered job setting it again), and the idempotency key names the subscription,
 * the complaint, the state and the complaint's version after the change: the same change is recorded
 * once, while a state entered again later (`resolving` after an upheld appeal) is a new event.
 */
export async function changeStateNotifyingSubscribers(
  manager: EntityManager,
  change: StateChange,
  update: (manager: EntityManager) => Promise<void>,
): Promise<void> {
  const run = async (tx: EntityManager) => {
    const before = await lockComplaint(tx, change.complaintId);
    await update(tx);
    if (before && before.clientId !== null && before.state !== change.state) {
      await enqueueStateChangeWebhooks(tx, { ...before, clientId: before.clientId }, change);
    }
  };
  if (manager.queryRunner?.isTransactionActive) return run(manager);
  return manager.transaction(run);
}

async function lockComplaint(manager: EntityManager, complaintId: string): Promise<Before | undefined> {
  const rows: Before[] = await manager.query(
    `SELECT number, language, created_by_client_id AS "clientId", state, version
       FROM complaint WHERE id = $1 FOR UPDATE`,
    [complaintId],
  );
  return rows[0]; // none: the update throws COMPLAINT_NOT_FOUND
}

async function enqueueStateChangeWebhooks(
  manager: EntityManager,
  before: Before & { clientId: string },
  change: StateChange,
): Promise<void> {
  const targets = await new WebhookSubscriptionsRepository(manager).findLiveListeningTo(
    before.clientId,
    change.state,
  );
  for (const target of targets) {
    await recordNotification(manager, stateChangedNotification(target, before, change));
  }
}

function stateChangedNotification(target: WebhookTarget, before: Before, change: StateChange) {
  const data: StateChangedData = {
    event: STATE_CHANGED_EVENT,
    complaintNumber: before.number,
    state: change.state,
    previousState: before.state,
    at: change.at.toISOString(),
  };
  const transition = `${before.state} → ${change.state}`;
  return {
    idempotencyKey: `webhook:${target.id}:${change.complaintId}:${change.state}:${before.version + 1}`,
    complaintId: change.complaintId,
    complaintNumber: before.number,
    audience: 'integrator' as const,
    recipientGroup: before.clientId,
    templateKey: STATE_CHANGED_KEY,
    templateVersion: 0,
    language: before.language,
    subject: `${STATE_CHANGED_EVENT} ${before.number}: ${transition}`,
    body: `Complaint ${before.number} changed state (${transition}) at ${data.at}; webhook subscription ${target.id}.`,
    data: { ...data },
    createdAt: change.at,
    deliveries: [{ transport: 'webhook' as const, recipients: [target.url] }],
  };
}
