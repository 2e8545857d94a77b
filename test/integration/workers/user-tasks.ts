import path from 'node:path';
import type { CamundaRestApiTypes } from '@camunda8/sdk';
import { eventually, type TestEngine } from '../../helpers/engine';

type UserTask = CamundaRestApiTypes.UserTask;

/** Deploys the fixture with the user tasks of complaint-handling (same ids, same candidate groups). */
export async function deployComplaintUserTasks(t: TestEngine): Promise<void> {
  await t.zeebe.deployResource({
    processFilename: path.join(__dirname, 'fixtures/complaint-user-tasks.bpmn'),
  });
}

/** An instance with every user task of the lifecycle open; returns its process instance key. */
export async function openUserTasks(t: TestEngine, variables: Record<string, unknown> = {}): Promise<string> {
  const started = await t.zeebe.createProcessInstance({
    bpmnProcessId: 'complaint-user-tasks',
    variables: { departmentGroup: 'dept-quality', approverGroup: 'dept-quality-head', ...variables },
  });
  return started.processInstanceKey;
}

/** The open user task of an element, once the engine created it. */
export function openTask(t: TestEngine, processInstanceKey: string, elementId: string): Promise<UserTask> {
  return eventually(
    async () => {
      const found = await t.rest.searchUserTasks({
        filter: { processInstanceKey, elementId, state: 'CREATED' },
      });
      return found.items[0];
    },
    10_000,
    `user task ${elementId}`,
  );
}

/** A member of staff claims the task (as in the inbox) and completes it. */
export async function completeAs(
  t: TestEngine,
  processInstanceKey: string,
  elementId: string,
  staffId: string,
): Promise<UserTask> {
  const task = await openTask(t, processInstanceKey, elementId);
  await t.rest.assignUserTask({ userTaskKey: task.userTaskKey, assignee: staffId });
  await t.rest.completeUserTask({ userTaskKey: task.userTaskKey });
  return task;
}
