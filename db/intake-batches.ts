import type { DataSource } from 'typeorm';
import type { IdempotentIntake } from './intake';
import {
  idempotencyIdentity,
  type IntakeRow,
  intakeOutcome,
  runIntakeAlone,
  runIntakeStatement,
} from './intake-statement';

/** Most intakes committed in one transaction. */
export const MAX_INTAKE_BATCH = 32;

/** An intake waiting for its turn: the statement's values and who waits for the outcome. */
interface Waiting {
  readonly values: readonly unknown[];
  readonly settle: { resolve(outcome: IdempotentIntake): void; reject(error: unknown): void };
}

/**
 * Group commit of idempotent intakes. Each intake locks the month's counter row until its commit is
 * flushed to disk, so intakes one at a time would pass through that lock one flush after another, and
 * a slow flush would leave a queue that drains one flush per complaint. Here an intake that arrives
 * while none commits goes at once; those that arrive meanwhile wait and then commit together, in one
 * transaction (one statement each, in order of arrival): one counter lock and one flush for them all,
 * however many there are (up to MAX_INTAKE_BATCH). Numbers stay consecutive and gap-free.
 *
 * - A batch that fails as a whole (one intake's data refused by the database, a lost connection) is
 *   rolled back and each of its intakes runs again on its own, so only the one at fault fails. If the
 *   batch did commit before its connection was lost, each intake finds its key answered and gets its
 *   kept answer.
 * - A second request with the key of an intake still waiting or committing here is `in_flight` at
 *   once (in one transaction, the key's advisory lock would not keep it out).
 */
export class IntakeBatches {
  private readonly waiting: Waiting[] = [];
  /** The identity (`idempotencyIdentity`) of every intake's key waiting or committing. */
  private readonly keys = new Set<string>();
  private committing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly maxBatch = MAX_INTAKE_BATCH,
  ) {}

  /** Registers the intake of these statement values (intake-statement.ts `intakeValues`). */
  register(owner: string, key: string, values: readonly unknown[]): Promise<IdempotentIntake> {
    const id = idempotencyIdentity(owner, key);
    if (this.keys.has(id)) return Promise.resolve({ outcome: 'in_flight' });
    this.keys.add(id);
    const outcome = new Promise<IdempotentIntake>((resolve, reject) => {
      this.waiting.push({ values, settle: { resolve, reject } });
    });
    void this.commitWaiting();
    return outcome.finally(() => this.keys.delete(id));
  }

  private async commitWaiting(): Promise<void> {
    if (this.committing) return;
    this.committing = true;
    try {
      while (this.waiting.length > 0) await this.commit(this.waiting.splice(0, this.maxBatch));
    } finally {
      this.committing = false;
    }
  }

  /** Settles every intake of the batch; never throws. */
  private async commit(batch: readonly Waiting[]): Promise<void> {
    if (batch.length > 1) {
      const rows = await this.inOneTransaction(batch).catch(() => null);
      if (rows) {
        batch.forEach(({ settle }, i) => settle.resolve(intakeOutcome(rows[i])));
        return;
      }
    }
    await Promise.all(
      batch.map(({ values, settle }) =>
        runIntakeAlone(this.dataSource, values).then(
          (row) => settle.resolve(intakeOutcome(row)),
          settle.reject,
        ),
      ),
    );
  }

  private inOneTransaction(batch: readonly Waiting[]): Promise<IntakeRow[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows: IntakeRow[] = [];
      for (const { values } of batch) rows.push(await runIntakeStatement(manager, values));
      return rows;
    });
  }
}

const batchesOf = new WeakMap<DataSource, IntakeBatches>();

/** The one IntakeBatches of a data source (all its idempotent intakes go through it). */
export function intakeBatchesOf(dataSource: DataSource): IntakeBatches {
  let batches = batchesOf.get(dataSource);
  if (!batches) {
    batches = new IntakeBatches(dataSource);
    batchesOf.set(dataSource, batches);
  }
  return batches;
}
