import { businessTimeBetween } from '../../domain/calendar/business-time';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar';
import type { Deadline } from '../../domain/vocabulary';
import type {
  ClosingMetrics,
  ClosingOutcome,
  DeadlineOutcome,
  StepTime,
} from '../../db/repositories/complaint-metrics.repository';

/** How a complaint ended (the `outcome` header of archive-complaint). */
export const ARCHIVE_OUTCOMES = [
  'closed',
  'invalid',
  'malicious',
  'withdrawn',
] as const satisfies readonly ClosingOutcome[];

/** The history events that end a step of the handling, and the step they end (DOMAIN §3). */
const STEP_ENDED_BY: Readonly<Record<string, string>> = {
  reviewed: 'review',
  routed: 'routing',
  investigated: 'investigation',
  resolution_proposed: 'proposal',
  resolution_approved: 'approval',
  resolution_sent_back: 'approval',
  resolution_carried_out: 'carry_out',
  customer_responded: 'customer_response',
  appeal_decided: 'appeal',
  followed_up: 'follow_up',
};

export interface ClosingFacts {
  readonly complaintId: string;
  readonly outcome: ClosingOutcome;
  readonly receivedAt: Date;
  readonly closedAt: Date;
  readonly calendar: WorkingCalendar;
  /** The complaint's history, oldest first. */
  readonly history: ReadonlyArray<{ type: string; occurredAt: Date; data: Record<string, unknown> }>;
  readonly breaches: ReadonlyArray<{ deadline: string; dueAt: Date }>;
  readonly followUp: { resolved: boolean; score: number | null } | null;
}

/**
 * The closing metrics of a complaint, from its history: the time each step took (from the end of
 * the step before), every deadline set with whether it was breached (the appeal window is the
 * customer's time, not ours, and is left out), and the customer's satisfaction. Pure.
 */
export function closingMetrics(facts: ClosingFacts): ClosingMetrics {
  const between = (a: Date, b: Date) => ({
    durationMs: b.getTime() - a.getTime(),
    businessMs: businessTimeBetween(facts.calendar, a, b),
  });
  const steps: StepTime[] = [];
  let since = facts.receivedAt;
  for (const event of facts.history) {
    const step = STEP_ENDED_BY[event.type];
    if (!step) continue;
    steps.push({ step, endedAt: event.occurredAt.toISOString(), ...between(since, event.occurredAt) });
    since = event.occurredAt;
  }
  const deadlines = facts.history
    .filter((e) => e.type === 'deadline_set' && e.data.deadline !== 'appeal_window')
    .map((e): DeadlineOutcome => {
      const dueAt = new Date(String(e.data.dueAt));
      const escalations = facts.breaches.filter(
        (b) => b.deadline === e.data.deadline && b.dueAt.getTime() === dueAt.getTime(),
      ).length;
      return {
        deadline: e.data.deadline as Deadline,
        dueAt: dueAt.toISOString(),
        breached: escalations > 0,
        escalations,
      };
    });
  const breached = deadlines.filter((d) => d.breached).length;
  const total = between(facts.receivedAt, facts.closedAt);
  return {
    complaintId: facts.complaintId,
    outcome: facts.outcome,
    receivedAt: facts.receivedAt,
    closedAt: facts.closedAt,
    handlingMs: total.durationMs,
    businessHandlingMs: total.businessMs,
    steps,
    deadlines,
    deadlinesMet: deadlines.length - breached,
    deadlinesBreached: breached,
    resolved: facts.followUp?.resolved ?? null,
    satisfaction: facts.followUp?.score ?? null,
  };
}
