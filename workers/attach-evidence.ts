import { Type } from 'typebox';
import { ApprovalThresholdsRepository } from '../db/repositories/approval-thresholds.repository';
import { actors } from '../db/repositories/complaint-events.repository';
import { ComplaintsRepository } from '../db/repositories/complaints.repository';
import { EvidenceRepository } from '../db/repositories/evidence.repository';
import { defineWorker } from './runtime/define-worker';
import { complete, JobDataError } from './runtime/job-outcome';
import { centreGroups } from './support/groups';
import { inTransaction } from './support/job-data';
import { enqueueNotice, STAFF_LANGUAGE, staffRecipient } from './support/notify';
import { recordStepOnce } from './support/step-record';
import { complaintRef, optional } from './support/variables';

const JOB_TYPE = 'attach-evidence';

/**
 * The complainant added evidence while the complaint is handled (001 第六条: evidence is part of a
 * complaint): the history notes it and whoever works on the complaint is told — the department once
 * it is routed, the complaint centre's agents before.
 */
export const attachEvidenceWorker = defineWorker({
  jobType: JOB_TYPE,
  variables: Type.Object({
    ...complaintRef,
    evidenceIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1 }),
    departmentGroup: optional(Type.String()),
  }),
  async handle(job) {
    const { complaintId, evidenceIds, departmentGroup } = job.variables;
    const now = job.deps.now();
    return inTransaction(job, async (manager) => {
      const complaint = await new ComplaintsRepository(manager).getById(complaintId);
      const found = await new EvidenceRepository(manager).findEvidenceByIds(complaintId, evidenceIds);
      const missing = evidenceIds.filter((id) => !found.some((e) => e.id === id));
      if (missing.length > 0) {
        throw new JobDataError(`complaint ${complaint.number} has no evidence ${missing.join(', ')}`);
      }
      const group =
        departmentGroup ??
        centreGroups(await new ApprovalThresholdsRepository(manager).loadApprovalThresholds()).agents;
      await recordStepOnce(
        manager,
        job.effectKey,
        {
          complaintId,
          type: 'evidence_attached',
          actor: actors.worker(JOB_TYPE),
          occurredAt: now,
          data: { evidenceIds: found.map((e) => e.id), count: found.length, notified: group },
        },
        async () => {
          await enqueueNotice(manager, job.deps, {
            template: 'evidence_added',
            language: STAFF_LANGUAGE,
            available: { complaintNumber: complaint.number, evidenceCount: found.length },
            recipient: await staffRecipient(manager, group),
            complaint,
            idempotencyKey: job.effectKey,
          });
        },
      );
      return complete();
    });
  },
});
