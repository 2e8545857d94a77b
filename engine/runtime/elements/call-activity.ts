import { type FlowNode } from '../../bpmn/model';
import { type JsonObject } from '../../feel/expression';
import { evaluateString } from '../../feel/evaluate';
import { type Runtime } from '../runtime';
import { type ElementInstance } from '../state/entities';
import { localVariables, visibleVariables } from '../variables';
import { type ActivationStep, incident } from './activation';
import { completeElement, nodeOf } from './lifecycle';
import { createProcessInstance } from './process-instance';

/**
 * A call activity starts the latest version of the called process. The child gets all variables
 * visible at the call activity (`propagateAllParentVariables`, default) or only the call activity's
 * own (input-mapped) variables.
 */
export function prepareCallActivity(rt: Runtime, instance: ElementInstance, node: FlowNode): ActivationStep {
  const call = node.callActivity!;
  const processId = evaluateString(call.processId, visibleVariables(rt, instance.key));
  if (!processId.ok) return incident('EXTRACT_VALUE_ERROR', processId.message);
  const definition = rt.state.latestDefinition(processId.value);
  if (!definition) {
    return incident(
      'CALLED_ELEMENT_ERROR',
      `Expected process with BPMN process id '${processId.value}' to be deployed, but not found.`,
    );
  }
  if (!definition.model.startEvents.none) {
    return incident(
      'CALLED_ELEMENT_ERROR',
      `Expected process with BPMN process id '${processId.value}' to have a none start event, but not found.`,
    );
  }
  return {
    then: (activated) => {
      const variables = call.propagateAllParentVariables
        ? visibleVariables(rt, activated.key)
        : localVariables(rt, activated.key);
      const child = createProcessInstance(rt, definition, { variables, parent: activated });
      const current = rt.state.elements.get(activated.key);
      if (current && current.state === 'ACTIVATED' && rt.state.elements.has(child.key)) {
        rt.state.elements.update(activated.key, { calledProcessInstanceKey: child.key });
      }
    },
  };
}

/**
 * The called process completed: its root variables come back to the call activity (all of them by
 * default; with `propagateAllChildVariables=false` only through output mappings).
 */
export function calledProcessEnded(rt: Runtime, callActivityKey: number, childVariables: JsonObject): void {
  const callActivity = rt.state.elements.get(callActivityKey);
  if (!callActivity || callActivity.state !== 'ACTIVATED') return;
  const node = nodeOf(rt, callActivity);
  const propagate = node.callActivity!.propagateAllChildVariables;
  rt.state.elements.update(callActivityKey, { calledProcessInstanceKey: undefined });
  completeElement(rt, callActivity, propagate || node.outputs.length > 0 ? childVariables : undefined, {
    propagate,
  });
}
