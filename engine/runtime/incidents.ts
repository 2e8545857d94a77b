import { type ElementInstance, type Incident, type IncidentErrorType } from './state/entities';
import { record, type Runtime } from './runtime';

/**
 * An element cannot go on (a FEEL or mapping failure, a job out of retries, an uncaught error): the
 * engine raises an incident and the element waits where it is until the incident is resolved.
 */
export function raiseIncident(
  rt: Runtime,
  instance: ElementInstance,
  errorType: IncidentErrorType,
  errorMessage: string,
  jobKey?: number,
): Incident {
  const key = rt.state.newKey();
  const incident: Incident = {
    key,
    state: 'ACTIVE',
    errorType,
    errorMessage,
    processInstanceKey: instance.processInstanceKey,
    elementInstanceKey: instance.key,
    elementId: instance.elementId,
    ...(jobKey === undefined ? {} : { jobKey }),
    bpmnProcessId: instance.bpmnProcessId,
    processDefinitionKey: instance.processDefinitionKey,
    tenantId: instance.tenantId,
    creationTime: rt.clock.now(),
  };
  rt.state.incidents.insert(incident);
  rt.state.elements.update(instance.key, { incidentKey: key });
  record(rt, 'INCIDENT', 'CREATED', key, instance.processInstanceKey, {
    errorType,
    errorMessage,
    elementId: instance.elementId,
    elementInstanceKey: instance.key,
    ...(jobKey === undefined ? {} : { jobKey }),
  });
  return incident;
}

/** Marks an incident resolved (the caller retries what failed). */
export function closeIncident(rt: Runtime, incident: Incident): void {
  const resolved: Incident = { ...incident, state: 'RESOLVED', resolvedAt: rt.clock.now() };
  rt.state.incidents.remove(incident.key, resolved);
  const instance = rt.state.elements.get(incident.elementInstanceKey);
  if (instance?.incidentKey === incident.key)
    rt.state.elements.update(instance.key, { incidentKey: undefined });
  record(rt, 'INCIDENT', 'RESOLVED', incident.key, incident.processInstanceKey, {
    errorType: incident.errorType,
    elementId: incident.elementId,
    elementInstanceKey: incident.elementInstanceKey,
  });
}

/** The element ended (terminated): its open incidents are resolved with it. */
export function closeIncidentsOf(rt: Runtime, elementInstanceKey: number): void {
  for (const key of [...rt.state.incidentsOf.keys(String(elementInstanceKey))]) {
    closeIncident(rt, rt.state.incidents.require(key));
  }
}
