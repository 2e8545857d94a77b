import type { EntityManager } from 'typeorm';
import type { ComplaintState } from '../../domain/vocabulary';

/** Every state: a subscription with `events = ['*']` hears of every state change. */
export const ALL_EVENTS = '*';
export type WebhookEventFilter = ComplaintState | typeof ALL_EVENTS;

/** An integrator's callback URL for the state changes of the complaints it created. */
export interface WebhookSubscription {
  readonly id: string;
  readonly clientId: string;
  readonly url: string;
  readonly events: WebhookEventFilter[];
  readonly createdAt: Date;
}

/** Where a state change goes: a live subscription's id and URL. */
export interface WebhookTarget {
  readonly id: string;
  readonly url: string;
}

const COLUMNS = `id, client_id AS "clientId", url, events, created_at AS "createdAt"`;

/**
 * Integrators' webhook subscriptions (table `webhook_subscription`). Deleting one only stamps
 * `deleted_at`: what was already enqueued for it stays in the outbox, nothing new is.
 */
export class WebhookSubscriptionsRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Records a subscription unless the client already has `limit` live ones (then null). Two requests
   * of one client at once are serialised by a transaction-scoped advisory lock on its id, so the
   * limit holds; pass a transaction's manager.
   */
  async subscribe(
    subscription: { clientId: string; url: string; events: readonly WebhookEventFilter[]; now: Date },
    limit: number,
  ): Promise<WebhookSubscription | null> {
    const { clientId, url, events, now } = subscription;
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtext('webhook_subscription:' || $1))`, [
      clientId,
    ]);
    if ((await this.countLiveOfClient(clientId)) >= limit) return null;
    const rows: WebhookSubscription[] = await this.manager.query(
      `INSERT INTO webhook_subscription (client_id, url, events, created_at)
       VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [clientId, url, events, now],
    );
    return rows[0];
  }

  async countLiveOfClient(clientId: string): Promise<number> {
    const rows: { count: number }[] = await this.manager.query(
      `SELECT count(*)::int AS count FROM webhook_subscription WHERE client_id = $1 AND deleted_at IS NULL`,
      [clientId],
    );
    return rows[0].count;
  }

  /** A client's live subscriptions, oldest first; every client's when `clientId` is null. */
  async findLive(clientId: string | null): Promise<WebhookSubscription[]> {
    return this.manager.query(
      `SELECT ${COLUMNS} FROM webhook_subscription
        WHERE deleted_at IS NULL AND ($1::text IS NULL OR client_id = $1)
        ORDER BY created_at, id`,
      [clientId],
    );
  }

  /**
   * Deletes a live subscription of the client (any client's when `clientId` is null); false when
   * there is no such live subscription — another client's counts as none.
   */
  async unsubscribe(id: string, clientId: string | null, now: Date): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.manager.query(
      `UPDATE webhook_subscription SET deleted_at = $3
        WHERE id = $1 AND deleted_at IS NULL AND ($2::text IS NULL OR client_id = $2)`,
      [id, clientId, now],
    );
    return affected > 0;
  }

  /** The client's live subscriptions that asked for `state` (or for every state), oldest first. */
  async findLiveListeningTo(clientId: string, state: ComplaintState): Promise<WebhookTarget[]> {
    return this.manager.query(
      `SELECT id, url FROM webhook_subscription
        WHERE client_id = $1 AND deleted_at IS NULL AND ($2 = ANY (events) OR $3 = ANY (events))
        ORDER BY created_at, id`,
      [clientId, state, ALL_EVENTS],
    );
  }
}
