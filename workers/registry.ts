import { archiveComplaintWorker } from './archive-complaint';
import { attachEvidenceWorker } from './attach-evidence';
import { calculatePenaltyWorker } from './calculate-penalty';
import { classifyComplaintWorker } from './classify-complaint';
import { computeDeadlineWorker } from './compute-deadline';
import { determineApprovalLevelWorker } from './determine-approval-level';
import { escalateOverdueWorker } from './escalate-overdue';
import { notifyCustomerWorker } from './notify-customer';
import { notifyStaffWorker } from './notify-staff';
import { recordDecisionWorker } from './record-decision';
import { registerComplaintWorker } from './register-complaint';
import { routeComplaintWorker } from './route-complaint';
import { type JobWorkerDefinition } from './runtime/define-worker';

/**
 * Every job worker of the application, one per job type of the deployed diagrams (a contract test
 * checks that the two sets are equal). Each lives in `workers/<job-type>.ts`.
 */
export const workerRegistry: readonly JobWorkerDefinition[] = [
  registerComplaintWorker,
  classifyComplaintWorker,
  computeDeadlineWorker,
  notifyCustomerWorker,
  notifyStaffWorker,
  recordDecisionWorker,
  routeComplaintWorker,
  determineApprovalLevelWorker,
  escalateOverdueWorker,
  calculatePenaltyWorker,
  attachEvidenceWorker,
  archiveComplaintWorker,
];
