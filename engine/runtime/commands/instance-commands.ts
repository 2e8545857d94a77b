import { type JsonObject } from '../../feel/expression';
import { terminateElement, tryActivate, tryComplete } from '../elements/lifecycle';
import { createProcessInstance } from '../elements/process-instance';
import { closeIncident, raiseIncident } from '../incidents';
import { jobBecameActivatable } from '../jobs';
import { rejected } from '../rejection';
import { record, type Runtime } from '../runtime';
import { type ElementInstance, type ProcessDefinition } from '../state/entities';
import { propagateVariables, setLocalVariables } from '../variables';

export interface CreateInstanceRequest {
  readonly bpmnProcessId?: string;
  /** -1 (or absent) = latest. */
  readonly version?: number;
  readonly processDefinitionKey?: number;
  readonly variables: JsonObject;
  readonly startInstructions?: readonly string[];
}

/** Which definition a create request names (Zeebe: id + version, id = latest, or key). */
export function resolveDefinition(
  rt: Runtime,
  request: CreateInstanceRequest,
  intent = 'CREATE',
): ProcessDefinition {
  if (request.bpmnProcessId) {
    const versions = rt.state.definitionsById.get(request.bpmnProcessId) ?? [];
    if (request.version === undefined || request.version < 0) {
      const latest = versions[versions.length - 1];
      if (latest) return latest;
      throw rejected(
        intent,
        'NOT_FOUND',
        `Expected to find process definition with process ID '${request.bpmnProcessId}', but none found`,
      );
    }
    const exact = versions.find((d) => d.version === request.version);
    if (exact) return exact;
    throw rejected(
      intent,
      'NOT_FOUND',
      `Expected to find process definition with process ID '${request.bpmnProcessId}' and version '${request.version}', but none found`,
    );
  }
  if (request.processDefinitionKey !== undefined && request.processDefinitionKey > 0) {
    const byKey = rt.state.definitions.get(request.processDefinitionKey);
    if (byKey) return byKey;
    throw rejected(
      intent,
      'NOT_FOUND',
      `Expected to find process definition with key '${request.processDefinitionKey}', but none found`,
    );
  }
  throw rejected(
    intent,
    'INVALID_ARGUMENT',
    'Expected at least a bpmnProcessId or a key greater than -1, but none given',
  );
}

export function createInstance(
  rt: Runtime,
  request: CreateInstanceRequest,
  intent = 'CREATE',
): ElementInstance {
  const definition = resolveDefinition(rt, request, intent);
  const model = definition.model;
  if (request.startInstructions && request.startInstructions.length > 0) {
    for (const elementId of request.startInstructions) {
      const node = model.nodes.get(elementId);
      if (
        !node ||
        node.type === 'START_EVENT' ||
        node.type === 'BOUNDARY_EVENT' ||
        insideMultiInstance(model, elementId)
      ) {
        throw rejected(
          intent,
          'INVALID_ARGUMENT',
          `Expected to create instance of process with start instructions but no element found with id '${elementId}'.`,
        );
      }
    }
  } else if (!model.startEvents.none) {
    throw rejected(
      intent,
      'INVALID_STATE',
      'Expected to create instance of process with none start event, but there is no such event',
    );
  }
  return createProcessInstance(rt, definition, {
    variables: request.variables,
    ...(request.startInstructions?.length ? { startInstructions: request.startInstructions } : {}),
  });
}

function insideMultiInstance(model: ProcessDefinition['model'], elementId: string): boolean {
  for (
    let node = model.nodes.get(model.nodes.get(elementId)!.scopeId);
    node;
    node = model.nodes.get(node.scopeId)
  ) {
    if (node.multiInstance) return true;
  }
  return false;
}

export function cancelInstance(rt: Runtime, key: number): void {
  const root = rt.state.elements.get(key);
  if (!root || root.elementType !== 'PROCESS') {
    throw rejected(
      'CANCEL',
      'NOT_FOUND',
      `Expected to cancel a process instance with key '${key}', but no such process was found`,
    );
  }
  if (root.parentProcessInstanceKey !== undefined) {
    throw rejected(
      'CANCEL',
      'INVALID_STATE',
      `Expected to cancel a process instance with key '${key}', but it is created by a parent process instance. Cancel the root process instance '${rootOf(rt, root)}' instead.`,
    );
  }
  terminateElement(rt, root);
}

function rootOf(rt: Runtime, instance: ElementInstance): number {
  let current = instance;
  while (current.parentProcessInstanceKey !== undefined) {
    const parent = rt.state.elements.get(current.parentProcessInstanceKey);
    if (!parent) break;
    current = parent;
  }
  return current.key;
}

/** SetVariables: locally on the scope, or propagated from it (Zeebe's `local` flag). */
export function setVariables(rt: Runtime, scopeKey: number, variables: JsonObject, local: boolean): number {
  const scope = rt.state.elements.get(scopeKey);
  if (!scope) {
    throw rejected(
      'UPDATE',
      'NOT_FOUND',
      `Expected to update variables for element with key '${scopeKey}', but no such element was found`,
    );
  }
  if (local) setLocalVariables(rt, scope, variables);
  else propagateVariables(rt, scopeKey, variables);
  const key = rt.state.newKey();
  record(rt, 'VARIABLE_DOCUMENT', 'UPDATED', key, scope.processInstanceKey, { scopeKey, local });
  return key;
}

/**
 * Resolving an incident retries what failed: a job with retries becomes activatable again; an
 * element retries its activation or completion (a new incident if it fails again).
 */
export function resolveIncident(rt: Runtime, key: number): void {
  const incident = rt.state.incidents.get(key);
  if (!incident)
    throw rejected(
      'RESOLVE',
      'NOT_FOUND',
      `Expected to resolve incident with key '${key}', but no such incident was found`,
    );
  const job = incident.jobKey === undefined ? undefined : rt.state.jobs.get(incident.jobKey);
  if (job && job.retries <= 0 && incident.errorType === 'JOB_NO_RETRIES') {
    throw rejected(
      'RESOLVE',
      'INVALID_STATE',
      `Expected to resolve incident with key '${key}', but job with key '${job.key}' has no retries left. Please update the job retries and retry resolving the incident`,
    );
  }
  closeIncident(rt, incident);
  if (job) {
    const revived = rt.state.jobs.update(job.key, {
      state: 'ACTIVATABLE',
      retryAt: undefined,
      errorCode: undefined,
    });
    record(rt, 'JOB', 'RETRIES_UPDATED', job.key, job.processInstanceKey, {
      type: job.type,
      retries: job.retries,
    });
    jobBecameActivatable(rt, revived);
    return;
  }
  const instance = rt.state.elements.get(incident.elementInstanceKey);
  if (!instance) return;
  if (instance.state === 'ACTIVATING') tryActivate(rt, instance);
  else if (instance.state === 'COMPLETING') tryComplete(rt, instance);
  else raiseIncident(rt, instance, incident.errorType, incident.errorMessage, incident.jobKey);
}
