import { Type } from 'typebox';
import { ComplaintsRepository } from '../../db/repositories/complaints.repository';
import { APPEAL_DECISIONS, REMEDIES } from '../../domain/vocabulary';
import { oneOf } from '../support/variables';
import { decisionVariables, type DecisionRecorder } from './decision';

const CustomerResponse = Type.Object({
  customerResponse: Type.String({ minLength: 1 }),
  appealReason: Type.Optional(Type.String()),
});

const Appeal = Type.Object({
  appealDecision: oneOf(APPEAL_DECISIONS),
  finalRemedy: Type.Optional(oneOf(REMEDIES)),
  finalRemedyAmount: Type.Optional(Type.Number({ minimum: 0 })),
  finalDecisionText: Type.String({ minLength: 1 }),
});

/**
 * The customer's answer to the result (001 第八条.4-5): an appeal goes to the complaint centre's
 * review; any other answer is acceptance, and the complaint goes on to the follow-up.
 */
export const recordCustomerResponse: DecisionRecorder = async ({ manager, complaintId, variables, now }) => {
  const answer = decisionVariables(CustomerResponse, variables, 'customer_response');
  const appeal = answer.customerResponse === 'appeal';
  const complaints = new ComplaintsRepository(manager);
  return {
    type: 'customer_responded',
    data: {
      response: appeal ? 'appeal' : 'accept',
      answered: answer.customerResponse,
      appealReason: appeal ? (answer.appealReason ?? null) : null,
    },
    effect: () => complaints.changeState(complaintId, appeal ? 'appeal_review' : 'follow_up', now),
  };
};

/**
 * The complaint centre's final decision on an appeal (001 第八条.5): upheld, the final remedy is
 * carried out next; rejected, the resolution stands and the complaint goes on to the follow-up.
 */
export const recordAppeal: DecisionRecorder = async ({ manager, complaintId, variables, now }) => {
  const appeal = decisionVariables(Appeal, variables, 'appeal');
  const upheld = appeal.appealDecision === 'upheld';
  const complaints = new ComplaintsRepository(manager);
  return {
    type: 'appeal_decided',
    data: {
      decision: appeal.appealDecision,
      finalRemedy: upheld ? (appeal.finalRemedy ?? null) : null,
      finalRemedyAmount: upheld ? (appeal.finalRemedyAmount ?? null) : null,
      finalDecisionText: appeal.finalDecisionText,
    },
    effect: () => complaints.changeState(complaintId, upheld ? 'resolving' : 'follow_up', now),
  };
};
