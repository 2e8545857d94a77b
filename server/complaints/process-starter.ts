import type { Zeebe } from '@camunda8/sdk';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { COMPLAINT_REGISTERED_CHANNEL } from '../../db/intake';
import { ComplaintsRepository } from '../../db/repositories/complaints.repository';
import type { ForegroundGate } from '../../lib/foreground-gate';
import type { Logger } from '../../lib/logger';
import { type ComplaintToStart, startComplaintProcess } from '../../processes/start-complaint-process';

export interface ProcessStarterOptions {
  readonly db: DataSource;
  /** Where to listen for announcements: the database `db` is connected to. */
  readonly databaseUrl: string;
  readonly zeebe: Pick<Zeebe.ZeebeGrpcClient, 'publishMessage'>;
  readonly log: Logger;
  readonly now: () => Date;
  /** How often to look for complaints whose process has not started (default 10 s). */
  readonly intervalMs?: number;
  /**
   * The periodic pass takes complaints received at least this long ago (default 10 s): newer ones
   * are being started from their announcement.
   */
  readonly graceMs?: number;
  /** Starts published at the same time (default 8). */
  readonly concurrency?: number;
  /** Where each start waits while the HTTP server is busy (bin/background.ts). */
  readonly gate?: Pick<ForegroundGate, 'wait'>;
}

const RECONNECT_MIN_MS = 1000;
const RECONNECT_MAX_MS = 30_000;

/**
 * Starts the process of every registered complaint: the intake announces each complaint when it
 * commits (`complaint_registered`, db/intake.ts), and the starter, listening, publishes its
 * `complaint-received` at once (the number is the message id, so a complaint never starts twice).
 * A periodic pass finds whatever an announcement did not start: complaints registered while the
 * engine could not be reached or while no starter listened (a restart), and any whose start message
 * expired unconsumed. On (re)connecting it makes that pass at once. Runs in the background process.
 */
export class ProcessStarter {
  private listener: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelay = RECONNECT_MIN_MS;
  private stopped = false;
  private failing = false;
  private running: Promise<number> | undefined;
  private readonly queue: ComplaintToStart[] = [];
  private inFlight = 0;
  private drained: (() => void) | undefined;

  constructor(private readonly options: ProcessStarterOptions) {}

  /** Listens for announcements (throws if the database cannot be reached), then passes periodically; again after `stop`. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
    const every = this.options.intervalMs ?? 10_000;
    this.timer = setInterval(() => void this.runOnce().catch(() => undefined), every);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.queue.length = 0;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    await this.running?.catch(() => undefined);
  }

  /**
   * One pass over the complaints whose process has not started: how many starts were published.
   * `graceMs` 0 takes every such complaint, however new.
   */
  async runOnce(options: { readonly graceMs?: number } = {}): Promise<number> {
    if (this.running) return this.running;
    this.running = this.pass(options.graceMs ?? this.options.graceMs ?? 10_000).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    client.on('notification', (message) => this.announced(message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, undefined));
    try {
      await client.connect();
      await client.query(`LISTEN ${COMPLAINT_REGISTERED_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    this.reconnectDelay = RECONNECT_MIN_MS;
    // what was announced while nobody listened
    void this.runOnce({ graceMs: 0 }).catch(() => undefined);
  }

  /** The listening connection went away: it is closed, and another is opened. */
  private lost(client: pg.Client, error: Error | undefined): void {
    if (this.stopped || this.listener !== client) return;
    this.listener = undefined;
    void client.end().catch(() => undefined);
    this.reconnect(error, 'process start: lost the database connection it listens on; reconnecting');
  }

  /** Listens again after the back-off delay; a failed attempt schedules the next, up to 30 s apart. */
  private reconnect(error: unknown, message: string): void {
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(delay * 2, RECONNECT_MAX_MS);
    this.options.log.warn({ err: error, retryInMs: delay }, message);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.stopped) return;
      this.listen().catch((reason: unknown) =>
        this.reconnect(reason, 'process start: could not listen again; retrying'),
      );
    }, delay);
    this.reconnectTimer.unref();
  }

  private announced(payload: string | undefined): void {
    if (this.stopped || !payload) return;
    try {
      const { id, number } = JSON.parse(payload) as { id: string; number: string };
      this.queue.push({ complaintId: id, complaintNumber: number });
    } catch (error) {
      this.options.log.warn({ err: error }, 'process start: an announcement could not be read');
      return;
    }
    this.drain();
  }

  private drain(): void {
    const limit = this.options.concurrency ?? 8;
    while (this.inFlight < limit && this.queue.length > 0) {
      const complaint = this.queue.shift() as ComplaintToStart;
      this.inFlight += 1;
      void this.publish(complaint).finally(() => {
        this.inFlight -= 1;
        if (this.inFlight === 0) this.drained?.();
        this.drain();
      });
    }
  }

  /** `published`, `already` (published before and still buffered) or `failed` (engine unreachable). */
  private async publish(complaint: ComplaintToStart): Promise<'published' | 'already' | 'failed'> {
    await this.options.gate?.wait();
    try {
      const outcome = await startComplaintProcess(this.options.zeebe, complaint);
      if (this.failing) {
        this.failing = false;
        this.options.log.info('process start: the engine takes starts again');
      }
      return outcome.published ? 'published' : 'already';
    } catch (error) {
      if (!this.failing) {
        this.failing = true;
        this.options.log.warn(
          { err: error, complaintNumber: complaint.complaintNumber },
          'process start: the engine cannot be reached; complaints stay queued and are started once it can',
        );
      }
      return 'failed';
    }
  }

  private async pass(graceMs: number): Promise<number> {
    const receivedBefore = new Date(this.options.now().getTime() - graceMs);
    const waiting = await new ComplaintsRepository(this.options.db.manager).findComplaintsAwaitingProcess({
      receivedBefore,
    });
    let published = 0;
    for (const complaint of waiting) {
      if (this.stopped) break;
      const outcome = await this.publish(complaint);
      if (outcome === 'failed') break;
      if (outcome === 'published') published += 1;
    }
    if (published > 0) this.options.log.info({ published }, 'process start: queued complaints started');
    return published;
  }
}
