import { type Static, Type } from 'typebox';
import type { EntityManager } from 'typeorm';
import { ApprovalThresholdsRepository } from '../db/repositories/approval-thresholds.repository';
import { actors, ComplaintEventsRepository } from '../db/repositories/complaint-events.repository';
import { ComplaintsRepository } from '../db/repositories/complaints.repository';
import { DepartmentsRepository } from '../db/repositories/departments.repository';
import type { TemplateValue } from '../notifications/format';
import { defineWorker } from './runtime/define-worker';
import { complete, JobDataError } from './runtime/job-outcome';
import { centreGroups } from './support/groups';
import { inTransaction } from './support/job-data';
import { enqueueNotice, STAFF_LANGUAGE, staffRecipient } from './support/notify';
import { complaintRef, oneOf, optional } from './support/variables';

const JOB_TYPE = 'notify-staff';

/** The staff notices the diagram sends through this job (escalations and evidence have their own jobs). */
const TEMPLATES = ['department_assigned', 'report_to_leadership', 'unreachable'] as const;
type StaffNotice = (typeof TEMPLATES)[number];

const Variables = Type.Object({
  ...complaintRef,
  departmentId: optional(Type.String()),
  departmentGroup: optional(Type.String()),
  investigationDueAt: optional(Type.String()),
  remedy: optional(Type.String()),
  remedyAmount: optional(Type.Number()),
});

/**
 * Tells staff what they must act on: the department a complaint was routed to (DOMAIN §3.4), the
 * leadership an internal company problem (001 第九条.4), the complaint centre's agents a
 * complainant no notice reaches (they call them). In the outbox, to the group's members.
 */
export const notifyStaffWorker = defineWorker({
  jobType: JOB_TYPE,
  variables: Variables,
  headers: Type.Object({ template: oneOf(TEMPLATES) }),
  async handle(job) {
    const { complaintId } = job.variables;
    const { template } = job.headers;
    const now = job.deps.now();
    return inTransaction(job, async (manager) => {
      const complaint = await new ComplaintsRepository(manager).getById(complaintId);
      const { group, values } = await noticeFor(manager, template, job.variables, complaintId);
      const notice = await enqueueNotice(manager, job.deps, {
        template,
        language: STAFF_LANGUAGE,
        available: { ...values, complaintNumber: complaint.number },
        recipient: await staffRecipient(manager, group),
        complaint,
        idempotencyKey: job.effectKey,
      });
      await new ComplaintEventsRepository(manager).recordEvent({
        complaintId,
        type: template === 'unreachable' ? 'customer_unreachable_noted' : 'staff_notified',
        actor: actors.worker(JOB_TYPE),
        occurredAt: now,
        data: { template, group, notificationId: notice.notificationId, ...values },
        idempotencyKey: job.effectKey,
      });
      return complete();
    });
  },
});

type Values = Static<typeof Variables>;

/** Who gets the notice, and the values of its placeholders. */
async function noticeFor(
  manager: EntityManager,
  template: StaffNotice,
  variables: Values,
  complaintId: string,
): Promise<{ group: string; values: Record<string, TemplateValue> }> {
  switch (template) {
    case 'department_assigned': {
      const group = required(variables.departmentGroup, 'departmentGroup', template);
      const code = required(variables.departmentId, 'departmentId', template);
      const department = await new DepartmentsRepository(manager).findDepartmentByCode(code);
      if (!department) throw new JobDataError(`there is no department "${code}"`);
      return {
        group,
        values: { departmentName: department.name.zh, investigationDueAt: variables.investigationDueAt },
      };
    }
    case 'report_to_leadership': {
      const thresholds = await new ApprovalThresholdsRepository(manager).loadApprovalThresholds();
      return {
        group: centreGroups(thresholds).leadership,
        values: { remedy: variables.remedy, remedyAmount: variables.remedyAmount },
      };
    }
    case 'unreachable': {
      const thresholds = await new ApprovalThresholdsRepository(manager).loadApprovalThresholds();
      return {
        group: centreGroups(thresholds).agents,
        values: { notification: await lastUndeliverable(manager, complaintId) },
      };
    }
  }
}

/** The customer notice that last found the complainant unreachable (notify-customer records it). */
async function lastUndeliverable(manager: EntityManager, complaintId: string): Promise<string> {
  const history = await new ComplaintEventsRepository(manager).listHistory(complaintId);
  const last = history.filter((e) => e.type === 'customer_unreachable').pop();
  if (!last) throw new JobDataError('no customer notice of this complaint was found undeliverable');
  return String(last.data.template);
}

function required(value: string | null | undefined, name: string, template: string): string {
  if (!value) throw new JobDataError(`the ${template} notice needs the variable ${name}`);
  return value;
}
