import type { EntityManager } from 'typeorm';
import type { Deadline, EscalationLevel } from '../../domain/vocabulary';
import { DeadlineBreachRecord } from '../entities/deadline-breach.entity';

/** A missed deadline as the escalate-overdue job sees it. */
export interface NewDeadlineBreach {
  readonly complaintId: string;
  readonly deadline: Deadline;
  readonly dueAt: Date;
  readonly breachedAt: Date;
  readonly heldByStaffId?: string | null;
  readonly heldByGroup?: string | null;
  readonly escalationLevel: EscalationLevel;
  /** E.g. `<complaintId>:<deadline>:<level>`: the same breach is recorded once. */
  readonly idempotencyKey: string;
}

/** Missed deadlines and their escalations (001 试行办法 五); the base of delay penalties (001 第十条). */
export class DeadlineBreachesRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Records the breach; false when it was recorded before under the same key. */
  async recordBreach(breach: NewDeadlineBreach): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO deadline_breach (complaint_id, deadline, due_at, breached_at, held_by_staff_id,
                                    held_by_group, escalation_level, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        breach.complaintId,
        breach.deadline,
        breach.dueAt,
        breach.breachedAt,
        breach.heldByStaffId ?? null,
        breach.heldByGroup ?? null,
        breach.escalationLevel,
        breach.idempotencyKey,
      ],
    );
    return rows.length === 1;
  }

  /** A complaint's breaches, in the order they happened. */
  async listBreachesForComplaint(complaintId: string): Promise<DeadlineBreachRecord[]> {
    return this.manager.find(DeadlineBreachRecord, {
      where: { complaintId },
      order: { breachedAt: 'ASC', idempotencyKey: 'ASC' },
    });
  }
}
