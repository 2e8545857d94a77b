import type { CamundaRestClient } from '@camunda8/sdk';
import { ValidationError } from '../../lib/errors';
import type { TaskWorker } from './task-access';

type Rest = Pick<CamundaRestClient, 'searchUserTasks'>;
type SearchFilter = NonNullable<Parameters<Rest['searchUserTasks']>[0]['filter']>;
export type UserTaskFound = Awaited<ReturnType<Rest['searchUserTasks']>>['items'][number];

/** Which open tasks: held by the worker, free to claim in their groups, or all of these and their groups'. */
export type AssignedFilter = 'me' | 'unassigned' | 'any';

export interface OpenTasksPage {
  readonly items: readonly UserTaskFound[];
  readonly nextCursor: string | null;
}

/** One search of the engine; a listing goes through its phases one after the other. */
interface Phase {
  readonly name: 'mine' | 'groups';
  readonly filter: SearchFilter;
}

/** Where a listing stopped: the phase, and the engine's cursor in it. */
interface Cursor {
  readonly phase: Phase['name'];
  readonly after?: string;
}

/**
 * The open user tasks (state CREATED) for a worker, oldest first, a page at a time. The search API
 * has no "or", so "in my groups or held by me" is two searches read one after the other: first the
 * tasks the worker holds (wherever they are), then those of their groups held by others or nobody.
 * The cursor says which search to go on with, and where.
 */
export async function listOpenTasks(
  rest: Rest,
  worker: TaskWorker,
  query: { assigned: AssignedFilter; cursor?: string; limit: number },
): Promise<OpenTasksPage> {
  const phases = phasesFor(worker, query.assigned);
  const start = query.cursor ? decodeCursor(query.cursor) : undefined;
  let index = start ? phases.findIndex((phase) => phase.name === start.phase) : 0;
  if (index < 0) {
    throw new ValidationError([
      { field: 'querystring.cursor', problem: 'belongs to a listing with another filter' },
    ]);
  }
  let after = start?.after;
  const items: UserTaskFound[] = [];
  while (index < phases.length) {
    const wanted = query.limit - items.length;
    const page = await rest.searchUserTasks({
      filter: phases[index].filter,
      page: { from: 0, limit: wanted, ...(after ? { after } : {}) },
    });
    items.push(...page.items);
    if (page.items.length >= wanted) {
      return { items, nextCursor: encodeCursor({ phase: phases[index].name, after: page.page.endCursor }) };
    }
    index += 1;
    after = undefined;
  }
  return { items, nextCursor: null };
}

function phasesFor(worker: TaskWorker, assigned: AssignedFilter): Phase[] {
  const open = { state: 'CREATED' as const };
  const mine: Phase[] = worker.staffId
    ? [{ name: 'mine', filter: { ...open, assignee: worker.staffId } }]
    : [];
  if (assigned === 'me') return mine;
  if (worker.groups !== 'all' && worker.groups.length === 0) return assigned === 'any' ? mine : [];
  const groups: SearchFilter =
    worker.groups === 'all' ? open : { ...open, candidateGroup: { $in: [...worker.groups] } };
  if (assigned === 'unassigned')
    return [{ name: 'groups', filter: { ...groups, assignee: { $exists: false } } }];
  const notMine = worker.staffId ? { assignee: { $neq: worker.staffId } } : {};
  return [...mine, { name: 'groups', filter: { ...groups, ...notMine } }];
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (cursor.phase === 'mine' || cursor.phase === 'groups') return cursor;
  } catch {
    // not ours: reported below
  }
  throw new ValidationError([{ field: 'querystring.cursor', problem: 'is not a cursor this API gave out' }]);
}
