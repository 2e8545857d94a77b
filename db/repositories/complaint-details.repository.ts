import type { EntityManager } from 'typeorm';
import type { Complaint } from '../entities/complaint.entity';
import { numericToNumber } from '../entities/transformers';
import type { Deadline, EscalationLevel } from '../../domain/vocabulary';
import { preparedQuery } from '../prepared-query';

/** The complaint's own fields its detail shows, and who may see it (`createdByClientId`). */
export type DetailedComplaint = Pick<
  Complaint,
  | 'id'
  | 'number'
  | 'state'
  | 'channel'
  | 'source'
  | 'subject'
  | 'description'
  | 'request'
  | 'occurredAt'
  | 'location'
  | 'declaredCategory'
  | 'category'
  | 'subType'
  | 'severity'
  | 'priority'
  | 'nature'
  | 'reviewOutcome'
  | 'departmentCode'
  | 'lossAmount'
  | 'lossCurrency'
  | 'mediaExposure'
  | 'language'
  | 'receivedAt'
  | 'closedAt'
  | 'processInstanceKey'
  | 'createdByClientId'
>;

/** A complaint with everything its detail view shows beside it. */
export interface ComplaintDetails {
  readonly complaint: DetailedComplaint;
  /** Null when no complainant is recorded; erased fields are null, the name `[erased]`. */
  readonly contact: {
    readonly name: string;
    readonly phone: string | null;
    readonly email: string | null;
    readonly erasedAt: Date | null;
  } | null;
  /** In the order it was added. */
  readonly evidence: ReadonlyArray<{
    readonly id: string;
    readonly filename: string;
    readonly contentType: string;
    readonly sizeBytes: number;
    readonly sha256: string;
    readonly addedAt: Date;
  }>;
  /** Oldest first. */
  readonly history: ReadonlyArray<{
    readonly type: string;
    readonly actor: string;
    readonly occurredAt: Date;
  }>;
  /** In the order they happened. */
  readonly breaches: ReadonlyArray<{
    readonly deadline: Deadline;
    readonly dueAt: Date;
    readonly escalationLevel: EscalationLevel;
  }>;
}

/**
 * One statement for all of it: a detail read is a single round trip to the database and a single
 * backend woken, not one per table. Evidence is ordered as added (then by file name); history and
 * breaches in the orders of `ComplaintEventsRepository.listHistory` and
 * `DeadlineBreachesRepository.listBreachesForComplaint`, which the workers read.
 */
const DETAILS = `
SELECT c.id, c.number, c.state, c.channel, c.source, c.subject, c.description, c.request,
       c.occurred_at AS "occurredAt", c.location, c.declared_category AS "declaredCategory", c.category,
       c.sub_type AS "subType", c.severity, c.priority, c.nature, c.review_outcome AS "reviewOutcome",
       c.department_code AS "departmentCode", c.loss_amount AS "lossAmount",
       c.loss_currency AS "lossCurrency", c.media_exposure AS "mediaExposure", c.language,
       c.received_at AS "receivedAt", c.closed_at AS "closedAt",
       c.process_instance_key AS "processInstanceKey", c.created_by_client_id AS "createdByClientId",
       (SELECT json_build_object('name', p.name, 'phone', p.phone, 'email', p.email, 'erasedAt', p.erased_at)
          FROM complainant p WHERE p.complaint_id = c.id) AS contact,
       (SELECT coalesce(json_agg(json_build_object('id', e.id, 'filename', e.filename,
                 'contentType', e.content_type, 'sizeBytes', e.size_bytes, 'sha256', e.sha256,
                 'addedAt', e.added_at) ORDER BY e.added_at, e.filename), '[]')
          FROM evidence e WHERE e.complaint_id = c.id) AS evidence,
       (SELECT coalesce(json_agg(json_build_object('type', h.type, 'actor', h.actor,
                 'occurredAt', h.occurred_at) ORDER BY h.occurred_at, h.id), '[]')
          FROM complaint_event h WHERE h.complaint_id = c.id) AS history,
       (SELECT coalesce(json_agg(json_build_object('deadline', b.deadline, 'dueAt', b.due_at,
                 'escalationLevel', b.escalation_level) ORDER BY b.breached_at, b.idempotency_key), '[]')
          FROM deadline_breach b WHERE b.complaint_id = c.id) AS breaches
  FROM complaint c
 WHERE c.number = $1`;

/** Timestamps inside JSON arrive as ISO text. */
type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

interface DetailsRow extends Omit<DetailedComplaint, 'lossAmount'> {
  readonly lossAmount: string | null;
  readonly contact: Json<NonNullable<ComplaintDetails['contact']>> | null;
  readonly evidence: Array<Json<ComplaintDetails['evidence'][number]>>;
  readonly history: Array<Json<ComplaintDetails['history'][number]>>;
  readonly breaches: Array<Json<ComplaintDetails['breaches'][number]>>;
}

/** What `GET /api/complaints/{number}` shows, read in one statement. */
export class ComplaintDetailsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The complaint numbered `complaintNumber` with its complainant, evidence, history and breaches. */
  async findByNumber(complaintNumber: string): Promise<ComplaintDetails | null> {
    const [row] = await preparedQuery<DetailsRow>(this.manager, DETAILS, [complaintNumber]);
    if (!row) return null;
    const { contact, evidence, history, breaches, lossAmount, ...complaint } = row;
    return {
      complaint: { ...complaint, lossAmount: numericToNumber.from(lossAmount) as number | null },
      contact: contact && {
        ...contact,
        erasedAt: contact.erasedAt === null ? null : new Date(contact.erasedAt),
      },
      evidence: evidence.map((e) => ({ ...e, addedAt: new Date(e.addedAt) })),
      history: history.map((h) => ({ ...h, occurredAt: new Date(h.occurredAt) })),
      breaches: breaches.map((b) => ({ ...b, dueAt: new Date(b.dueAt) })),
    };
  }
}
