import type { CamundaRestClient } from '@camunda8/sdk';
import { Type } from 'typebox';
import { actors } from '../db/repositories/complaint-events.repository';
import { ComplaintsRepository } from '../db/repositories/complaints.repository';
import type { Logger } from '../lib/logger';
import { recordAppeal, recordCustomerResponse } from './decisions/customer';
import type { DecisionRecorder } from './decisions/decision';
import { recordFollowUp } from './decisions/follow-up';
import { recordInvestigation, ResponsiblePerson } from './decisions/investigation';
import { recordApproval, recordCarryOut, recordProposal } from './decisions/resolution';
import { recordReview } from './decisions/review';
import { defineWorker } from './runtime/define-worker';
import { complete } from './runtime/job-outcome';
import { inTransaction } from './support/job-data';
import { recordStepOnce } from './support/step-record';
import { lastCompletedTask, type UserTaskView } from './support/user-tasks';
import { complaintRef, oneOf, optional } from './support/variables';

const JOB_TYPE = 'record-decision';

/** The decisions of the lifecycle, each recorded after its user task (or the customer's message). */
export const DECISIONS = [
  'review',
  'investigation',
  'proposal',
  'approval',
  'carry_out',
  'customer_response',
  'appeal',
  'follow_up',
] as const;
export type DecisionKind = (typeof DECISIONS)[number];

/** The user task(s) each decision is made in; the customer answers by message, in none. */
const DECIDED_IN: Readonly<Record<DecisionKind, readonly string[]>> = {
  review: ['Task_ReviewValidity'],
  investigation: ['Task_Investigate'],
  proposal: ['Task_ProposeResolution'],
  approval: ['Task_ApproveResolution'],
  carry_out: ['Task_CarryOutResolution', 'Task_CarryOutFinalRemedy'],
  customer_response: [],
  appeal: ['Task_ReviewAppeal'],
  follow_up: ['Task_FollowUpVisit'],
};

const RECORDERS: Readonly<Record<DecisionKind, DecisionRecorder>> = {
  review: recordReview,
  investigation: recordInvestigation,
  proposal: recordProposal,
  approval: recordApproval,
  carry_out: recordCarryOut,
  customer_response: recordCustomerResponse,
  appeal: recordAppeal,
  follow_up: recordFollowUp,
};

/** The variables of every decision (processes/README.md); each recorder checks those it needs. */
const DECISION_VARIABLES = {
  ...Object.fromEntries(
    [
      'reviewOutcome',
      'reviewReason',
      'preliminaryReply',
      'facts',
      'rootCause',
      'responsibility',
      'remedy',
      'remedyDeadline',
      'remedyDescription',
      'approvalDecision',
      'approvalComment',
      'approvalLevel',
      'resolutionCarriedOutAt',
      'customerResponse',
      'appealReason',
      'appealDecision',
      'finalRemedy',
      'finalDecisionText',
      'followUpComment',
    ].map((name) => [name, optional(Type.String())]),
  ),
  responsibleStaff: optional(Type.Array(ResponsiblePerson)),
  lossAmount: optional(Type.Number()),
  remedyAmount: optional(Type.Number()),
  finalRemedyAmount: optional(Type.Number()),
  resolved: optional(Type.Boolean()),
  satisfaction: optional(Type.Number()),
};

/**
 * Records what a person decided — the initial review, the investigation, the proposal, the
 * approval, the carrying out, the customer's answer, the appeal decision, the follow-up — in the
 * complaint's history and on its record, with who decided: the assignee of the user task just
 * completed (looked up through the REST API), or the customer for their answer (000 三.1 the
 * record table; 002 三.7 the archive).
 */
export const recordDecisionWorker = defineWorker({
  jobType: JOB_TYPE,
  variables: Type.Object({ ...complaintRef, ...DECISION_VARIABLES }),
  headers: Type.Object({ decision: oneOf(DECISIONS) }),
  async handle(job) {
    const { complaintId } = job.variables;
    const { decision } = job.headers;
    const task = await decidedIn(job.deps.rest, job.processInstanceKey, decision);
    const actor = actorOf(task, job.log);
    const now = job.deps.now();
    return inTransaction(job, async (manager) => {
      await new ComplaintsRepository(manager).getById(complaintId);
      const record = await RECORDERS[decision]({
        manager,
        complaintId,
        variables: job.variables,
        taskElementId: task?.elementId ?? null,
        actor,
        effectKey: job.effectKey,
        now,
      });
      const decidedBy = task ? { userTaskKey: task.userTaskKey, elementId: task.elementId } : {};
      await recordStepOnce(
        manager,
        job.effectKey,
        {
          complaintId,
          type: record.type,
          actor,
          occurredAt: now,
          data: { decision, ...record.data, ...decidedBy },
        },
        record.effect,
      );
      return complete();
    });
  },
});

/** The user task the decision was made in: the last one completed of its elements (null for the customer). */
async function decidedIn(
  rest: Pick<CamundaRestClient, 'searchUserTasks'>,
  processInstanceKey: string,
  decision: DecisionKind,
): Promise<UserTaskView | null> {
  const elements = DECIDED_IN[decision];
  return elements.length === 0 ? null : lastCompletedTask(rest, processInstanceKey, elements);
}

function actorOf(task: UserTaskView | null, log: Logger): string {
  if (!task) return 'customer';
  if (task.assignee) return actors.staff(task.assignee);
  log.warn({ userTaskKey: task.userTaskKey }, 'the user task was completed without an assignee');
  return 'unassigned';
}
