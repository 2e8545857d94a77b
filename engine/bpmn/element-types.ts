import { type ElementType } from './model';
import { type ModdleElement } from './moddle-element';

const NODE_TYPES: Readonly<Record<string, ElementType>> = {
  'bpmn:StartEvent': 'START_EVENT',
  'bpmn:IntermediateCatchEvent': 'INTERMEDIATE_CATCH_EVENT',
  'bpmn:IntermediateThrowEvent': 'INTERMEDIATE_THROW_EVENT',
  'bpmn:BoundaryEvent': 'BOUNDARY_EVENT',
  'bpmn:EndEvent': 'END_EVENT',
  'bpmn:Task': 'TASK',
  'bpmn:ServiceTask': 'SERVICE_TASK',
  'bpmn:SendTask': 'SEND_TASK',
  'bpmn:ScriptTask': 'SCRIPT_TASK',
  'bpmn:BusinessRuleTask': 'BUSINESS_RULE_TASK',
  'bpmn:ReceiveTask': 'RECEIVE_TASK',
  'bpmn:UserTask': 'USER_TASK',
  'bpmn:ManualTask': 'MANUAL_TASK',
  'bpmn:ExclusiveGateway': 'EXCLUSIVE_GATEWAY',
  'bpmn:ParallelGateway': 'PARALLEL_GATEWAY',
  'bpmn:InclusiveGateway': 'INCLUSIVE_GATEWAY',
  'bpmn:EventBasedGateway': 'EVENT_BASED_GATEWAY',
  'bpmn:CallActivity': 'CALL_ACTIVITY',
};

/** Flow elements without runtime behaviour that Zeebe accepts and ignores. */
export const NON_EXECUTABLE_TYPES: ReadonlySet<string> = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

/** The Zeebe element type of a flow node, or undefined when the embedded engine does not support it. */
export function elementTypeOf(element: ModdleElement): ElementType | undefined {
  if (element.$type === 'bpmn:SubProcess')
    return element.triggeredByEvent === true ? 'EVENT_SUB_PROCESS' : 'SUB_PROCESS';
  return NODE_TYPES[element.$type];
}

const EVENTS: ReadonlySet<ElementType> = new Set([
  'START_EVENT',
  'INTERMEDIATE_CATCH_EVENT',
  'INTERMEDIATE_THROW_EVENT',
  'BOUNDARY_EVENT',
  'END_EVENT',
]);

const ACTIVITIES: ReadonlySet<ElementType> = new Set([
  'TASK',
  'SERVICE_TASK',
  'SEND_TASK',
  'SCRIPT_TASK',
  'BUSINESS_RULE_TASK',
  'RECEIVE_TASK',
  'USER_TASK',
  'MANUAL_TASK',
  'SUB_PROCESS',
  'CALL_ACTIVITY',
]);

export function isEvent(type: ElementType): boolean {
  return EVENTS.has(type);
}

/** Activities that can carry boundary events and multi-instance (event sub-processes excluded). */
export function isActivity(type: ElementType): boolean {
  return ACTIVITIES.has(type);
}

export function isContainer(type: ElementType): boolean {
  return type === 'SUB_PROCESS' || type === 'EVENT_SUB_PROCESS';
}
