import { type Static, Type } from 'typebox';
import { closed, Key, Variables } from './common';
import {
  DateTimeFilter,
  enumFilter,
  IntegerFilter,
  searchQuery,
  StringFilter,
  VariableValueFilters,
} from './search';

export const USER_TASK_STATES = [
  'CREATING',
  'CREATED',
  'ASSIGNING',
  'UPDATING',
  'COMPLETING',
  'COMPLETED',
  'CANCELING',
  'CANCELED',
  'FAILED',
];

/** 8.8 `UserTaskFilter`: `followUpDate` (the SDK's `followupDate` is refused, as by 8.8). */
export const UserTaskFilter = closed({
  state: Type.Optional(enumFilter(USER_TASK_STATES)),
  assignee: Type.Optional(StringFilter),
  priority: Type.Optional(IntegerFilter),
  elementId: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  candidateGroup: Type.Optional(StringFilter),
  candidateUser: Type.Optional(StringFilter),
  tenantId: Type.Optional(StringFilter),
  processDefinitionId: Type.Optional(Type.String()),
  creationDate: Type.Optional(DateTimeFilter),
  completionDate: Type.Optional(DateTimeFilter),
  followUpDate: Type.Optional(DateTimeFilter),
  dueDate: Type.Optional(DateTimeFilter),
  processInstanceVariables: Type.Optional(VariableValueFilters),
  localVariables: Type.Optional(VariableValueFilters),
  userTaskKey: Type.Optional(Key),
  processDefinitionKey: Type.Optional(Key),
  processInstanceKey: Type.Optional(Key),
  elementInstanceKey: Type.Optional(Key),
});

export const UserTaskSearchQuery = searchQuery(UserTaskFilter, [
  'creationDate',
  'completionDate',
  'followUpDate',
  'dueDate',
  'priority',
  'name',
]);

export const UserTaskVariableSearchQuery = searchQuery(closed({ name: Type.Optional(StringFilter) }), [
  'value',
  'name',
  'tenantId',
  'variableKey',
  'scopeKey',
  'processInstanceKey',
]);

const Action = Type.Union([Type.String(), Type.Null()]);

export const UserTaskAssignmentRequest = closed({
  assignee: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  allowOverride: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  action: Type.Optional(Action),
});
export type UserTaskAssignmentRequest = Static<typeof UserTaskAssignmentRequest>;

export const UserTaskCompletionRequest = Type.Union([
  closed({ variables: Type.Optional(Type.Union([Variables, Type.Null()])), action: Type.Optional(Action) }),
  Type.Null(),
]);
export type UserTaskCompletionRequest = Static<typeof UserTaskCompletionRequest>;

/** `""` resets a date, `[]` a list; null or absent keeps the value. */
export const Changeset = closed({
  dueDate: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  followUpDate: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  candidateUsers: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])),
  candidateGroups: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])),
  priority: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});
export type Changeset = Static<typeof Changeset>;

export const UserTaskUpdateRequest = closed({
  changeset: Type.Optional(Type.Union([Changeset, Type.Null()])),
  action: Type.Optional(Action),
});
export type UserTaskUpdateRequest = Static<typeof UserTaskUpdateRequest>;

/** The SDK's `PATCH /user-tasks/{key}/update` body: the real shape, or a bare changeset. */
export const SdkUserTaskUpdateRequest = Type.Union([UserTaskUpdateRequest, Changeset]);
