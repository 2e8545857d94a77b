import type pg from 'pg';
import { type EngineLogger } from '../logger';
import { batchStatements, commitBatch, loadState } from '../store/persistence';
import { Rejection } from './rejection';
import { type EngineState } from './state/engine-state';

interface Pending {
  readonly name: string;
  readonly run: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

export interface ProcessorStats {
  batches: number;
  commands: number;
  commits: number;
}

/**
 * Runs commands one at a time against the in-memory state and commits them in batches (group
 * commit): while one transaction is in flight, new commands queue; the next batch applies them all
 * and commits them in one transaction. A command's answer and its effects (pushing jobs, answering
 * waiting clients) are released only after its batch is committed, so an acknowledged command is
 * never lost. A command that throws is undone alone; a failed commit reloads the state from the
 * database and fails the whole batch as UNAVAILABLE.
 */
export class CommandProcessor {
  private queue: Pending[] = [];
  private running = false;
  private stopped = false;
  private idle: Promise<void> = Promise.resolve();
  readonly stats: ProcessorStats = { batches: 0, commands: 0, commits: 0 };

  constructor(
    private readonly state: EngineState,
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly log: EngineLogger,
    /** Called when a command is undone (e.g. to drop the work it left on the agenda). */
    private readonly onUndo: () => void = () => undefined,
    private readonly maxBatch = 500,
  ) {}

  /** Queues a command; resolves with its result once committed. */
  submit<R>(name: string, run: () => R): Promise<R> {
    if (this.stopped) return Promise.reject(new Rejection('UNAVAILABLE', 'The engine is shutting down.'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ name, run, resolve: resolve as (value: unknown) => void, reject });
      if (!this.running) this.idle = this.drain();
    });
  }

  /** Waits for queued commands, then refuses new ones. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.runBatch(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    const done: Array<{ pending: Pending; result: unknown }> = [];
    for (const pending of batch) {
      const mark = this.state.journal.mark();
      try {
        done.push({ pending, result: pending.run() });
      } catch (error) {
        this.state.journal.rollback(mark);
        this.onUndo();
        if (!(error instanceof Rejection)) {
          this.log.error(
            { err: error, command: pending.name },
            'engine: command failed unexpectedly; undone',
          );
        }
        pending.reject(
          error instanceof Rejection
            ? error
            : new Rejection('INTERNAL', internalMessage(pending.name, error)),
        );
      }
    }
    this.stats.batches++;
    this.stats.commands += batch.length;
    const statements = batchStatements(this.state, this.schema);
    const effects = this.state.takeEffects();
    try {
      if (statements.length > 0) {
        const client = await this.pool.connect();
        try {
          await commitBatch(client, statements);
          this.stats.commits++;
        } finally {
          client.release();
        }
      }
    } catch (error) {
      await this.recover(error);
      const failure = new Rejection(
        'UNAVAILABLE',
        `The engine could not store the command: ${(error as Error).message}`,
      );
      for (const { pending } of done) pending.reject(failure);
      return;
    }
    this.state.journal.clear();
    for (const { pending, result } of done) pending.resolve(result);
    for (const effect of effects) {
      try {
        effect();
      } catch (error) {
        this.log.error({ err: error }, 'engine: post-commit effect failed');
      }
    }
  }

  /** The in-memory state ran ahead of a commit that failed: reload what the database holds. */
  private async recover(cause: unknown): Promise<void> {
    this.log.error({ err: cause }, 'engine: commit failed; reloading state from the database');
    for (let attempt = 1; ; attempt++) {
      try {
        await loadState(this.pool, this.schema, this.state);
        return;
      } catch (error) {
        this.log.error({ err: error, attempt }, 'engine: reload failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 100 * 2 ** attempt)));
      }
    }
  }
}

function internalMessage(command: string, error: unknown): string {
  return `Command '${command}' failed inside the engine: ${error instanceof Error ? error.message : String(error)}`;
}
