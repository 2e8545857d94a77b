import { Type } from 'typebox';
import type { Complaint } from '../db/entities/complaint.entity';
import { CalendarsRepository } from '../db/repositories/calendars.repository';
import { actors } from '../db/repositories/complaint-events.repository';
import { ComplaintsRepository } from '../db/repositories/complaints.repository';
import { DeadlineSettingsRepository } from '../db/repositories/deadline-settings.repository';
import { calendarCovers } from '../domain/calendar/working-calendar';
import { computeDeadline, type DeadlineSetting, deadlineVariableStem } from '../domain/deadlines';
import { DEADLINES } from '../domain/vocabulary';
import { defineWorker } from './runtime/define-worker';
import { complete } from './runtime/job-outcome';
import { inTransaction } from './support/job-data';
import { recordStepOnce } from './support/step-record';
import { complaintRef, instantOf, oneOf, optional } from './support/variables';

const JOB_TYPE = 'compute-deadline';

/**
 * Computes one deadline of the lifecycle (DOMAIN §3: 24 h review, 48 h preliminary reply, 24 h
 * investigation, 48 h result, the appeal window, one week to the follow-up) in business time on the
 * default working calendar, from the moment its setting counts from: receipt for the review and
 * the preliminary reply; now (routing, the end of the investigation, the notice of the result) for
 * the others; the moment the resolution was carried out for the follow-up. Writes
 * `<deadline>DueAt` / `<deadline>EscalateAt`, or `appealDeadline` for the appeal window.
 */
export const computeDeadlineWorker = defineWorker({
  jobType: JOB_TYPE,
  variables: Type.Object({ ...complaintRef, resolutionCarriedOutAt: optional(Type.String()) }),
  headers: Type.Object({ deadline: oneOf(DEADLINES) }),
  async handle(job) {
    const { complaintId, resolutionCarriedOutAt } = job.variables;
    const { deadline } = job.headers;
    const now = job.deps.now();
    return inTransaction(job, async (manager) => {
      const complaint = await new ComplaintsRepository(manager).getById(complaintId);
      const calendar = await new CalendarsRepository(manager).loadDefaultCalendar();
      const settings = await new DeadlineSettingsRepository(manager).loadDeadlineSettings();
      const setting = settings[deadline];
      const from = startOf(setting, complaint, now, resolutionCarriedOutAt ?? null, calendar.timeZone);
      const { dueAt, escalateAt } = computeDeadline(settings, calendar, deadline, from);
      const uncovered = [from, dueAt, ...(escalateAt ? [escalateAt] : [])].filter(
        (at) => !calendarCovers(calendar, at),
      );
      if (uncovered.length > 0) {
        job.log.warn(
          { deadline, calendar: calendar.id, years: calendar.years, dueAt },
          `deadline ${deadline} falls outside the years whose holidays calendar "${calendar.id}" lists (${calendar.years.join(', ')}): only weekends were skipped; add the holidays of that year`,
        );
      }
      const stem = deadlineVariableStem(deadline);
      const variables =
        deadline === 'appeal_window'
          ? { appealDeadline: dueAt }
          : { [`${stem}DueAt`]: dueAt, [`${stem}EscalateAt`]: escalateAt };
      const step = await recordStepOnce(manager, job.effectKey, {
        complaintId,
        type: 'deadline_set',
        actor: actors.worker(JOB_TYPE),
        occurredAt: now,
        data: {
          deadline,
          from: from.toISOString(),
          ...setting,
          dueAt,
          escalateAt,
          calendar: calendar.id,
          calendarCovered: uncovered.length === 0,
        },
        variables,
      });
      return complete(step.variables);
    });
  },
});

/** The moment a deadline counts from, as its setting says (`startsFrom`). */
function startOf(
  setting: DeadlineSetting,
  complaint: Complaint,
  now: Date,
  resolutionCarriedOutAt: string | null,
  zone: string,
): Date {
  switch (setting.startsFrom) {
    case 'received':
      return complaint.receivedAt;
    case 'resolution_carried_out':
      return resolutionCarriedOutAt ? instantOf(resolutionCarriedOutAt, 'resolutionCarriedOutAt', zone) : now;
    default:
      return now;
  }
}
