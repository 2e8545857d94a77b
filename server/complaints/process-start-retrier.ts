import type { Zeebe } from '@camunda8/sdk';
import type { DataSource } from 'typeorm';
import { ComplaintsRepository } from '../../db/repositories/complaints.repository';
import type { Logger } from '../../lib/logger';
import { startComplaintProcess } from '../../processes/start-complaint-process';

export interface ProcessStartRetrierOptions {
  readonly db: DataSource;
  readonly zeebe: Pick<Zeebe.ZeebeGrpcClient, 'publishMessage'>;
  readonly log: Logger;
  readonly now: () => Date;
  /** How often to look for complaints whose process has not started (default 10 s). */
  readonly intervalMs?: number;
  /** Only complaints received at least this long ago (default 30 s): the intake normally starts them. */
  readonly graceMs?: number;
}

/**
 * Starts the process of every complaint registered while the engine could not be reached (and of any
 * whose start message expired unconsumed): it republishes `complaint-received` with the number as
 * message id, so a complaint is never started twice. Runs until stopped.
 */
export class ProcessStartRetrier {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly options: ProcessStartRetrierOptions) {}

  start(): void {
    const every = this.options.intervalMs ?? 10_000;
    this.timer = setInterval(() => void this.runOnce().catch(() => undefined), every);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One pass: how many starts were published. */
  async runOnce(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    const { db, zeebe, log, now } = this.options;
    const receivedBefore = new Date(now().getTime() - (this.options.graceMs ?? 30_000));
    const waiting = await new ComplaintsRepository(db.manager).findComplaintsAwaitingProcess({
      receivedBefore,
    });
    let published = 0;
    for (const complaint of waiting) {
      try {
        const outcome = await startComplaintProcess(zeebe, complaint);
        if (outcome.published) published += 1;
      } catch (error) {
        log.warn(
          { err: error, pending: waiting.length },
          'process start retry: the engine is still unreachable',
        );
        break;
      }
    }
    if (published > 0) log.info({ published }, 'process start retry: queued complaints started');
    return published;
  }
}
