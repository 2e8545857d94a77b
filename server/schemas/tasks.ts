import { type Static, Type } from 'typebox';
import { DateTime } from './kinds';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const UserTaskKeyParams = Type.Object(
  { userTaskKey: Type.String({ pattern: '^[0-9]{1,20}$', description: 'the Camunda user task key' }) },
  { additionalProperties: false },
);
export type UserTaskKeyParams = Static<typeof UserTaskKeyParams>;

export const ListTasksQuery = Type.Object(
  {
    assigned: Type.Optional(
      Type.Union([Type.Literal('me'), Type.Literal('unassigned'), Type.Literal('any')], {
        description:
          'me: held by the caller; unassigned: free to claim; any (default): both, and held by others',
        default: 'any',
      }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 2000, description: 'nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type ListTasksQuery = Static<typeof ListTasksQuery>;

/** `POST /api/tasks/{userTaskKey}/completion`: the values of the task's form fields. */
export const CompleteTaskBody = Type.Object(
  {
    variables: Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), Type.Unknown(), {
      description: 'form field key → value; checked against the task form',
    }),
  },
  { additionalProperties: false },
);
export type CompleteTaskBody = Static<typeof CompleteTaskBody>;

/** What an inbox shows of the complaint beside its task. */
export const ComplaintSummary = Type.Object({
  number: Type.String(),
  subject: Type.String(),
  category: nullable(Type.String()),
  subType: nullable(Type.String()),
  severity: nullable(Type.Integer()),
  state: Type.String(),
  receivedAt: DateTime,
});

export const TaskItem = Type.Object({
  userTaskKey: Type.String(),
  elementId: Type.String(),
  name: Type.String(),
  state: Type.String(),
  candidateGroups: Type.Array(Type.String()),
  assignee: nullable(Type.String()),
  dueDate: nullable(DateTime),
  priority: Type.Integer(),
  formId: nullable(Type.String()),
  processInstanceKey: Type.String(),
  complaintNumber: nullable(Type.String()),
  complaint: nullable(ComplaintSummary),
});
export type TaskItem = Static<typeof TaskItem>;

export const TaskPage = Type.Object({
  items: Type.Array(TaskItem),
  nextCursor: nullable(Type.String({ description: 'pass as cursor for the next page; null on the last' })),
});
export type TaskPage = Static<typeof TaskPage>;

/** The complaint in full for the task, contact details masked for those who need not see them. */
export const TaskComplaint = Type.Object({
  ...ComplaintSummary.properties,
  description: Type.String(),
  request: nullable(Type.String()),
  channel: Type.String(),
  lossAmount: nullable(Type.Number()),
  contactDetailsMasked: Type.Boolean(),
  complainant: nullable(
    Type.Object({
      name: Type.String(),
      phone: nullable(Type.String()),
      email: nullable(Type.String()),
      organisation: nullable(Type.String()),
    }),
  ),
});

export const SimilarComplaintItem = Type.Object({
  number: Type.String(),
  subject: Type.String(),
  category: Type.String(),
  subType: nullable(Type.String()),
  state: Type.String(),
  nature: nullable(Type.String()),
  receivedAt: DateTime,
  closedAt: nullable(DateTime),
  similarity: nullable(Type.Number()),
});

export const ArticleItem = Type.Object({
  id: Type.String(),
  title: Type.String(),
  excerpt: Type.String(),
  tags: Type.Array(Type.String()),
  category: nullable(Type.String()),
  score: nullable(Type.Number()),
});

export const TaskDetails = Type.Object({
  task: TaskItem,
  form: Type.Unknown({ description: 'the Camunda form (form-js schema) of the task; null when it has none' }),
  complaint: nullable(TaskComplaint),
  similarComplaints: Type.Array(SimilarComplaintItem),
  knowledgeArticles: Type.Array(ArticleItem),
});
export type TaskDetails = Static<typeof TaskDetails>;
