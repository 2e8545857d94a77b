import { type Static, Type } from 'typebox';
import { closed, Key, TenantId, Variables } from './common';
import {
  DateTimeFilter,
  enumFilter,
  IntegerFilter,
  KeyFilter,
  searchQuery,
  StringFilter,
  VariableValueFilters,
} from './search';

const ProcessDefinitionId = Type.String({ pattern: '^[a-zA-Z_][a-zA-Z0-9_\\-\\.]*$' });
const Tags = Type.Array(Type.String(), { maxItems: 10 });

/**
 * 8.8 `ProcessInstanceCreationInstruction`: by id (with an optional version) or by key. The two
 * forms are one schema here; the handler checks that exactly one is used.
 */
export const ProcessInstanceCreationRequest = closed({
  processDefinitionId: Type.Optional(ProcessDefinitionId),
  processDefinitionVersion: Type.Optional(Type.Integer()),
  processDefinitionKey: Type.Optional(Key),
  variables: Type.Optional(Type.Union([Variables, Type.Null()])),
  tenantId: Type.Optional(TenantId),
  operationReference: Type.Optional(Type.Integer()),
  startInstructions: Type.Optional(Type.Array(closed({ elementId: Type.String() }))),
  runtimeInstructions: Type.Optional(
    Type.Array(closed({ type: Type.Enum(['TERMINATE_PROCESS_INSTANCE']), afterElementId: Type.String() })),
  ),
  awaitCompletion: Type.Optional(Type.Boolean()),
  fetchVariables: Type.Optional(Type.Array(Type.String())),
  requestTimeout: Type.Optional(Type.Integer()),
  tags: Type.Optional(Tags),
});
export type ProcessInstanceCreationRequest = Static<typeof ProcessInstanceCreationRequest>;

const STATES = ['ACTIVE', 'COMPLETED', 'TERMINATED'];

const processInstanceFields = {
  startDate: Type.Optional(DateTimeFilter),
  endDate: Type.Optional(DateTimeFilter),
  state: Type.Optional(enumFilter(STATES)),
  hasIncident: Type.Optional(Type.Boolean()),
  tenantId: Type.Optional(StringFilter),
  variables: Type.Optional(VariableValueFilters),
  processInstanceKey: Type.Optional(KeyFilter),
  parentProcessInstanceKey: Type.Optional(KeyFilter),
  parentElementInstanceKey: Type.Optional(KeyFilter),
  batchOperationId: Type.Optional(StringFilter),
  errorMessage: Type.Optional(StringFilter),
  hasRetriesLeft: Type.Optional(Type.Boolean()),
  elementInstanceState: Type.Optional(enumFilter(STATES)),
  elementId: Type.Optional(StringFilter),
  hasElementInstanceIncident: Type.Optional(Type.Boolean()),
  incidentErrorHashCode: Type.Optional(IntegerFilter),
  tags: Type.Optional(Tags),
  processDefinitionId: Type.Optional(StringFilter),
  processDefinitionName: Type.Optional(StringFilter),
  processDefinitionVersion: Type.Optional(IntegerFilter),
  processDefinitionVersionTag: Type.Optional(StringFilter),
  processDefinitionKey: Type.Optional(KeyFilter),
};

/** 8.8 `ProcessInstanceFilter`: the fields, plus `$or` groups of the same fields. */
export const ProcessInstanceFilter = closed({
  ...processInstanceFields,
  $or: Type.Optional(Type.Array(closed(processInstanceFields))),
});

export const ProcessInstanceSearchQuery = searchQuery(ProcessInstanceFilter, [
  'processInstanceKey',
  'processDefinitionId',
  'processDefinitionName',
  'processDefinitionVersion',
  'processDefinitionVersionTag',
  'processDefinitionKey',
  'parentProcessInstanceKey',
  'parentElementInstanceKey',
  'startDate',
  'endDate',
  'state',
  'hasIncident',
  'tenantId',
]);

export const CancelProcessInstanceRequest = Type.Union([
  closed({ operationReference: Type.Optional(Type.Integer()) }),
  Type.Null(),
]);
