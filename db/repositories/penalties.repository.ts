import type { EntityManager } from 'typeorm';
import type { PenaltyLine } from '../../domain/penalties/calculate-penalties';
import type { PenaltyPolicy } from '../../domain/penalties/penalty-policy';
import { NotFoundError } from '../../lib/errors';
import { Penalty } from '../entities/penalty.entity';
import { PenaltyPolicyRecord } from '../entities/policy-documents.entity';

/** What a booking is keyed by: one calculation of one complaint's penalties. */
export interface PenaltyBooking {
  readonly complaintId: string;
  readonly policy: Pick<PenaltyPolicy, 'version' | 'currency'>;
  readonly lines: readonly PenaltyLine[];
  /** E.g. `calculate-penalty:<complaintId>`; line i is booked under `<key>:<i>`. */
  readonly idempotencyKey: string;
  readonly at: Date;
}

/** A stored version of the penalty policy, with who published it and whether it is the active one. */
export interface PenaltyPolicyVersion {
  readonly version: number;
  readonly effectiveFrom: string;
  readonly active: boolean;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly policy: PenaltyPolicy;
}

/** Penalty policies (versioned) and the penalties booked under them (000 三.7; 001 第十条). */
export class PenaltiesRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Every version, oldest `effectiveFrom` first: the domain's `policyInEffect` picks one for a date. */
  async listPenaltyPolicies(): Promise<PenaltyPolicy[]> {
    const records = await this.manager.find(PenaltyPolicyRecord, { order: { effectiveFrom: 'ASC' } });
    return records.map((r) => r.document as PenaltyPolicy);
  }

  /** Every stored version, newest first (the administration history). */
  async listPenaltyPolicyVersions(): Promise<PenaltyPolicyVersion[]> {
    const records = await this.manager.find(PenaltyPolicyRecord, { order: { version: 'DESC' } });
    return records.map((r) => ({
      version: r.version,
      effectiveFrom: r.effectiveFrom,
      active: r.active,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      policy: { ...(r.document as PenaltyPolicy), version: r.version },
    }));
  }

  /** The version an administrator marked active; fails with NO_PENALTY_POLICY when none is. */
  async findActivePenaltyPolicy(): Promise<PenaltyPolicy> {
    const record = await this.manager.findOneBy(PenaltyPolicyRecord, { active: true });
    if (!record) {
      throw new NotFoundError('No penalty policy is active: seed the reference data', 'NO_PENALTY_POLICY');
    }
    return record.document as PenaltyPolicy;
  }

  /**
   * Stores the policy as the next version and makes it the active one (earlier versions stay, for
   * complaints from before its `effectiveFrom`); returns the version.
   */
  async publishPenaltyPolicy(policy: PenaltyPolicy, by: string): Promise<number> {
    return this.manager.transaction(async (manager) => {
      await manager.query(`LOCK TABLE penalty_policy IN SHARE ROW EXCLUSIVE MODE`);
      const rows: { next: number }[] = await manager.query(
        `SELECT coalesce(max(version), 0) + 1 AS next FROM penalty_policy`,
      );
      const version = rows[0].next;
      await manager.update(PenaltyPolicyRecord, { active: true }, { active: false });
      await manager.insert(PenaltyPolicyRecord, {
        version,
        effectiveFrom: policy.effectiveFrom,
        active: true,
        document: { ...policy, version },
        createdBy: by,
      });
      return version;
    });
  }

  /**
   * Books the lines once: a redelivered job books nothing more. Returns how many lines were new.
   * Every line keeps its explanation (how it was computed) next to the amount.
   */
  async bookPenalties(booking: PenaltyBooking): Promise<number> {
    let booked = 0;
    for (const [index, line] of booking.lines.entries()) {
      const rows: unknown[] = await this.manager.query(
        `INSERT INTO penalty (complaint_id, staff_id, kind, share, amount, currency, policy_version,
                              explanation, idempotency_key, booked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id`,
        [
          booking.complaintId,
          line.staffId,
          line.kind,
          line.share,
          line.amount,
          booking.policy.currency,
          booking.policy.version,
          JSON.stringify(line.explanation),
          `${booking.idempotencyKey}:${index}`,
          booking.at,
        ],
      );
      booked += rows.length;
    }
    return booked;
  }

  async listPenaltiesForComplaint(complaintId: string): Promise<Penalty[]> {
    return this.manager.find(Penalty, { where: { complaintId }, order: { idempotencyKey: 'ASC' } });
  }
}
