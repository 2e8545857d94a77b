import { Type } from 'typebox';
import { caseInsensitiveEnum, closed, Key } from './common';
import { DateTimeFilter, enumFilter, KeyFilter, searchQuery, StringFilter } from './search';

/** Search bodies of incidents, element instances, variables and process definitions (8.8 schemas). */

const ELEMENT_TYPES = [
  'UNSPECIFIED',
  'PROCESS',
  'SUB_PROCESS',
  'EVENT_SUB_PROCESS',
  'AD_HOC_SUB_PROCESS',
  'AD_HOC_SUB_PROCESS_INNER_INSTANCE',
  'START_EVENT',
  'INTERMEDIATE_CATCH_EVENT',
  'INTERMEDIATE_THROW_EVENT',
  'BOUNDARY_EVENT',
  'END_EVENT',
  'SERVICE_TASK',
  'RECEIVE_TASK',
  'USER_TASK',
  'MANUAL_TASK',
  'TASK',
  'EXCLUSIVE_GATEWAY',
  'INCLUSIVE_GATEWAY',
  'PARALLEL_GATEWAY',
  'EVENT_BASED_GATEWAY',
  'SEQUENCE_FLOW',
  'MULTI_INSTANCE_BODY',
  'CALL_ACTIVITY',
  'BUSINESS_RULE_TASK',
  'SCRIPT_TASK',
  'SEND_TASK',
  'UNKNOWN',
];

const INCIDENT_ERROR_TYPES = [
  'UNSPECIFIED',
  'UNKNOWN',
  'IO_MAPPING_ERROR',
  'JOB_NO_RETRIES',
  'EXECUTION_LISTENER_NO_RETRIES',
  'TASK_LISTENER_NO_RETRIES',
  'AD_HOC_SUB_PROCESS_NO_RETRIES',
  'CONDITION_ERROR',
  'EXTRACT_VALUE_ERROR',
  'CALLED_ELEMENT_ERROR',
  'UNHANDLED_ERROR_EVENT',
  'MESSAGE_SIZE_EXCEEDED',
  'CALLED_DECISION_ERROR',
  'DECISION_EVALUATION_ERROR',
  'FORM_NOT_FOUND',
  'RESOURCE_NOT_FOUND',
];

export const IncidentSearchQuery = searchQuery(
  closed({
    processDefinitionId: Type.Optional(Type.String()),
    errorType: Type.Optional(caseInsensitiveEnum(INCIDENT_ERROR_TYPES)),
    errorMessage: Type.Optional(Type.String()),
    elementId: Type.Optional(Type.String()),
    creationTime: Type.Optional(DateTimeFilter),
    state: Type.Optional(caseInsensitiveEnum(['ACTIVE', 'MIGRATED', 'RESOLVED', 'PENDING'])),
    tenantId: Type.Optional(Type.String()),
    incidentKey: Type.Optional(Key),
    processDefinitionKey: Type.Optional(Key),
    processInstanceKey: Type.Optional(Key),
    elementInstanceKey: Type.Optional(Key),
    jobKey: Type.Optional(Key),
  }),
  [
    'incidentKey',
    'processDefinitionKey',
    'processDefinitionId',
    'processInstanceKey',
    'errorType',
    'errorMessage',
    'elementId',
    'elementInstanceKey',
    'creationTime',
    'state',
    'jobKey',
    'tenantId',
  ],
);

export const ElementInstanceSearchQuery = searchQuery(
  closed({
    processDefinitionId: Type.Optional(Type.String()),
    state: Type.Optional(enumFilter(['ACTIVE', 'COMPLETED', 'TERMINATED'])),
    type: Type.Optional(caseInsensitiveEnum(ELEMENT_TYPES)),
    elementId: Type.Optional(Type.String()),
    elementName: Type.Optional(Type.String()),
    hasIncident: Type.Optional(Type.Boolean()),
    tenantId: Type.Optional(Type.String()),
    elementInstanceKey: Type.Optional(Key),
    processInstanceKey: Type.Optional(Key),
    processDefinitionKey: Type.Optional(Key),
    incidentKey: Type.Optional(Key),
    startDate: Type.Optional(DateTimeFilter),
    endDate: Type.Optional(DateTimeFilter),
    elementInstanceScopeKey: Type.Optional(Key),
  }),
  [
    'elementInstanceKey',
    'processInstanceKey',
    'processDefinitionKey',
    'processDefinitionId',
    'startDate',
    'endDate',
    'elementId',
    'elementName',
    'type',
    'state',
    'incidentKey',
    'tenantId',
  ],
);

export const VariableSearchQuery = searchQuery(
  closed({
    name: Type.Optional(StringFilter),
    value: Type.Optional(StringFilter),
    tenantId: Type.Optional(Type.String()),
    isTruncated: Type.Optional(Type.Boolean()),
    variableKey: Type.Optional(KeyFilter),
    scopeKey: Type.Optional(KeyFilter),
    processInstanceKey: Type.Optional(KeyFilter),
  }),
  ['value', 'name', 'tenantId', 'variableKey', 'scopeKey', 'processInstanceKey'],
);

export const ProcessDefinitionSearchQuery = searchQuery(
  closed({
    name: Type.Optional(StringFilter),
    isLatestVersion: Type.Optional(Type.Boolean()),
    resourceName: Type.Optional(Type.String()),
    version: Type.Optional(Type.Integer()),
    versionTag: Type.Optional(Type.String()),
    processDefinitionId: Type.Optional(StringFilter),
    tenantId: Type.Optional(Type.String()),
    processDefinitionKey: Type.Optional(Key),
    hasStartForm: Type.Optional(Type.Boolean()),
  }),
  [
    'processDefinitionKey',
    'name',
    'resourceName',
    'version',
    'versionTag',
    'processDefinitionId',
    'tenantId',
  ],
);
