import { StaffRepository } from '../../../db/repositories/staff.repository';
import { type FiledComplaint } from './complaints';
import { type Harness } from './harness';
import { settled } from './settle';
import { NotYet, waitUntil } from './wait';

/** The user tasks of the diagram. */
export type UserTaskId =
  | 'Task_ReviewValidity'
  | 'Task_RouteManually'
  | 'Task_Investigate'
  | 'Task_ProposeResolution'
  | 'Task_ApproveResolution'
  | 'Task_CarryOutResolution'
  | 'Task_ReviewAppeal'
  | 'Task_CarryOutFinalRemedy'
  | 'Task_FollowUpVisit';

/** A group named outright, or the process variable holding it. */
type GroupSource = { readonly group: string } | { readonly variable: string };

/** processes/README.md, "User tasks": who may take each task and which deadline it is due by. */
const CONTRACT: Record<UserTaskId, { candidates: GroupSource; dueDate: string }> = {
  Task_ReviewValidity: { candidates: { group: 'complaint-centre-agents' }, dueDate: 'reviewDueAt' },
  Task_RouteManually: { candidates: { group: 'complaint-centre-agents' }, dueDate: 'reviewDueAt' },
  Task_Investigate: { candidates: { variable: 'departmentGroup' }, dueDate: 'investigationDueAt' },
  Task_ProposeResolution: { candidates: { variable: 'departmentGroup' }, dueDate: 'resultDueAt' },
  Task_ApproveResolution: { candidates: { variable: 'approverGroup' }, dueDate: 'resultDueAt' },
  Task_CarryOutResolution: { candidates: { variable: 'departmentGroup' }, dueDate: 'resultDueAt' },
  Task_ReviewAppeal: { candidates: { group: 'complaint-centre-supervisors' }, dueDate: 'resultDueAt' },
  Task_CarryOutFinalRemedy: { candidates: { variable: 'departmentGroup' }, dueDate: 'resultDueAt' },
  Task_FollowUpVisit: { candidates: { group: 'complaint-centre-agents' }, dueDate: 'followUpDueAt' },
};

/** An open user task as an inbox shows it. */
export interface OpenTask {
  readonly userTaskKey: string;
  readonly elementId: UserTaskId;
  readonly candidateGroups: readonly string[];
  readonly dueAt: Date;
  readonly priority: number;
}

/** A process variable of the complaint's instance (any scope), parsed; undefined when unset. */
export async function processVariable(h: Harness, complaint: FiledComplaint, name: string): Promise<unknown> {
  const found = await h.t.rest.searchVariables({
    filter: { processInstanceKey: complaint.processInstanceKey, name },
  });
  const variable = found.items[0];
  return variable === undefined ? undefined : JSON.parse(variable.value);
}

/**
 * The complaint's open task `elementId`, as the inbox lists it; asserts what the contract promises
 * of it: its candidate group, its due date (the deadline the process computed) and its priority.
 */
export async function taskFor(
  h: Harness,
  complaint: FiledComplaint,
  elementId: UserTaskId,
): Promise<OpenTask> {
  const task = await waitUntil(`task ${elementId} of complaint ${complaint.complaintNumber}`, async () => {
    const found = await h.t.rest.searchUserTasks({
      filter: { processInstanceKey: complaint.processInstanceKey, elementId, state: 'CREATED' },
    });
    if (found.items.length !== 1) throw new NotYet(`${found.items.length} open ${elementId} tasks`);
    return found.items[0] as (typeof found.items)[number] & { priority?: number };
  });
  const contract = CONTRACT[elementId];
  const group =
    'group' in contract.candidates
      ? contract.candidates.group
      : await processVariable(h, complaint, contract.candidates.variable);
  const dueAt = await processVariable(h, complaint, contract.dueDate);
  expect({ candidateGroups: task.candidateGroups, dueAt: task.dueDate && new Date(task.dueDate) }).toEqual({
    candidateGroups: [group],
    dueAt: new Date(String(dueAt)),
  });
  expect(task.priority).toBe(await processVariable(h, complaint, 'taskPriority'));
  return {
    userTaskKey: task.userTaskKey,
    elementId,
    candidateGroups: task.candidateGroups ?? [],
    dueAt: new Date(String(dueAt)),
    priority: task.priority ?? 0,
  };
}

/** Someone takes the task in the inbox; only a member of one of its candidate groups may. */
export async function claim(h: Harness, task: OpenTask, as: { as: string }): Promise<void> {
  const groups = await new StaffRepository(h.db.manager).listGroupsOf(as.as);
  if (!task.candidateGroups.some((group) => groups.includes(group))) {
    throw new Error(
      `${as.as} (groups ${groups.join(', ') || 'none'}) cannot take ${task.elementId}: it is for ${task.candidateGroups.join(', ')}`,
    );
  }
  await h.t.rest.assignUserTask({ userTaskKey: task.userTaskKey, assignee: as.as, allowOverride: true });
}

/** Someone takes the task and submits its form with these values, as in the inbox. */
export async function complete(
  h: Harness,
  task: OpenTask,
  form: Record<string, unknown>,
  as: { as: string },
): Promise<void> {
  await claim(h, task, as);
  await h.t.rest.completeUserTask({ userTaskKey: task.userTaskKey, variables: form });
  await settled(h);
}
