import { Type } from 'typebox';
import { ClassificationRulesRepository } from '../db/repositories/classification-rules.repository';
import { actors } from '../db/repositories/complaint-events.repository';
import { ComplaintsRepository } from '../db/repositories/complaints.repository';
import { classifyComplaint } from '../domain/classify/classify-complaint';
import { defineWorker } from './runtime/define-worker';
import { complete } from './runtime/job-outcome';
import { inTransaction } from './support/job-data';
import { recordStepOnce } from './support/step-record';
import { complaintRef } from './support/variables';

const JOB_TYPE = 'classify-complaint';

/**
 * How far back the complainant's other complaints count as "repeat complaints" (001 4.2 raises
 * the priority of a repeat complainant; the seeds name no period).
 */
export const REPEAT_COMPLAINT_WINDOW_DAYS = 90;

/**
 * The complainant's recent complaints are counted up to this many: more say nothing new (the default
 * rules give their most points from 2), and a contact detail shared by thousands of complaints (a
 * switchboard number, a flood) costs no more to count than any other.
 */
export const REPEAT_COMPLAINTS_COUNTED_UP_TO = 100;

/**
 * Classifies the complaint (DOMAIN §2): category, sub-type, severity, priority, from its text, its
 * channel, the declared category, the claimed loss, media exposure and how many complaints the same
 * complainant sent recently, by the active classification rules. The record keeps the result, the
 * history its explanation (which keywords and cues decided).
 */
export const classifyComplaintWorker = defineWorker({
  jobType: JOB_TYPE,
  variables: Type.Object(complaintRef),
  async handle(job) {
    const { complaintId } = job.variables;
    const now = job.deps.now();
    return inTransaction(job, async (manager) => {
      const complaints = new ComplaintsRepository(manager);
      const { complaint, recentComplaintsByComplainant } = await complaints.loadForClassification(
        complaintId,
        { withinDays: REPEAT_COMPLAINT_WINDOW_DAYS, countUpTo: REPEAT_COMPLAINTS_COUNTED_UP_TO, now },
      );
      const rules = await new ClassificationRulesRepository(manager).findActiveClassificationRules();
      const result = classifyComplaint(rules, {
        text: [complaint.subject, complaint.description, complaint.request].filter(Boolean).join('\n'),
        channel: complaint.channel,
        declaredCategory: complaint.declaredCategory,
        lossAmount: complaint.lossAmount,
        recentComplaints: recentComplaintsByComplainant,
        mediaExposure: complaint.mediaExposure,
      });
      const { explanation, confident, ...variables } = result;
      const step = await recordStepOnce(
        manager,
        job.effectKey,
        {
          complaintId,
          type: 'classified',
          actor: actors.worker(JOB_TYPE),
          occurredAt: now,
          data: { confident, recentComplaints: recentComplaintsByComplainant, explanation },
          variables,
        },
        () => complaints.recordClassification(complaintId, { ...variables, explanation }, now),
      );
      if (!confident) job.log.info({ category: result.category }, 'classification not confident: check it');
      return complete(step.variables);
    });
  },
});
