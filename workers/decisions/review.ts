import { Type } from 'typebox';
import { ComplaintsRepository } from '../../db/repositories/complaints.repository';
import { type ComplaintState, REVIEW_OUTCOMES, type ReviewOutcome } from '../../domain/vocabulary';
import { oneOf } from '../support/variables';
import { decisionVariables, type DecisionRecorder } from './decision';

const Review = Type.Object({
  reviewOutcome: oneOf(REVIEW_OUTCOMES),
  reviewReason: Type.String({ minLength: 1 }),
  preliminaryReply: Type.Optional(Type.String()),
});

/** Where the complaint goes after the initial review: on to routing, or closed as invalid or false. */
const STATE_AFTER: Readonly<Record<ReviewOutcome, ComplaintState>> = {
  valid: 'investigating',
  invalid: 'invalid',
  malicious: 'malicious',
};

/**
 * The initial review (000 三.2; 001 第七、十一条): is the complaint valid? A malicious or false
 * complaint is flagged as such on the record.
 */
export const recordReview: DecisionRecorder = async ({ manager, complaintId, variables, now }) => {
  const review = decisionVariables(Review, variables, 'review');
  const complaints = new ComplaintsRepository(manager);
  return {
    type: 'reviewed',
    data: {
      outcome: review.reviewOutcome,
      reason: review.reviewReason,
      preliminaryReply: review.preliminaryReply ?? null,
    },
    effect: async () => {
      await complaints.recordReview(
        complaintId,
        { outcome: review.reviewOutcome, reason: review.reviewReason },
        now,
      );
      await complaints.changeState(complaintId, STATE_AFTER[review.reviewOutcome], now);
    },
  };
};
