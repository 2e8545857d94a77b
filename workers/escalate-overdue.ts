import { Type } from 'typebox';
import type { EntityManager } from 'typeorm';
import { ApprovalThresholdsRepository } from '../db/repositories/approval-thresholds.repository';
import { actors } from '../db/repositories/complaint-events.repository';
import { ComplaintsRepository } from '../db/repositories/complaints.repository';
import { DeadlineBreachesRepository } from '../db/repositories/deadline-breaches.repository';
import { StaffRepository } from '../db/repositories/staff.repository';
import { deadlineVariableStem } from '../domain/deadlines';
import { DEADLINES, type Deadline } from '../domain/vocabulary';
import { defineWorker } from './runtime/define-worker';
import { complete, JobDataError } from './runtime/job-outcome';
import { centreGroups } from './support/groups';
import { inTransaction } from './support/job-data';
import { enqueueNotice, STAFF_LANGUAGE, staffRecipient } from './support/notify';
import { recordStepOnce } from './support/step-record';
import { openTasks, type UserTaskView } from './support/user-tasks';
import { complaintRef, instantOf, oneOf, optional } from './support/variables';

const JOB_TYPE = 'escalate-overdue';

/** The user tasks whose work each deadline waits for (processes/README.md, user tasks). */
const OVERDUE_TASKS: Readonly<Record<Deadline, readonly string[]>> = {
  review: ['Task_ReviewValidity', 'Task_RouteManually'],
  preliminary_reply: ['Task_ReviewValidity'],
  investigation: ['Task_Investigate'],
  result: [
    'Task_ProposeResolution',
    'Task_ApproveResolution',
    'Task_CarryOutResolution',
    'Task_ReviewAppeal',
    'Task_CarryOutFinalRemedy',
  ],
  appeal_window: [],
  follow_up: ['Task_FollowUpVisit'],
};

const LEVELS = ['team_manager', 'centre_director'] as const;

/** The due dates the escalation may be about (`<deadline>DueAt`, compute-deadline). */
const dueDates = Object.fromEntries(
  DEADLINES.filter((d) => d !== 'appeal_window').map((d) => [
    `${deadlineVariableStem(d)}DueAt`,
    optional(Type.String()),
  ]),
);

/**
 * A deadline was missed (001 试行办法 五: agent → team manager → centre director; 001 经典版 第二条
 * 处理逾期反应): finds the overdue task and who holds it (its assignee, else its candidate group),
 * records the breach — the evidence of the delay penalty (001 第十条) — and tells the level's group:
 * the team managers of whoever holds the task (the department's or the centre's), or the centre
 * director.
 */
export const escalateOverdueWorker = defineWorker({
  jobType: JOB_TYPE,
  variables: Type.Object({
    ...complaintRef,
    departmentGroup: optional(Type.String()),
    teamManagerGroup: optional(Type.String()),
    ...dueDates,
  }),
  headers: Type.Object({ deadline: oneOf(DEADLINES), level: oneOf(LEVELS) }),
  async handle(job) {
    const { complaintId, departmentGroup, teamManagerGroup } = job.variables;
    const { deadline, level } = job.headers;
    const dueName = `${deadlineVariableStem(deadline)}DueAt`;
    const due = (job.variables as Record<string, unknown>)[dueName];
    if (typeof due !== 'string') throw new JobDataError(`the escalation of ${deadline} needs ${dueName}`);
    const dueAt = instantOf(due, dueName);
    const task = overdueTask(await openTasks(job.deps.rest, job.processInstanceKey), deadline);
    const now = job.deps.now();
    return inTransaction(job, async (manager) => {
      const complaint = await new ComplaintsRepository(manager).getById(complaintId);
      const holder = await holderOf(manager, task);
      const groups = centreGroups(await new ApprovalThresholdsRepository(manager).loadApprovalThresholds());
      const departmental = holder.group !== null && holder.group === departmentGroup;
      const notified =
        level === 'centre_director'
          ? groups.director
          : departmental && teamManagerGroup
            ? teamManagerGroup
            : groups.teamManagers;
      await recordStepOnce(
        manager,
        job.effectKey,
        {
          complaintId,
          type: 'escalated',
          actor: actors.worker(JOB_TYPE),
          occurredAt: now,
          data: {
            deadline,
            level,
            dueAt: dueAt.toISOString(),
            task: task?.elementId ?? null,
            ...holder,
            notified,
          },
        },
        async () => {
          await new DeadlineBreachesRepository(manager).recordBreach({
            complaintId,
            deadline,
            dueAt,
            breachedAt: now,
            heldByStaffId: holder.staffId,
            heldByGroup: holder.group,
            escalationLevel: level,
            idempotencyKey: job.effectKey,
          });
          await enqueueNotice(manager, job.deps, {
            template: level === 'team_manager' ? 'escalation_team_manager' : 'escalation_centre_director',
            language: STAFF_LANGUAGE,
            available: { complaintNumber: complaint.number, deadline, dueAt },
            recipient: await staffRecipient(manager, notified),
            complaint,
            idempotencyKey: job.effectKey,
          });
        },
      );
      return complete();
    });
  },
});

/** The open task the deadline waits for; null when it was completed in the meantime. */
function overdueTask(open: readonly UserTaskView[], deadline: Deadline): UserTaskView | null {
  return open.find((t) => OVERDUE_TASKS[deadline].includes(t.elementId)) ?? null;
}

/**
 * Who held the task: its assignee when that is a member of staff (penalties are booked against
 * staff), and its candidate group. An assignee unknown as staff is kept in `assignee` only.
 */
async function holderOf(manager: EntityManager, task: UserTaskView | null) {
  const assignee = task?.assignee ?? null;
  const staff = assignee ? await new StaffRepository(manager).findStaffById(assignee) : null;
  return { staffId: staff?.id ?? null, group: task?.candidateGroups?.[0] ?? null, assignee };
}
