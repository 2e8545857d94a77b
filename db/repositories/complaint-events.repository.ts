import type { EntityManager } from 'typeorm';
import { ComplaintEvent } from '../entities/complaint-event.entity';

/** Who did a step: a member of staff, an integrator's client, the system itself, or a job worker. */
export const actors = {
  staff: (staffId: string) => `staff:${staffId}`,
  client: (clientId: string) => `client:${clientId}`,
  worker: (jobType: string) => `worker:${jobType}`,
  system: 'system',
} as const;

/** One step of a complaint's history. `data` holds decisions, never personal data (it is not erased). */
export interface NewComplaintEvent {
  readonly complaintId: string;
  /** What happened, e.g. `registered`, `classified`, `routed`, `reviewed`, `escalated`, `closed`. */
  readonly type: string;
  /** See `actors`. */
  readonly actor: string;
  readonly occurredAt: Date;
  readonly data?: Record<string, unknown>;
  /** E.g. `<job key>`: the same key records the event once, however often the job is delivered. */
  readonly idempotencyKey?: string | null;
}

/** The history of complaints (the record table, 000 三.1; archived with the complaint, 002 三.7). */
export class ComplaintEventsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Records the event; false when an event with the same idempotency key was recorded before. */
  async recordEvent(event: NewComplaintEvent): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO complaint_event (complaint_id, type, actor, occurred_at, data, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        event.complaintId,
        event.type,
        event.actor,
        event.occurredAt,
        JSON.stringify(event.data ?? {}),
        event.idempotencyKey ?? null,
      ],
    );
    return rows.length === 1;
  }

  /** Every event of a complaint, oldest first. */
  async listHistory(complaintId: string): Promise<ComplaintEvent[]> {
    return this.manager.getRepository(ComplaintEvent).find({
      where: { complaintId },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
  }
}
