import { Type } from 'typebox';
import { actors } from '../db/repositories/complaint-events.repository';
import { ComplaintsRepository } from '../db/repositories/complaints.repository';
import { defineWorker } from './runtime/define-worker';
import { complete, JobDataError } from './runtime/job-outcome';
import { inTransaction } from './support/job-data';
import { recordStepOnce } from './support/step-record';
import { complaintRef } from './support/variables';

const JOB_TYPE = 'register-complaint';

/**
 * First step of the lifecycle (DOMAIN §3.1: the complaint is in the record table): notes on the
 * complaint the process instance that handles it, moves it into review and hands the process the
 * intake facts the later steps decide on. The record was stored by the intake before the process
 * started; a complaint that is missing, or is already handled by another instance, is an incident.
 */
export const registerComplaintWorker = defineWorker({
  jobType: JOB_TYPE,
  variables: Type.Object(complaintRef),
  async handle(job) {
    const { complaintId } = job.variables;
    const now = job.deps.now();
    return inTransaction(job, async (manager) => {
      const complaints = new ComplaintsRepository(manager);
      const complaint = await complaints.getById(complaintId);
      if (!(await complaints.markProcessStarted(complaintId, job.processInstanceKey, now))) {
        throw new JobDataError(
          `complaint ${complaint.number} is already handled by process instance ${complaint.processInstanceKey}; cancel this instance`,
        );
      }
      const variables = {
        receivedAt: complaint.receivedAt.toISOString(),
        channel: complaint.channel,
        source: complaint.source,
        language: complaint.language,
        lossAmount: complaint.lossAmount,
      };
      const step = await recordStepOnce(
        manager,
        job.effectKey,
        {
          complaintId,
          type: 'process_started',
          actor: actors.worker(JOB_TYPE),
          occurredAt: now,
          data: { processInstanceKey: job.processInstanceKey },
          variables,
        },
        () => complaints.changeState(complaintId, 'in_review', now),
      );
      return complete(step.variables);
    });
  },
});
