import type { EntityManager } from 'typeorm';
import { ComplaintEvent } from '../../db/entities/complaint-event.entity';
import { ComplaintEventsRepository } from '../../db/repositories/complaint-events.repository';

/** One step of a complaint's history, as a worker records it. */
export interface Step {
  readonly complaintId: string;
  /** What happened, e.g. `classified`, `escalated`. */
  readonly type: string;
  /** Who did it (`actors` of complaint-events.repository.ts, or `customer`). */
  readonly actor: string;
  readonly occurredAt: Date;
  /** What was decided; never personal data. */
  readonly data?: Record<string, unknown>;
  /** The variables the step hands back to the process; kept with the event so a redelivery gets the same. */
  readonly variables?: Record<string, unknown>;
}

export interface RecordedStep {
  /** false: the same job (effect key) ran before; nothing was done now. */
  readonly first: boolean;
  /** The variables of the first run. */
  readonly variables: Record<string, unknown>;
}

/**
 * Records a step in the complaint's history under the job's effect key and performs its effect —
 * the first time only. The event is inserted first: a second delivery of the same job (even one
 * running at the same moment) waits on its unique key, finds it taken and does nothing, and gets
 * back the variables the first delivery computed (a deadline counted from "now" stays the first one).
 * Call it inside the job's transaction, so that the event and the effect commit together.
 */
export async function recordStepOnce(
  manager: EntityManager,
  effectKey: string,
  step: Step,
  effect: () => Promise<void> = async () => undefined,
): Promise<RecordedStep> {
  const { variables, ...event } = step;
  const first = await new ComplaintEventsRepository(manager).recordEvent({
    ...event,
    data: { ...step.data, ...(variables ? { variables } : {}) },
    idempotencyKey: effectKey,
  });
  if (first) {
    await effect();
    return { first, variables: variables ?? {} };
  }
  const earlier = await manager.findOneByOrFail(ComplaintEvent, { idempotencyKey: effectKey });
  return { first, variables: (earlier.data.variables as Record<string, unknown> | undefined) ?? {} };
}
