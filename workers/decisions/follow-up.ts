import { Type } from 'typebox';
import { SatisfactionRepository } from '../../db/repositories/satisfaction.repository';
import { decisionVariables, type DecisionRecorder } from './decision';

const FollowUp = Type.Object({
  resolved: Type.Optional(Type.Boolean()),
  satisfaction: Type.Integer({ minimum: 1, maximum: 5 }),
  followUpComment: Type.Optional(Type.String()),
});

/**
 * The follow-up visit (002 三.6; 004 四): was the problem resolved, how satisfied is the customer
 * (1–5). Kept as a follow-up result (satisfaction) for the analysis, and in the history.
 */
export const recordFollowUp: DecisionRecorder = async ({
  manager,
  complaintId,
  variables,
  actor,
  effectKey,
  now,
}) => {
  const visit = decisionVariables(FollowUp, variables, 'follow_up');
  const resolved = visit.resolved ?? false;
  return {
    type: 'followed_up',
    data: { resolved, satisfaction: visit.satisfaction, comment: visit.followUpComment ?? null },
    effect: async () => {
      await new SatisfactionRepository(manager).recordFollowUp({
        complaintId,
        resolved,
        score: visit.satisfaction,
        comment: visit.followUpComment ?? null,
        visitedAt: now,
        visitedBy: actor,
        idempotencyKey: effectKey,
      });
    },
  };
};
