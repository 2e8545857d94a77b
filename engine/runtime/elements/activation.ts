import { type FlowNode } from '../../bpmn/model';
import { evaluateString, evaluateValue } from '../../feel/evaluate';
import { availableErrorCodes, catchError, findErrorCatch, unhandledErrorMessage } from '../events/errors';
import { broadcastSignal } from '../events/signals';
import { openSubscriptions, prepareSubscriptions } from '../events/subscriptions';
import { type Runtime } from '../runtime';
import { type ElementInstance, type IncidentErrorType } from '../state/entities';
import { localVariables, visibleVariables } from '../variables';
import { prepareCallActivity } from './call-activity';
import { chooseFlows } from './gateways';
import { completeElement, modelOf, terminateChildren } from './lifecycle';
import { activateBody } from './multi-instance';
import { activateProcessScope, activateSubProcessScope } from './process-instance';
import { prepareJob, prepareUserTask } from './tasks';

/** What activating an element does: either it cannot (an incident), or the effect once activated. */
export type ActivationStep =
  | { readonly incident: { readonly errorType: IncidentErrorType; readonly message: string } }
  | { readonly then: (instance: ElementInstance) => void };

export type IncidentStep = Extract<ActivationStep, { incident: unknown }>;

export const incident = (errorType: IncidentErrorType, message: string): IncidentStep => ({
  incident: { errorType, message },
});

/** The element-type-specific part of activation (after input mappings and boundary events). */
export function activationStep(
  rt: Runtime,
  instance: ElementInstance,
  node: FlowNode | undefined,
): ActivationStep {
  if (!node) return activateProcessScope(rt, instance);
  switch (instance.elementType) {
    case 'MULTI_INSTANCE_BODY':
      return activateBody(rt, instance, node);
    case 'SUB_PROCESS':
    case 'EVENT_SUB_PROCESS':
      return activateSubProcessScope(rt, instance, node);
    case 'CALL_ACTIVITY':
      return prepareCallActivity(rt, instance, node);
    case 'START_EVENT':
      return { then: (activated) => completeElement(rt, activated, activated.eventVariables) };
    case 'BOUNDARY_EVENT': {
      // variables of a caught error stay on the boundary event unless output mappings take them
      const propagate = node.event?.kind !== 'error';
      return { then: (activated) => completeElement(rt, activated, activated.eventVariables, { propagate }) };
    }
    case 'INTERMEDIATE_CATCH_EVENT':
    case 'RECEIVE_TASK':
      return catchEvent(rt, instance, node);
    case 'INTERMEDIATE_THROW_EVENT':
    case 'END_EVENT':
      return throwEvent(rt, instance, node);
    case 'SERVICE_TASK':
    case 'SEND_TASK':
    case 'BUSINESS_RULE_TASK':
      return prepareJob(rt, instance, node);
    case 'SCRIPT_TASK':
      return node.script ? scriptTask(rt, instance, node) : prepareJob(rt, instance, node);
    case 'USER_TASK':
      return node.userTask ? prepareUserTask(rt, instance, node) : prepareJob(rt, instance, node);
    case 'EXCLUSIVE_GATEWAY':
    case 'INCLUSIVE_GATEWAY': {
      const flows = chooseFlows(rt, instance, node);
      if ('incident' in flows) return flows;
      return { then: (activated) => completeElement(rt, activated, undefined, { flows: flows.flows }) };
    }
    case 'EVENT_BASED_GATEWAY':
      return eventBasedGateway(rt, instance, node);
    default:
      return { then: (activated) => completeElement(rt, activated) };
  }
}

function catchEvent(rt: Runtime, instance: ElementInstance, node: FlowNode): ActivationStep {
  if (instance.triggeredBy !== undefined || node.event?.kind === 'link') {
    return { then: (activated) => completeElement(rt, activated, activated.eventVariables) };
  }
  const prepared = prepareSubscriptions(rt, instance.key, [node]);
  if (!prepared.ok) return incident(prepared.errorType, prepared.message);
  return { then: (activated) => openSubscriptions(rt, activated, prepared.subscriptions) };
}

function throwEvent(rt: Runtime, instance: ElementInstance, node: FlowNode): ActivationStep {
  if (node.job) return prepareJob(rt, instance, node);
  const event = node.event;
  if (event?.kind === 'signal') {
    const name = evaluateString(event.signalName, visibleVariables(rt, instance.key));
    if (!name.ok) return incident('EXTRACT_VALUE_ERROR', name.message);
    return {
      then: (activated) => {
        // the signal carries the throw event's local variables (its input mappings), as in Zeebe
        broadcastSignal(rt, name.value, localVariables(rt, activated.key));
        completeElement(rt, activated);
      },
    };
  }
  if (event?.kind === 'error') return errorEndEvent(rt, instance, node);
  if (event?.kind === 'terminate') {
    return {
      then: (activated) => {
        terminateChildren(rt, activated.flowScopeKey!, activated.key);
        completeElement(rt, activated);
      },
    };
  }
  return { then: (activated) => completeElement(rt, activated) };
}

function errorEndEvent(rt: Runtime, instance: ElementInstance, node: FlowNode): ActivationStep {
  const event = node.event;
  const errorCode = event?.kind === 'error' ? event.errorCode : undefined;
  const code = errorCode
    ? evaluateString(errorCode, visibleVariables(rt, instance.key))
    : { ok: true as const, value: '' };
  if (!code.ok) return incident('EXTRACT_VALUE_ERROR', code.message);
  const target = findErrorCatch(rt, instance, code.value);
  if (!target) {
    return incident(
      'UNHANDLED_ERROR_EVENT',
      unhandledErrorMessage(code.value, '', availableErrorCodes(rt, instance)),
    );
  }
  return { then: () => catchError(rt, target, {}) };
}

function scriptTask(rt: Runtime, instance: ElementInstance, node: FlowNode): ActivationStep {
  const script = node.script!;
  const result = evaluateValue(script.expression, visibleVariables(rt, instance.key));
  if (!result.ok) return incident('EXTRACT_VALUE_ERROR', result.message);
  return { then: (activated) => completeElement(rt, activated, { [script.resultVariable]: result.value }) };
}

function eventBasedGateway(rt: Runtime, instance: ElementInstance, node: FlowNode): ActivationStep {
  const model = modelOf(rt, instance);
  const targets = node.outgoing.map((flowId) => model.nodes.get(model.flows.get(flowId)!.targetId)!);
  const prepared = prepareSubscriptions(rt, instance.key, targets);
  if (!prepared.ok) return incident(prepared.errorType, prepared.message);
  return { then: (activated) => openSubscriptions(rt, activated, prepared.subscriptions) };
}
