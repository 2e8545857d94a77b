import { Type } from 'typebox';
import type { EntityManager } from 'typeorm';
import type { DeadlineBreachRecord } from '../db/entities/deadline-breach.entity';
import type { Staff } from '../db/entities/staff.entity';
import { actors, ComplaintEventsRepository } from '../db/repositories/complaint-events.repository';
import { ComplaintsRepository } from '../db/repositories/complaints.repository';
import { DeadlineBreachesRepository } from '../db/repositories/deadline-breaches.repository';
import { PenaltiesRepository } from '../db/repositories/penalties.repository';
import { StaffRepository } from '../db/repositories/staff.repository';
import {
  calculatePenalties,
  type DeadlineBreach,
  outstandingDelayPenalties,
  type PenaltyInput,
  type ResponsibleStaff,
} from '../domain/penalties/calculate-penalties';
import { policyInEffect } from '../domain/penalties/penalty-policy';
import type { Responsibility } from '../domain/vocabulary';
import { defineWorker } from './runtime/define-worker';
import { complete, JobDataError } from './runtime/job-outcome';
import { inTransaction } from './support/job-data';
import { recordStepOnce } from './support/step-record';
import { complaintRef, oneOf, optional } from './support/variables';

const JOB_TYPE = 'calculate-penalty';

/**
 * What the task books (`zeebe:taskHeaders` `book`): `settlement` (the default) books the complaint's
 * penalties once it is settled; `outstanding_delays`, before archiving, the delay penalties of
 * deadlines missed after that (the follow-up visit) or of a complaint that never reached a settlement.
 */
const BOOKINGS = ['settlement', 'outstanding_delays'] as const;

/** The investigation as record-decision kept it in the history (`investigated`). */
interface Investigation {
  readonly responsibility: Responsibility;
  readonly lossAmount: number;
  readonly responsibleStaff: ReadonlyArray<{ staffId: string; role: 'direct' | 'supervisor' }>;
}

/**
 * Books the penalties of a settled complaint (000 三.7; 001 第十条) under the policy in effect when it
 * was received: the directly responsible people and their supervisors lose a share of the month's
 * performance pay that grows with the assessed loss; whoever held a task when its deadline was
 * missed loses a share per missed deadline. None when the customer alone was responsible. Booked
 * once per job; the process gets `penaltyCount` and `penaltyTotal` (CNY), or, for outstanding
 * delays, `delayPenaltyCount` and `delayPenaltyTotal`.
 */
export const calculatePenaltyWorker = defineWorker({
  jobType: JOB_TYPE,
  variables: Type.Object(complaintRef),
  headers: Type.Object({ book: optional(oneOf(BOOKINGS)) }),
  async handle(job) {
    const { complaintId } = job.variables;
    const outstandingOnly = job.headers.book === 'outstanding_delays';
    const now = job.deps.now();
    return inTransaction(job, async (manager) => {
      const complaint = await new ComplaintsRepository(manager).getById(complaintId);
      const penalties = new PenaltiesRepository(manager);
      const policy = policyInEffect(await penalties.listPenaltyPolicies(), complaint.receivedAt);
      const input = await penaltyInput(manager, complaintId, { investigationRequired: !outstandingOnly });
      const lines = outstandingOnly
        ? outstandingDelayPenalties(policy, input, await penalties.listPenaltiesForComplaint(complaintId))
        : calculatePenalties(policy, input);
      const total = Math.round(lines.reduce((sum, l) => sum + l.amount, 0) * 100) / 100;
      const step = await recordStepOnce(
        manager,
        job.effectKey,
        {
          complaintId,
          type: outstandingOnly ? 'delay_penalties_calculated' : 'penalties_calculated',
          actor: actors.worker(JOB_TYPE),
          occurredAt: now,
          data: {
            policyVersion: policy.version,
            responsibility: input.responsibility,
            lossAmount: input.lossAmount,
            breaches: input.breaches.length,
            lines: lines.map(({ staffId, kind, share, amount }) => ({ staffId, kind, share, amount })),
          },
          variables: outstandingOnly
            ? { delayPenaltyCount: lines.length, delayPenaltyTotal: total }
            : { penaltyCount: lines.length, penaltyTotal: total },
        },
        async () => {
          await penalties.bookPenalties({
            complaintId,
            policy,
            lines,
            idempotencyKey: job.effectKey,
            at: now,
          });
          if (!outstandingOnly)
            await new ComplaintsRepository(manager).changeState(complaintId, 'follow_up', now);
        },
      );
      return complete(step.variables);
    });
  },
});

