import type { DataSource, EntityManager } from 'typeorm';
import {
  claimNextDueDelivery,
  type ClaimedDelivery,
  markDeliveryFailed,
  markDeliverySent,
  scheduleDeliveryRetry,
} from '../db/repositories/notifications.repository';
import { messageOf } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { type BackoffPolicy, DEFAULT_BACKOFF, retryDelayMs } from './backoff';
import { DeliveryError } from './errors';
import { maskContactDetails, maskRecipients } from './mask';
import type { Transports } from './transports/transport';

export interface DispatcherOptions {
  readonly dataSource: DataSource;
  readonly transports: Transports;
  /** The process's logger; the dispatcher logs through a child (`component: notification-dispatcher`). */
  readonly log: Logger;
  /** Attempts of one delivery before it is marked failed (NOTIFY_MAX_ATTEMPTS). */
  readonly maxAttempts: number;
  /** Pause between passes when nothing is due (NOTIFY_DISPATCH_INTERVAL_MS). */
  readonly intervalMs: number;
  /** The current time; default the system clock. Due times, back-off and signatures use it. */
  readonly clock?: () => Date;
  readonly backoff?: BackoffPolicy;
  /** In [0, 1), for the back-off jitter; default Math.random. */
  readonly random?: () => number;
  /** Deliveries one pass sends at most before it lets the next pass begin; default 100. */
  readonly batchSize?: number;
}

export interface DispatchSummary {
  sent: number;
  retried: number;
  failed: number;
}

type Outcome = keyof DispatchSummary;

/**
 * Sends what the outbox holds. Each delivery is claimed, sent and marked in one transaction of its
 * own (`FOR UPDATE SKIP LOCKED`): several dispatchers — in one process or many — never hold the same
 * delivery, and one that dies mid-send leaves its row unclaimed again when its transaction rolls
 * back, to be sent by the next (at least once). A failure is retried with exponential back-off and
 * jitter until `maxAttempts`; a permanent failure (a receiver's refusal) is marked failed at once.
 */
export class NotificationDispatcher {
  private readonly log: Logger;
  private readonly clock: () => Date;
  private readonly random: () => number;
  private readonly backoff: BackoffPolicy;
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> | undefined;
  private running = false;
  private stopping = false;

  constructor(private readonly options: DispatcherOptions) {
    this.log = options.log.child({ component: 'notification-dispatcher' });
    this.clock = options.clock ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  /** One pass: sends every delivery due now (up to `batchSize`) and says what became of them. */
  async dispatchDue(): Promise<DispatchSummary> {
    const summary: DispatchSummary = { sent: 0, retried: 0, failed: 0 };
    const limit = this.options.batchSize ?? 100;
    for (let done = 0; done < limit; done++) {
      if (this.stopping) break;
      const outcome = await this.dispatchOne();
      if (outcome === undefined) break;
      summary[outcome] += 1;
    }
    const total = summary.sent + summary.retried + summary.failed;
    if (total > 0) this.log.info(summary, `notifications: ${total} delivery attempt(s)`);
    return summary;
  }

  /** Starts dispatching: a pass at once, then one every `intervalMs` (at once again after a full batch). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.log.info({ intervalMs: this.options.intervalMs }, 'notification dispatcher started');
    this.schedule(0);
  }

  /** Stops after the delivery in hand (never in the middle of one); resolves when nothing is in flight. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.pass;
    this.log.info('notification dispatcher stopped');
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const pass = this.dispatchDue().then(
        (summary) => summary.sent + summary.retried + summary.failed >= (this.options.batchSize ?? 100),
        (error: unknown) => {
          this.log.warn({ err: error }, 'notification dispatch pass failed; trying again later');
          return false;
        },
      );
      this.pass = pass;
      void pass.then((full) => {
        if (this.running) this.schedule(full ? 0 : this.options.intervalMs);
      });
    }, delayMs);
  }

  private async dispatchOne(): Promise<Outcome | undefined> {
    return this.options.dataSource.transaction(async (manager) => {
      const delivery = await claimNextDueDelivery(manager, this.clock());
      if (!delivery) return undefined;
      return this.deliver(manager, delivery);
    });
  }

  private async deliver(manager: EntityManager, delivery: ClaimedDelivery): Promise<Outcome> {
    const attempt = delivery.attempts + 1;
    const log = this.log.child({
      deliveryId: delivery.deliveryId,
      notificationId: delivery.notificationId,
      complaintNumber: delivery.complaintNumber ?? undefined,
      template: delivery.templateKey,
      transport: delivery.transport,
      to: maskRecipients(delivery.transport, delivery.recipients),
      attempt,
    });
    try {
      const transport = this.options.transports[delivery.transport];
      if (!transport) {
        throw new DeliveryError(
          'TRANSPORT_NOT_CONFIGURED',
          `The ${delivery.transport} transport is not enabled in this process (NOTIFY_TRANSPORTS)`,
          false,
        );
      }
      await transport.send({ ...delivery, attempt }, { now: this.clock(), log });
    } catch (thrown) {
      return this.recordFailure(manager, delivery, attempt, thrown, log);
    }
    await markDeliverySent(manager, delivery.deliveryId, attempt, this.clock());
    log.info('notification sent');
    return 'sent';
  }

  private async recordFailure(
    manager: EntityManager,
    delivery: ClaimedDelivery,
    attempts: number,
    thrown: unknown,
    log: Logger,
  ): Promise<Outcome> {
    const error =
      thrown instanceof DeliveryError
        ? thrown
        : new DeliveryError('DELIVERY_FAILED', messageOf(thrown), false);
    const now = this.clock();
    // Receivers quote addresses in their refusals ("550 <someone@example.com>: no such user").
    const failure = { attempts, errorCode: error.code, error: maskContactDetails(error.message) };
    if (error.permanent || attempts >= this.options.maxAttempts) {
      await markDeliveryFailed(manager, delivery.deliveryId, { ...failure, failedAt: now });
      const why = error.permanent ? 'refused' : `gave up after ${attempts} attempts`;
      log.error({ code: error.code, reason: failure.error }, `notification failed (${why})`);
      return 'failed';
    }
    const delayMs = retryDelayMs(attempts, this.backoff, this.random(), error.retryAfterMs);
    const nextAttemptAt = new Date(now.getTime() + delayMs);
    await scheduleDeliveryRetry(manager, delivery.deliveryId, { ...failure, nextAttemptAt });
    log.warn({ code: error.code, reason: failure.error, nextAttemptAt }, 'notification not sent; will retry');
    return 'retried';
  }
}
