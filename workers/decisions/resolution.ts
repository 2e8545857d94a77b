import { Type } from 'typebox';
import { ComplaintsRepository } from '../../db/repositories/complaints.repository';
import { REMEDIES } from '../../domain/vocabulary';
import { instantOf, oneOf } from '../support/variables';
import { decisionVariables, type DecisionRecorder } from './decision';

const Proposal = Type.Object({
  remedy: oneOf(REMEDIES),
  remedyAmount: Type.Number({ minimum: 0 }),
  remedyDeadline: Type.Optional(Type.String()),
  remedyDescription: Type.String({ minLength: 1 }),
});

const Approval = Type.Object({
  approvalDecision: oneOf(['approve', 'send_back'] as const),
  approvalComment: Type.Optional(Type.String()),
  approvalLevel: Type.Optional(Type.String()),
});

const CarryOut = Type.Object({ resolutionCarriedOutAt: Type.String({ minLength: 1 }) });

/** The element of the user task that carries out the final remedy of an upheld appeal. */
const FINAL_REMEDY_TASK = 'Task_CarryOutFinalRemedy';

const nothing = async () => undefined;

/** The department's proposed resolution: remedy, amount, deadline (000 三.5; 002 三.4). */
export const recordProposal: DecisionRecorder = async ({ variables }) => {
  const proposal = decisionVariables(Proposal, variables, 'proposal');
  return { type: 'resolution_proposed', data: { ...proposal }, effect: nothing };
};

/** The manager's approval, or the proposal sent back with a comment (000 三.6). */
export const recordApproval: DecisionRecorder = async ({ variables }) => {
  const approval = decisionVariables(Approval, variables, 'approval');
  return {
    type: approval.approvalDecision === 'approve' ? 'resolution_approved' : 'resolution_sent_back',
    data: {
      decision: approval.approvalDecision,
      comment: approval.approvalComment ?? null,
      level: approval.approvalLevel ?? null,
    },
    effect: nothing,
  };
};

/**
 * The resolution carried out (000 三.7): the complaint then awaits the customer's answer to the
 * result; after the final remedy of an upheld appeal it goes on to the follow-up.
 */
export const recordCarryOut: DecisionRecorder = async ({
  manager,
  complaintId,
  variables,
  taskElementId,
  now,
}) => {
  const { resolutionCarriedOutAt } = decisionVariables(CarryOut, variables, 'carry_out');
  const final = taskElementId === FINAL_REMEDY_TASK;
  const complaints = new ComplaintsRepository(manager);
  return {
    type: 'resolution_carried_out',
    data: {
      carriedOutAt: instantOf(resolutionCarriedOutAt, 'resolutionCarriedOutAt').toISOString(),
      finalRemedy: final,
    },
    effect: () => complaints.changeState(complaintId, final ? 'follow_up' : 'awaiting_customer', now),
  };
};
