import type { Complainant } from '../../db/entities/complainant.entity';
import type { Complaint } from '../../db/entities/complaint.entity';
import { maskEmail, maskName, maskPhone } from '../../domain/personal-data';
import type { Static } from 'typebox';
import type { ComplaintSummary, TaskComplaint, TaskItem } from '../schemas/tasks';
import type { UserTaskFound } from './list-open-tasks';

/** A user task as the inbox lists it, with the complaint it is about (null when no record names its instance). */
export function taskItemOf(
  task: UserTaskFound,
  formId: string | null,
  complaint: Complaint | null,
): TaskItem {
  return {
    userTaskKey: task.userTaskKey,
    elementId: task.elementId,
    name: task.name,
    state: task.state,
    candidateGroups: task.candidateGroups ?? [],
    assignee: task.assignee ?? null,
    dueDate: task.dueDate ?? null,
    priority: task.priority,
    formId,
    processInstanceKey: task.processInstanceKey,
    complaintNumber: complaint?.number ?? null,
    complaint: complaint ? complaintSummaryOf(complaint) : null,
  };
}

export function complaintSummaryOf(complaint: Complaint): Static<typeof ComplaintSummary> {
  return {
    number: complaint.number,
    subject: complaint.subject,
    category: complaint.category,
    subType: complaint.subType,
    severity: complaint.severity,
    state: complaint.state,
    receivedAt: complaint.receivedAt.toISOString(),
  };
}

/**
 * The complaint in full beside its task. Contact details are masked unless the caller needs them
 * (DOMAIN §1: only those who need it see them; `seesContactDetails`).
 */
export function taskComplaintOf(
  complaint: Complaint,
  complainant: Complainant | null,
  unmasked: boolean,
): Static<typeof TaskComplaint> {
  return {
    ...complaintSummaryOf(complaint),
    description: complaint.description,
    request: complaint.request,
    channel: complaint.channel,
    lossAmount: complaint.lossAmount,
    contactDetailsMasked: !unmasked,
    complainant: complainant && {
      name: unmasked || complainant.erasedAt ? complainant.name : maskName(complainant.name),
      phone: complainant.phone && (unmasked ? complainant.phone : maskPhone(complainant.phone)),
      email: complainant.email && (unmasked ? complainant.email : maskEmail(complainant.email)),
      organisation: complainant.organisation,
    },
  };
}
