import { type EntityManager, IsNull, LessThanOrEqual } from 'typeorm';
import {
  type Category,
  type ComplaintState,
  FINAL_STATES,
  type Nature,
  type Priority,
  type ReviewOutcome,
  type Severity,
} from '../../domain/vocabulary';
import { ConflictError, NotFoundError } from '../../lib/errors';
import { Complaint } from '../entities/complaint.entity';
import { ComplainantsRepository } from './complainants.repository';
import { changeStateNotifyingSubscribers } from './state-change-webhooks';

/** What the classifier reads (DOMAIN §2): the text, channel, declared category, loss, exposure, history. */
export interface ComplaintForClassification {
  readonly complaint: Complaint;
  /** Other complaints from the same complainant (same contact fingerprint) within the window, up to `countUpTo`. */
  readonly recentComplaintsByComplainant: number;
}

export interface ClassificationUpdate {
  readonly category: Category;
  readonly subType: string;
  readonly severity: Severity;
  readonly priority: Priority;
  readonly taskPriority: number;
  /** Which keywords and cues decided. */
  readonly explanation: object;
}

export interface ReviewUpdate {
  readonly outcome: ReviewOutcome;
  readonly reason?: string | null;
}

/** A complaint awaiting its process instance: the API republishes `complaint-received` for it. */
export interface AwaitingProcess {
  readonly complaintId: string;
  readonly complaintNumber: string;
  readonly receivedAt: Date;
}

/**
 * The complaint records. Every update increments `version`; pass `expectedVersion` to refuse an
 * update of a record someone else changed since it was read (COMPLAINT_CHANGED).
 */
export class ComplaintsRepository {
  constructor(private readonly manager: EntityManager) {}

  async findById(complaintId: string): Promise<Complaint | null> {
    return this.manager.findOneBy(Complaint, { id: complaintId });
  }

  async findByNumber(complaintNumber: string): Promise<Complaint | null> {
    return this.manager.findOneBy(Complaint, { number: complaintNumber });
  }

  async getById(complaintId: string): Promise<Complaint> {
    const complaint = await this.findById(complaintId);
    if (!complaint) throw notFound(complaintId);
    return complaint;
  }

  /**
   * The complaint and how many others its complainant sent in the `withinDays` days before `now`,
   * counted up to `countUpTo`.
   */
  async loadForClassification(
    complaintId: string,
    options: { withinDays: number; countUpTo: number; now: Date },
  ): Promise<ComplaintForClassification> {
    const complaint = await this.getById(complaintId);
    const since = new Date(options.now.getTime() - options.withinDays * 86_400_000);
    const recent = await new ComplainantsRepository(this.manager).countRecentComplaintsByComplainant(
      complaintId,
      since,
      options.countUpTo,
    );
    return { complaint, recentComplaintsByComplainant: recent };
  }

  async recordClassification(
    complaintId: string,
    result: ClassificationUpdate,
    at: Date,
    expectedVersion?: number,
  ): Promise<void> {
    const { explanation, ...fields } = result;
    await this.update(
      complaintId,
      { ...fields, classification: explanation, classifiedAt: at },
      at,
      expectedVersion,
    );
  }

  /** The initial review (000 三.2; 001 第七、十一条): a malicious complaint is flagged as such. */
  async recordReview(
    complaintId: string,
    review: ReviewUpdate,
    at: Date,
    expectedVersion?: number,
  ): Promise<void> {
    await this.update(
      complaintId,
      {
        reviewOutcome: review.outcome,
        reviewReason: review.reason ?? null,
        reviewedAt: at,
        malicious: review.outcome === 'malicious',
      },
      at,
      expectedVersion,
    );
  }

  async assignDepartment(complaintId: string, departmentCode: string, at: Date, expectedVersion?: number) {
    await this.update(complaintId, { departmentCode }, at, expectedVersion);
  }

  /** The nature found by the investigation (004 二). */
  async recordNature(complaintId: string, nature: Nature, at: Date, expectedVersion?: number): Promise<void> {
    await this.update(complaintId, { nature }, at, expectedVersion);
  }

  /**
   * Moves the complaint to a state; a final state also stamps `closedAt`. In the same transaction,
   * the creating integrator's webhook subscriptions to that state are enqueued (state-change-webhooks.ts).
   */
  async changeState(complaintId: string, state: ComplaintState, at: Date, expectedVersion?: number) {
    const closedAt = FINAL_STATES.includes(state) ? at : null;
    await changeStateNotifyingSubscribers(this.manager, { complaintId, state, at }, (manager) =>
      new ComplaintsRepository(manager).update(complaintId, { state, closedAt }, at, expectedVersion),
    );
  }

  /**
   * Notes the process instance that handles the complaint (the register-complaint job knows it).
   * False when another instance was noted before; noting the same one again is harmless.
   */
  async markProcessStarted(complaintId: string, processInstanceKey: string, at: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(Complaint)
      .set({ processInstanceKey, processStartedAt: at, updatedAt: at, version: () => 'version + 1' })
      .where('id = :complaintId AND process_instance_key IS NULL', { complaintId })
      .execute();
    if (result.affected) return true;
    const complaint = await this.getById(complaintId);
    return complaint.processInstanceKey === processInstanceKey;
  }

  /** Complaints received at or before `receivedBefore` whose process has not started, oldest first. */
  async findComplaintsAwaitingProcess(
    options: { receivedBefore?: Date; limit?: number } = {},
  ): Promise<AwaitingProcess[]> {
    const rows = await this.manager.find(Complaint, {
      select: { id: true, number: true, receivedAt: true },
      where: {
        processInstanceKey: IsNull(),
        ...(options.receivedBefore ? { receivedAt: LessThanOrEqual(options.receivedBefore) } : {}),
      },
      order: { receivedAt: 'ASC' },
      take: options.limit ?? 100,
    });
    return rows.map((row) => ({
      complaintId: row.id,
      complaintNumber: row.number,
      receivedAt: row.receivedAt,
    }));
  }

  /** A department's complaints that are not finished, oldest first. */
  async findOpenByDepartment(departmentCode: string): Promise<Complaint[]> {
    return this.manager
      .createQueryBuilder(Complaint, 'c')
      .where('c.department_code = :departmentCode', { departmentCode })
      .andWhere('c.state NOT IN (:...finals)', { finals: FINAL_STATES })
      .orderBy('c.received_at', 'ASC')
      .getMany();
  }

  private async update(
    complaintId: string,
    fields: Partial<Complaint>,
    at: Date,
    expectedVersion: number | undefined,
  ): Promise<void> {
    const query = this.manager
      .createQueryBuilder()
      .update(Complaint)
      .set({ ...fields, updatedAt: at, version: () => 'version + 1' })
      .where('id = :complaintId', { complaintId });
    if (expectedVersion !== undefined) query.andWhere('version = :expectedVersion', { expectedVersion });
    const result = await query.execute();
    if (result.affected) return;
    const current = await this.getById(complaintId);
    throw new ConflictError(
      `Complaint ${current.number} was changed by someone else (version ${current.version}, expected ${expectedVersion}): reload it and try again`,
      'COMPLAINT_CHANGED',
    );
  }
}

function notFound(complaintId: string): NotFoundError {
  return new NotFoundError(`No complaint has the id ${complaintId}`, 'COMPLAINT_NOT_FOUND');
}