/** The investigation's findings, the people with their pay and supervisors, the missed deadlines. */
async function penaltyInput(
  manager: EntityManager,
  complaintId: string,
  { investigationRequired }: { investigationRequired: boolean },
): Promise<PenaltyInput> {
  const history = await new ComplaintEventsRepository(manager).listHistory(complaintId);
  const investigated = history.filter((e) => e.type === 'investigated').pop();
  if (!investigated && investigationRequired) {
    throw new JobDataError('no investigation is recorded for this complaint: penalties need its findings');
  }
  const found: Investigation = investigated
    ? (investigated.data as unknown as Investigation)
    : NOT_INVESTIGATED;
  const breaches = missedDeadlines(
    await new DeadlineBreachesRepository(manager).listBreachesForComplaint(complaintId),
  );
  const staff = new StaffRepository(manager);
  const listed = await staff.findStaffByIds(found.responsibleStaff.map((p) => p.staffId));
  const supervisors = await staff.findStaffByIds(idsOf(listed.map((s) => s.supervisorId)));
  const holders = await staff.findStaffByIds(idsOf(breaches.map((b) => b.heldByStaffId)));
  return {
    responsibility: found.responsibility,
    lossAmount: found.lossAmount,
    responsibleStaff: responsiblePeople(found, [...listed, ...supervisors]),
    breaches: breaches.flatMap((b): DeadlineBreach[] => {
      const holder = holders.find((s) => s.id === b.heldByStaffId);
      return holder
        ? [{ deadline: b.deadline, heldBy: holder.id, monthlyPerformancePay: holder.monthlyPerformancePay }]
        : [];
    }),
  };
}

/** A complaint closed before any investigation (invalid, malicious): nobody found responsible. */
const NOT_INVESTIGATED: Investigation = { responsibility: 'company', lossAmount: 0, responsibleStaff: [] };

/**
 * The people the investigation names, and the supervisor of each directly responsible person (the
 * supervisor answers for them, 000 三.7) unless named already.
 */
function responsiblePeople(found: Investigation, staff: readonly Staff[]): ResponsibleStaff[] {
  const byId = new Map(staff.map((s) => [s.id, s]));
  const people: ResponsibleStaff[] = found.responsibleStaff.map((p) => {
    const person = byId.get(p.staffId);
    if (!person) throw new JobDataError(`the responsible person "${p.staffId}" is not known as staff`);
    const supervisorId = p.role === 'direct' ? (person.supervisorId ?? undefined) : undefined;
    return {
      staffId: p.staffId,
      role: p.role,
      monthlyPerformancePay: person.monthlyPerformancePay,
      supervisorId,
    };
  });
  const named = new Set(people.map((p) => p.staffId));
  for (const direct of people.filter((p) => p.role === 'direct' && p.supervisorId)) {
    const supervisor = byId.get(direct.supervisorId as string);
    if (!supervisor || named.has(supervisor.id)) continue;
    named.add(supervisor.id);
    people.push({
      staffId: supervisor.id,
      role: 'supervisor',
      monthlyPerformancePay: supervisor.monthlyPerformancePay,
    });
  }
  return people;
}

/**
 * One entry per missed deadline: a deadline escalated to the team manager and then to the centre
 * director was missed once (same deadline, same due date); the holder is the first one recorded
 * who is a member of staff.
 */
function missedDeadlines(records: readonly DeadlineBreachRecord[]): DeadlineBreachRecord[] {
  const missed = new Map<string, DeadlineBreachRecord>();
  for (const record of records) {
    const key = `${record.deadline}@${record.dueAt.getTime()}`;
    const known = missed.get(key);
    if (!known || (!known.heldByStaffId && record.heldByStaffId)) missed.set(key, record);
  }
  return [...missed.values()];
}

const idsOf = (ids: readonly (string | null)[]): string[] => ids.filter((id): id is string => id !== null);
