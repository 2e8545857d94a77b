import type { CamundaRestClient } from '@camunda8/sdk';
import type { DataSource } from 'typeorm';
import type { Complaint } from '../../db/entities/complaint.entity';
import { ComplaintDetailsRepository } from '../../db/repositories/complaint-details.repository';
import { ComplaintsRepository } from '../../db/repositories/complaints.repository';
import { maskEmail, maskName, maskPhone } from '../../domain/personal-data';
import { FINAL_STATES } from '../../domain/vocabulary';
import { ConflictError, NotFoundError } from '../../lib/errors';
import { type Principal, seesContactDetails } from '../auth/principal';

/**
 * The complaint a caller may see, by number: an integrator only its own (another's is "not found",
 * so numbers reveal nothing), staff any.
 */
export async function complaintFor(db: DataSource, principal: Principal, number: string): Promise<Complaint> {
  const complaint = await new ComplaintsRepository(db.manager).findByNumber(number);
  if (!complaint || !isVisibleTo(principal, complaint)) notVisible(number);
  return complaint;
}

function isVisibleTo(principal: Principal, complaint: Pick<Complaint, 'createdByClientId'>): boolean {
  return principal.clientId === null || complaint.createdByClientId === principal.clientId;
}

function notVisible(number: string): never {
  throw new NotFoundError(`No complaint ${number} is visible to you.`, 'COMPLAINT_NOT_FOUND');
}

/** A complaint in a final state takes nothing more (409 COMPLAINT_FINISHED, saying `why`). */
export function refuseIfFinished(complaint: Complaint, why: string): void {
  if (FINAL_STATES.includes(complaint.state)) throw new ConflictError(why, 'COMPLAINT_FINISHED');
}

/**
 * `GET /api/complaints/{number}` for a caller who may see it (see `complaintFor`): the record, the
 * open steps with their due dates, the timeline.
 */
export async function complaintDetail(
  deps: { db: DataSource; rest: CamundaRestClient },
  principal: Principal,
  number: string,
) {
  const found = await new ComplaintDetailsRepository(deps.db.manager).findByNumber(number);
  if (!found || !isVisibleTo(principal, found.complaint)) notVisible(number);
  const { complaint, contact, evidence, history, breaches } = found;
  const openSteps = await currentSteps(deps.rest, complaint.processInstanceKey);
  const unmasked = seesContactDetails(principal);
  return {
    number: complaint.number,
    state: complaint.state,
    channel: complaint.channel,
    source: complaint.source,
    subject: complaint.subject,
    description: complaint.description,
    request: complaint.request,
    occurredAt: complaint.occurredAt?.toISOString() ?? null,
    location: complaint.location,
    declaredCategory: complaint.declaredCategory,
    category: complaint.category,
    subType: complaint.subType,
    severity: complaint.severity,
    priority: complaint.priority,
    nature: complaint.nature,
    reviewOutcome: complaint.reviewOutcome,
    department: complaint.departmentCode,
    lossAmount: complaint.lossAmount,
    currency: complaint.lossCurrency,
    mediaExposure: complaint.mediaExposure,
    language: complaint.language,
    receivedAt: complaint.receivedAt.toISOString(),
    closedAt: complaint.closedAt?.toISOString() ?? null,
    process: complaint.processInstanceKey ? 'started' : 'queued',
    complainant: contact && {
      name: unmasked || contact.erasedAt ? contact.name : maskName(contact.name),
      phone: contact.phone && (unmasked ? contact.phone : maskPhone(contact.phone)),
      email: contact.email && (unmasked ? contact.email : maskEmail(contact.email)),
      erased: contact.erasedAt !== null,
    },
    evidence: evidence.map((e) => ({
      id: e.id,
      filename: e.filename,
      contentType: e.contentType,
      sizeBytes: e.sizeBytes,
      sha256: e.sha256,
      addedAt: e.addedAt.toISOString(),
    })),
    currentSteps: openSteps,
    breaches: breaches.map((b) => ({
      deadline: b.deadline,
      dueAt: b.dueAt.toISOString(),
      escalatedTo: b.escalationLevel,
    })),
    timeline: history.map((event) => ({
      type: event.type,
      actor: principal.clientId !== null && event.actor.startsWith('staff:') ? 'staff' : event.actor,
      at: event.occurredAt.toISOString(),
    })),
  };
}

/** The user tasks open on the complaint's process: what is being done, by whom, due when. */
async function currentSteps(rest: CamundaRestClient, processInstanceKey: string | null) {
  if (!processInstanceKey) return [];
  const tasks = await rest.searchUserTasks({
    filter: { processInstanceKey, state: 'CREATED' },
    page: { from: 0, limit: 50 },
  } as Parameters<CamundaRestClient['searchUserTasks']>[0]);
  return tasks.items.map((task) => ({
    step: task.elementId,
    name: task.name ?? task.elementId,
    candidateGroups: task.candidateGroups ?? [],
    assigned: Boolean(task.assignee),
    dueAt: task.dueDate ?? null,
  }));
}
