import { Type } from 'typebox';
import { actors, ComplaintEventsRepository } from '../db/repositories/complaint-events.repository';
import { ComplaintsRepository } from '../db/repositories/complaints.repository';
import { CUSTOMER_TEMPLATES } from '../notifications/template-keys';
import { defineWorker } from './runtime/define-worker';
import { bpmnError, complete } from './runtime/job-outcome';
import { inTransaction } from './support/job-data';
import { customerRecipient, enqueueNotice } from './support/notify';
import { complaintRef, oneOf, optional } from './support/variables';

const JOB_TYPE = 'notify-customer';

/** The process variables the customer notices quote (processes/README.md, notifications/README.md). */
const noticeVariables = {
  preliminaryReplyDueAt: optional(Type.String()),
  preliminaryReply: optional(Type.String()),
  reviewReason: optional(Type.String()),
  remedy: optional(Type.String()),
  remedyDescription: optional(Type.String()),
  appealDeadline: optional(Type.String()),
  appealDecision: optional(Type.String()),
  finalDecisionText: optional(Type.String()),
};

/**
 * Tells the complainant where their complaint stands (DOMAIN §3: acknowledgement with its number,
 * preliminary reply, the answer to an invalid or false complaint, the result with the appeal
 * deadline, the final decision, the withdrawal), in their language, through the outbox: by e-mail
 * and/or the integrator's callback. A complainant with neither is unreachable: the notice goes to the
 * log and the BPMN error CUSTOMER_UNREACHABLE lets the complaint centre reach them another way.
 */
export const notifyCustomerWorker = defineWorker({
  jobType: JOB_TYPE,
  variables: Type.Object({ ...complaintRef, ...noticeVariables }),
  headers: Type.Object({ template: oneOf(CUSTOMER_TEMPLATES) }),
  bpmnErrors: ['CUSTOMER_UNREACHABLE'],
  async handle(job) {
    const { complaintId, complaintNumber: _number, ...values } = job.variables;
    const { template } = job.headers;
    const now = job.deps.now();
    return inTransaction(job, async (manager) => {
      const complaint = await new ComplaintsRepository(manager).getById(complaintId);
      const notice = await enqueueNotice(manager, job.deps, {
        template,
        language: complaint.language,
        available: {
          ...values,
          complaintNumber: complaint.number,
          receivedAt: complaint.receivedAt,
          withdrawnAt: now,
        },
        recipient: await customerRecipient(manager, complaint),
        complaint,
        idempotencyKey: job.effectKey,
      });
      await new ComplaintEventsRepository(manager).recordEvent({
        complaintId,
        type: notice.reachable ? 'customer_notified' : 'customer_unreachable',
        actor: actors.worker(JOB_TYPE),
        occurredAt: now,
        data: { template, notificationId: notice.notificationId, transports: notice.transports },
        idempotencyKey: job.effectKey,
      });
      if (notice.reachable) return complete();
      return bpmnError(
        'CUSTOMER_UNREACHABLE',
        `complaint ${complaint.number}: the complainant left no e-mail address and no callback URL; the ${template} notice went to the log only`,
      );
    });
  },
});
