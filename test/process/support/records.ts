import type { Complaint } from '../../../db/entities/complaint.entity';
import type { Notification } from '../../../db/entities/notification.entity';
import { ComplaintMetricsRepository } from '../../../db/repositories/complaint-metrics.repository';
import { ComplaintEventsRepository } from '../../../db/repositories/complaint-events.repository';
import { ComplaintsRepository } from '../../../db/repositories/complaints.repository';
import { DeadlineBreachesRepository } from '../../../db/repositories/deadline-breaches.repository';
import { PenaltiesRepository } from '../../../db/repositories/penalties.repository';
import type { ComplaintState } from '../../../domain/vocabulary';
import { beijing } from './calendar';
import { type FiledComplaint } from './complaints';
import { type Harness } from './harness';
import { NotYet, waitUntil } from './wait';

/** The complaint's record as it stands. */
export function record(h: Harness, complaint: FiledComplaint): Promise<Complaint> {
  return new ComplaintsRepository(h.db.manager).getById(complaint.complaintId);
}

/** Waits until the record is in `state` (the workers keep it). */
export async function waitForState(
  h: Harness,
  complaint: FiledComplaint,
  state: ComplaintState,
): Promise<Complaint> {
  return waitUntil(`complaint ${complaint.complaintNumber} to be ${state}`, async () => {
    const current = await record(h, complaint);
    if (current.state !== state) throw new NotYet(`it is ${current.state}`);
    return current;
  });
}

/** One step of the history: what happened, who did it, what was decided. */
export interface Step {
  readonly type: string;
  readonly actor: string;
  readonly data: Record<string, unknown>;
}

/** The complaint's history, oldest first. */
export async function history(h: Harness, complaint: FiledComplaint): Promise<Step[]> {
  const events = await new ComplaintEventsRepository(h.db.manager).listHistory(complaint.complaintId);
  return events.map(({ type, actor, data }) => ({ type, actor, data }));
}

/** The penalties booked for the complaint: who, why, how much. */
export async function penalties(h: Harness, complaint: FiledComplaint) {
  const booked = await new PenaltiesRepository(h.db.manager).listPenaltiesForComplaint(complaint.complaintId);
  return booked.map(({ staffId, kind, share, amount }) => ({ staffId, kind, share, amount }));
}

/** The deadlines the complaint missed: which, when it was due (Beijing time), who held the task. */
export async function breaches(h: Harness, complaint: FiledComplaint) {
  const found = await new DeadlineBreachesRepository(h.db.manager).listBreachesForComplaint(
    complaint.complaintId,
  );
  return found.map((b) => ({
    deadline: b.deadline,
    escalationLevel: b.escalationLevel,
    dueAt: beijing(b.dueAt),
    heldByStaffId: b.heldByStaffId,
    heldByGroup: b.heldByGroup,
  }));
}

/**
 * The notifications enqueued for the complaint (the outbox), oldest first; those of the same instant
 * (the engine clock stands still between moves) in the order of the steps that enqueued them, which
 * record the notification's id in the history.
 */
export async function notifications(h: Harness, complaint: FiledComplaint) {
  const rows: Array<
    Pick<Notification, 'audience' | 'recipientGroup' | 'subject' | 'body'> & { template: string }
  > = await h.db.query(
    `SELECT n.template_key AS template, n.audience, n.recipient_group AS "recipientGroup", n.subject, n.body
         FROM notification n
        WHERE n.complaint_id = $1
        ORDER BY n.created_at,
                 (SELECT min(e.id) FROM complaint_event e
                   WHERE e.complaint_id = n.complaint_id AND e.data ->> 'notificationId' = n.id::text) NULLS LAST,
                 n.template_key`,
    [complaint.complaintId],
  );
  return rows;
}

/** The templates of the notifications enqueued, in order: what the customer and staff were told. */
export async function notified(h: Harness, complaint: FiledComplaint): Promise<string[]> {
  return (await notifications(h, complaint)).map((n) => n.template);
}

/** How the complaint's process instance stands: ACTIVE, COMPLETED or TERMINATED. */
export async function instanceState(h: Harness, complaint: FiledComplaint): Promise<string> {
  const found = await h.t.rest.searchProcessInstances({
    filter: { processInstanceKey: complaint.processInstanceKey },
  });
  return found.items[0]?.state ?? 'UNKNOWN';
}

/** The closing metrics the archive kept (null before the complaint is archived). */
export function closingMetrics(h: Harness, complaint: FiledComplaint) {
  return new ComplaintMetricsRepository(h.db.manager).findClosingMetrics(complaint.complaintId);
}
