import type { CamundaRestClient } from '@camunda8/sdk';

/** What the workers use of a Camunda user task (REST API v2). */
export interface UserTaskView {
  readonly userTaskKey: string;
  readonly elementId: string;
  readonly state: string;
  readonly assignee?: string;
  readonly candidateGroups?: readonly string[];
}

type Rest = Pick<CamundaRestClient, 'searchUserTasks'>;

/** Thrown while a user task the job needs is not (yet) visible: a search index can lag; retried. */
export class UserTaskNotVisibleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserTaskNotVisibleError';
  }
}

/**
 * The user task of these elements that was completed last in the instance (the highest key: keys
 * grow with time), e.g. the approval just given after a send-back loop. On a real cluster the
 * search is served from an exporter and lags a little: not found yet → UserTaskNotVisibleError,
 * and the job is retried after a back-off.
 */
export async function lastCompletedTask(
  rest: Rest,
  processInstanceKey: string,
  elementIds: readonly string[],
): Promise<UserTaskView> {
  const found: UserTaskView[] = [];
  for (const elementId of elementIds) {
    const page = await rest.searchUserTasks({
      filter: { processInstanceKey, elementId, state: 'COMPLETED' },
      page: { from: 0, limit: 100 },
    });
    found.push(...page.items);
  }
  const last = found.sort((a, b) => compareKeys(b.userTaskKey, a.userTaskKey))[0];
  if (!last) {
    throw new UserTaskNotVisibleError(
      `no completed user task ${elementIds.join(' / ')} is visible in process instance ${processInstanceKey} yet`,
    );
  }
  return last;
}

/** The user tasks of the instance that are open (created, not completed or cancelled), oldest first. */
export async function openTasks(rest: Rest, processInstanceKey: string): Promise<UserTaskView[]> {
  const page = await rest.searchUserTasks({
    filter: { processInstanceKey, state: 'CREATED' },
    page: { from: 0, limit: 100 },
  });
  return [...page.items].sort((a, b) => compareKeys(a.userTaskKey, b.userTaskKey));
}

function compareKeys(a: string, b: string): number {
  const [x, y] = [BigInt(a), BigInt(b)];
  return x === y ? 0 : x < y ? -1 : 1;
}
