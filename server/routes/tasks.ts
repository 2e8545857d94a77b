import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ComplaintsByProcessRepository } from '../../db/repositories/complaints-by-process.repository';
import { ConflictError, ForbiddenError, ValidationError } from '../../lib/errors';
import type { ApiDeps } from '../app';
import { seesContactDetails } from '../auth/principal';
import { validateFormSubmission } from '../forms/validate-form-submission';
import { principalOf, requireRole } from '../plugins/authentication';
import { CompleteTaskBody, ListTasksQuery, TaskDetails, TaskPage, UserTaskKeyParams } from '../schemas/tasks';
import { onUserTask } from '../tasks/engine-errors';
import { listOpenTasks } from '../tasks/list-open-tasks';
import { assertTaskFor, staffIdOf, taskWorkerOf } from '../tasks/task-access';
import { taskDetailsOf } from '../tasks/task-details';
import { loadTaskForms } from '../tasks/task-forms';
import { taskItemOf } from '../tasks/task-views';

export interface TaskRoutesOptions {
  readonly deps: ApiDeps;
}

const tags = ['tasks'];
const done = { 204: Type.Null({ description: 'done' }) };

/**
 * The agents' and departments' user tasks, read and worked through the Camunda REST API
 * (`CamundaRestClient`), so the same code serves a Camunda 8 cluster: list, read with the complaint
 * beside it, claim, release, complete with the form's values checked. Staff only (agent,
 * department_staff, manager, administrator); each sees the tasks of their candidate groups.
 */
export async function taskRoutes(app: FastifyInstance, { deps }: TaskRoutesOptions): Promise<void> {
  const forms = await loadTaskForms();
  const preHandler = requireRole('agent', 'department_staff', 'manager');

  /** The task asked for, if it is for the caller (404 unknown, 403 not for their groups). */
  async function taskFor(request: FastifyRequest<{ Params: UserTaskKeyParams }>) {
    const { userTaskKey } = request.params;
    const worker = await taskWorkerOf(deps.db, principalOf(request));
    const task = await onUserTask(userTaskKey, () => deps.rest.getUserTask(userTaskKey));
    assertTaskFor(worker, task);
    return { worker, task };
  }

  app.get<{ Querystring: ListTasksQuery }>(
    '/tasks',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Open tasks of my groups and those I hold, with the complaint of each',
        querystring: ListTasksQuery,
        response: { 200: TaskPage },
      },
    },
    async (request): Promise<TaskPage> => {
      const worker = await taskWorkerOf(deps.db, principalOf(request));
      const { assigned = 'any', cursor, limit = 20 } = request.query;
      const page = await listOpenTasks(deps.rest, worker, { assigned, cursor, limit });
      const complaints = await new ComplaintsByProcessRepository(
        deps.db.manager,
      ).findComplaintsOfProcessInstances(page.items.map((task) => task.processInstanceKey));
      return {
        items: page.items.map((task) =>
          taskItemOf(task, forms.formIdOf(task), complaints.get(task.processInstanceKey) ?? null),
        ),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get<{ Params: UserTaskKeyParams }>(
    '/tasks/:userTaskKey',
    {
      preHandler,
      schema: {
        tags,
        summary: 'A task, its form, its complaint, similar past complaints and knowledge articles',
        params: UserTaskKeyParams,
        response: { 200: TaskDetails },
      },
    },
    async (request): Promise<TaskDetails> => {
      const { task } = await taskFor(request);
      return taskDetailsOf(deps.db, forms, task, seesContactDetails(principalOf(request)));
    },
  );

  app.post<{ Params: UserTaskKeyParams }>(
    '/tasks/:userTaskKey/claim',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Take the task (409 when someone else holds it)',
        params: UserTaskKeyParams,
        response: done,
      },
    },
    async (request, reply) => {
      const { worker, task } = await taskFor(request);
      const staffId = staffIdOf(worker);
      assertOpen(task);
      if (task.assignee && task.assignee !== staffId) {
        throw new ConflictError(`User task ${task.userTaskKey} is held by ${task.assignee}.`, 'TASK_CLAIMED');
      }
      await onUserTask(task.userTaskKey, () =>
        deps.rest.assignUserTask({ userTaskKey: task.userTaskKey, assignee: staffId, allowOverride: false }),
      );
      return reply.code(204).send();
    },
  );

  app.post<{ Params: UserTaskKeyParams }>(
    '/tasks/:userTaskKey/unclaim',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Give the task back to its groups (its holder, or a manager)',
        params: UserTaskKeyParams,
        response: done,
      },
    },
    async (request, reply) => {
      const { worker, task } = await taskFor(request);
      assertOpen(task);
      if (!task.assignee) return reply.code(204).send(); // nobody holds it: nothing to give back
      if (task.assignee !== worker.staffId && !worker.mayReleaseOthers) {
        throw new ForbiddenError(
          `User task ${task.userTaskKey} is held by ${task.assignee}: only they or a manager can give it back.`,
          'TASK_HELD_BY_OTHER',
        );
      }
      await onUserTask(task.userTaskKey, () => deps.rest.unassignUserTask({ userTaskKey: task.userTaskKey }));
      return reply.code(204).send();
    },
  );

  app.post<{ Params: UserTaskKeyParams; Body: CompleteTaskBody }>(
    '/tasks/:userTaskKey/completion',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Complete the task I hold with the values of its form (every bad field listed)',
        params: UserTaskKeyParams,
        body: CompleteTaskBody,
        response: done,
      },
    },
    async (request, reply) => {
      const { worker, task } = await taskFor(request);
      const staffId = staffIdOf(worker);
      assertOpen(task);
      if (task.assignee !== staffId) {
        const held = task.assignee ? `it is held by ${task.assignee}` : 'claim it first';
        throw new ConflictError(
          `You do not hold user task ${task.userTaskKey}: ${held}.`,
          'TASK_NOT_CLAIMED',
        );
      }
      const formId = forms.formIdOf(task);
      const form = (formId && forms.formOf(formId)) || { id: `of task ${task.elementId}`, components: [] };
      const submission = validateFormSubmission(form, request.body.variables, 'body.variables');
      if (submission.problems.length > 0) throw new ValidationError(submission.problems);
      await onUserTask(task.userTaskKey, () =>
        deps.rest.completeUserTask({ userTaskKey: task.userTaskKey, variables: submission.variables }),
      );
      return reply.code(204).send();
    },
  );
}

/** Only an open task can be claimed, given back or completed. */
function assertOpen(task: { readonly userTaskKey: string; readonly state: string }): void {
  if (task.state !== 'CREATED') {
    throw new ConflictError(
      `User task ${task.userTaskKey} is ${task.state.toLowerCase()}, no longer open.`,
      'TASK_NOT_OPEN',
    );
  }
}
