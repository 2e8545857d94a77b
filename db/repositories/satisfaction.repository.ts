import type { EntityManager } from 'typeorm';
import { Satisfaction } from '../entities/satisfaction.entity';

/** The answers of a follow-up visit (form `follow-up-visit`). */
export interface FollowUpResult {
  readonly complaintId: string;
  readonly resolved: boolean;
  /** 1–5; null when the customer would not say. */
  readonly score?: number | null;
  readonly comment?: string | null;
  readonly visitedAt: Date;
  /** An actor, e.g. `staff:agent.li`. */
  readonly visitedBy: string;
  /** E.g. the job key of record-decision: the same visit is recorded once. */
  readonly idempotencyKey: string;
}

/** Follow-up results: was it resolved, how satisfied is the customer (002 三.6; 004 四). */
export class SatisfactionRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Records the result; false when it was recorded before under the same key. */
  async recordFollowUp(result: FollowUpResult): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO satisfaction (complaint_id, resolved, score, comment, visited_at, visited_by, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        result.complaintId,
        result.resolved,
        result.score ?? null,
        result.comment ?? null,
        result.visitedAt,
        result.visitedBy,
        result.idempotencyKey,
      ],
    );
    return rows.length === 1;
  }

  /** The latest follow-up of a complaint, or null before any. */
  async findLatestFollowUp(complaintId: string): Promise<Satisfaction | null> {
    return this.manager.findOne(Satisfaction, { where: { complaintId }, order: { visitedAt: 'DESC' } });
  }
}
