import { type FastifyPluginAsync } from 'fastify';
import { type UserTaskChanges } from '../../../runtime/commands/user-task-commands';
import { emptyBodyAsObject } from '../body-parsers';
import { invalidArgument } from '../problem';
import { type RestContext } from '../rest-context';
import { found, isBlank, pathKey, searchRequest, truncateValues, variablesOf } from '../request-values';
import { TruncateValuesQuery } from '../schemas/search';
import {
  type Changeset,
  SdkUserTaskUpdateRequest,
  UserTaskAssignmentRequest,
  UserTaskCompletionRequest,
  UserTaskSearchQuery,
  UserTaskUpdateRequest,
  UserTaskVariableSearchQuery,
} from '../schemas/user-tasks';

/** `/v2/user-tasks`: search and read (history included), assign, unassign, update, complete. */
export const userTaskRoutes =
  ({ api, queries }: RestContext): FastifyPluginAsync =>
  async (app) => {
    app.post(
      '/user-tasks/search',
      { schema: { body: UserTaskSearchQuery }, preValidation: emptyBodyAsObject },
      (request) => queries.searchUserTasks(searchRequest(request.body)),
    );

    app.get('/user-tasks/:userTaskKey', async (request) => {
      const key = pathKey(request, 'userTaskKey');
      return found(await queries.getUserTask(key), 'User Task', key);
    });

    app.post(
      '/user-tasks/:userTaskKey/variables/search',
      {
        schema: { body: UserTaskVariableSearchQuery, querystring: TruncateValuesQuery },
        preValidation: emptyBodyAsObject,
      },
      async (request) => {
        const key = pathKey(request, 'userTaskKey');
        const result = await queries.searchUserTaskVariables(
          key,
          searchRequest(request.body),
          truncateValues(request),
        );
        return found(result, 'User Task', key);
      },
    );

    app.post(
      '/user-tasks/:userTaskKey/assignment',
      { schema: { body: UserTaskAssignmentRequest } },
      async (request, reply) => {
        const key = pathKey(request, 'userTaskKey');
        const body = request.body as UserTaskAssignmentRequest;
        if (isBlank(body.assignee)) throw invalidArgument('No assignee provided.');
        await api.assignUserTask(key, body.assignee!, body.allowOverride ?? true);
        return reply.code(204).send();
      },
    );

    app.delete('/user-tasks/:userTaskKey/assignee', async (request, reply) => {
      await api.unassignUserTask(pathKey(request, 'userTaskKey'));
      return reply.code(204).send();
    });

    app.post(
      '/user-tasks/:userTaskKey/completion',
      { schema: { body: UserTaskCompletionRequest }, preValidation: emptyBodyAsObject },
      async (request, reply) => {
        const key = pathKey(request, 'userTaskKey');
        const body = request.body as UserTaskCompletionRequest;
        await api.completeUserTask(key, variablesOf(body?.variables));
        return reply.code(204).send();
      },
    );

    app.patch(
      '/user-tasks/:userTaskKey',
      { schema: { body: UserTaskUpdateRequest }, preValidation: emptyBodyAsObject },
      async (request, reply) => {
        await api.updateUserTask(
          pathKey(request, 'userTaskKey'),
          userTaskChanges(request.body as UserTaskUpdateRequest),
        );
        return reply.code(204).send();
      },
    );

    // Not an 8.8 route: the SDK's `updateUserTask` sends a bare changeset here (SPEC.md 2.5).
    app.patch(
      '/user-tasks/:userTaskKey/update',
      { schema: { body: SdkUserTaskUpdateRequest }, preValidation: emptyBodyAsObject },
      async (request, reply) => {
        const body = request.body as Record<string, unknown>;
        const update =
          'changeset' in body || 'action' in body
            ? (body as UserTaskUpdateRequest)
            : { changeset: body as Changeset };
        await api.updateUserTask(pathKey(request, 'userTaskKey'), userTaskChanges(update));
        return reply.code(204).send();
      },
    );
  };

/** The changeset as engine changes: `""` resets a date, null or absent keeps it. */
function userTaskChanges(update: UserTaskUpdateRequest): UserTaskChanges {
  const changeset = update.changeset ?? {};
  const changes: { -readonly [K in keyof UserTaskChanges]: UserTaskChanges[K] } = {};
  for (const field of ['dueDate', 'followUpDate'] as const) {
    const value = changeset[field];
    if (value === undefined || value === null) continue;
    if (value !== '' && !isRfc3339(value)) {
      throw invalidArgument(
        `The provided ${field} '${value}' cannot be parsed as a date according to RFC 3339, section 5.6.`,
      );
    }
    changes[field] = value === '' ? null : value;
  }
  if (changeset.candidateGroups) changes.candidateGroups = changeset.candidateGroups;
  if (changeset.candidateUsers) changes.candidateUsers = changeset.candidateUsers;
  if (changeset.priority !== undefined && changeset.priority !== null) {
    if (changeset.priority < 0 || changeset.priority > 100) {
      throw invalidArgument(
        `The value for priority is '${changeset.priority}' but must be within the [0,100] range.`,
      );
    }
    changes.priority = changeset.priority;
  }
  if (Object.keys(changes).length === 0 && isBlank(update.action)) {
    throw invalidArgument(
      'No update data provided. Provide at least an "action" or a non-null value for a supported attribute in the "changeset".',
    );
  }
  return changes;
}

const RFC_3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const isRfc3339 = (value: string) => RFC_3339.test(value) && Number.isFinite(Date.parse(value));
