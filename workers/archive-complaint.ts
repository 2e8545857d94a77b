import { Type } from 'typebox';
import { CalendarsRepository } from '../db/repositories/calendars.repository';
import { actors, ComplaintEventsRepository } from '../db/repositories/complaint-events.repository';
import { ComplaintMetricsRepository } from '../db/repositories/complaint-metrics.repository';
import { ComplaintsRepository } from '../db/repositories/complaints.repository';
import { DeadlineBreachesRepository } from '../db/repositories/deadline-breaches.repository';
import { SatisfactionRepository } from '../db/repositories/satisfaction.repository';
import { defineWorker } from './runtime/define-worker';
import { complete } from './runtime/job-outcome';
import { ARCHIVE_OUTCOMES, closingMetrics } from './support/closing-metrics';
import { inTransaction } from './support/job-data';
import { recordStepOnce } from './support/step-record';
import { complaintRef, oneOf, optional } from './support/variables';

const JOB_TYPE = 'archive-complaint';

/**
 * Archives the complaint (000 二.第四; 002 三.7): closes the record in its final state (closed,
 * invalid, malicious, withdrawn) and keeps its closing metrics — the time each step took, the
 * deadlines met and breached, the customer's satisfaction — for the analysis (DOMAIN §4).
 */
export const archiveComplaintWorker = defineWorker({
  jobType: JOB_TYPE,
  variables: Type.Object({ ...complaintRef, withdrawalReason: optional(Type.String()) }),
  headers: Type.Object({ outcome: oneOf(ARCHIVE_OUTCOMES) }),
  async handle(job) {
    const { complaintId, withdrawalReason } = job.variables;
    const { outcome } = job.headers;
    const now = job.deps.now();
    return inTransaction(job, async (manager) => {
      const complaints = new ComplaintsRepository(manager);
      const complaint = await complaints.getById(complaintId);
      const followUp = await new SatisfactionRepository(manager).findLatestFollowUp(complaintId);
      const metrics = closingMetrics({
        complaintId,
        outcome,
        receivedAt: complaint.receivedAt,
        closedAt: now,
        calendar: await new CalendarsRepository(manager).loadDefaultCalendar(),
        history: await new ComplaintEventsRepository(manager).listHistory(complaintId),
        breaches: await new DeadlineBreachesRepository(manager).listBreachesForComplaint(complaintId),
        followUp,
      });
      const { steps: _steps, deadlines: _deadlines, ...summary } = metrics;
      await recordStepOnce(
        manager,
        job.effectKey,
        {
          complaintId,
          type: 'archived',
          actor: actors.worker(JOB_TYPE),
          occurredAt: now,
          data: { ...summary, withdrawalReason: outcome === 'withdrawn' ? (withdrawalReason ?? null) : null },
        },
        async () => {
          await complaints.changeState(complaintId, outcome, now);
          await new ComplaintMetricsRepository(manager).recordClosingMetrics(metrics);
        },
      );
      return complete();
    });
  },
});
