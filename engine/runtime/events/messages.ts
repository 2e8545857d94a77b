import { type JsonObject } from '../../feel/expression';
import { createProcessInstance } from '../elements/process-instance';
import { rejected } from '../rejection';
import { record, type Runtime } from '../runtime';
import { type Message, type MessageSubscription } from '../state/entities';
import { triggerEvent } from './trigger';

export interface MessageToPublish {
  readonly name: string;
  readonly correlationKey: string;
  /** Milliseconds the message waits for a subscription; 0 = only subscriptions open now. */
  readonly timeToLive: number;
  readonly messageId?: string;
  readonly variables: JsonObject;
}

export interface Correlation {
  readonly messageKey: number;
  /** Process instances the message reached (started or continued), in order. */
  readonly processInstanceKeys: number[];
}

/**
 * Publishes a message: it reaches at most one subscription per BPMN process id (catch events
 * before start events); with a time to live it is buffered for subscriptions opened later.
 */
export function publishMessage(rt: Runtime, message: MessageToPublish, intent = 'PUBLISH'): Correlation {
  const now = rt.clock.now();
  if (message.messageId) {
    const id = `${message.name}\0${message.correlationKey}\0${message.messageId}`;
    for (const key of rt.state.messagesById.keys(id)) {
      if (rt.state.messages.require(key).expiresAt > now) {
        throw rejected(
          intent,
          'ALREADY_EXISTS',
          `Expected to publish a new message with id '${message.messageId}', but a message with that id was already published`,
        );
      }
    }
  }
  const messageKey = rt.state.newKey();
  record(rt, 'MESSAGE', 'PUBLISHED', messageKey, undefined, {
    name: message.name,
    correlationKey: message.correlationKey,
    timeToLive: message.timeToLive,
    ...(message.messageId ? { messageId: message.messageId } : {}),
  });
  const served = new Set<string>();
  const processInstanceKeys: number[] = [];
  const group = `${message.name}\0${message.correlationKey}`;
  const subscriptions = [...rt.state.messageSubscriptionsByName.keys(group)].map((k) =>
    rt.state.messageSubscriptions.require(k),
  );
  for (const subscription of subscriptions) {
    if (served.has(subscription.bpmnProcessId) || !rt.state.messageSubscriptions.has(subscription.key))
      continue;
    served.add(subscription.bpmnProcessId);
    processInstanceKeys.push(subscription.processInstanceKey);
    correlate(rt, subscription, messageKey, message.variables);
  }
  for (const start of rt.state.startEvents().message.get(message.name) ?? []) {
    const processId = start.definition.bpmnProcessId;
    if (served.has(processId) || blockedByActiveInstance(rt, processId, message.correlationKey)) continue;
    served.add(processId);
    const root = createProcessInstance(rt, start.definition, {
      startEventId: start.elementId,
      eventVariables: message.variables,
      ...(message.correlationKey !== '' ? { messageStartCorrelationKey: message.correlationKey } : {}),
    });
    processInstanceKeys.push(root.key);
  }
  if (message.timeToLive > 0) {
    rt.state.messages.insert({
      key: messageKey,
      name: message.name,
      correlationKey: message.correlationKey,
      ...(message.messageId ? { messageId: message.messageId } : {}),
      variables: message.variables,
      publishedAt: now,
      expiresAt: now + message.timeToLive,
      correlatedProcesses: [...served],
      tenantId: '<default>',
    });
    rt.state.afterCommit(() => rt.notify.scheduleChanged());
  }
  return { messageKey, processInstanceKeys };
}

/** Only one instance per process and correlation key may run that a message with that key started. */
function blockedByActiveInstance(rt: Runtime, bpmnProcessId: string, correlationKey: string): boolean {
  return correlationKey !== '' && rt.state.messageStarted.size(`${bpmnProcessId}\0${correlationKey}`) > 0;
}

function correlate(
  rt: Runtime,
  subscription: MessageSubscription,
  messageKey: number,
  variables: JsonObject,
): void {
  record(
    rt,
    'PROCESS_MESSAGE_SUBSCRIPTION',
    'CORRELATED',
    subscription.key,
    subscription.processInstanceKey,
    {
      messageName: subscription.messageName,
      correlationKey: subscription.correlationKey,
      elementId: subscription.elementId,
      messageKey,
    },
  );
  const owner = rt.state.elements.get(subscription.elementInstanceKey);
  if (owner) triggerEvent(rt, owner, subscription.elementId, variables);
}

/** A subscription was just opened: it takes the oldest live buffered message its process has not had yet. */
export function correlateBufferedMessage(rt: Runtime, subscriptionKey: number): void {
  const subscription = rt.state.messageSubscriptions.get(subscriptionKey);
  if (!subscription) return;
  const message = oldestBuffered(
    rt,
    subscription.messageName,
    subscription.correlationKey,
    subscription.bpmnProcessId,
  );
  if (!message) return;
  rt.state.messages.update(message.key, {
    correlatedProcesses: [...message.correlatedProcesses, subscription.bpmnProcessId],
  });
  correlate(rt, subscription, message.key, message.variables);
}

function oldestBuffered(
  rt: Runtime,
  name: string,
  correlationKey: string,
  bpmnProcessId: string,
): Message | undefined {
  const now = rt.clock.now();
  for (const key of rt.state.messagesByName.keys(`${name}\0${correlationKey}`)) {
    const message = rt.state.messages.require(key);
    if (message.expiresAt > now && !message.correlatedProcesses.includes(bpmnProcessId)) return message;
  }
  return undefined;
}

/** A message-started instance ended: the next buffered message with its correlation key may start another. */
export function startNextBufferedMessage(rt: Runtime, bpmnProcessId: string, correlationKey: string): void {
  rt.agenda.push(() => {
    if (blockedByActiveInstance(rt, bpmnProcessId, correlationKey)) return;
    for (const [name, starts] of rt.state.startEvents().message) {
      const start = starts.find((s) => s.definition.bpmnProcessId === bpmnProcessId);
      const message = start && oldestBuffered(rt, name, correlationKey, bpmnProcessId);
      if (!start || !message) continue;
      rt.state.messages.update(message.key, {
        correlatedProcesses: [...message.correlatedProcesses, bpmnProcessId],
      });
      createProcessInstance(rt, start.definition, {
        startEventId: start.elementId,
        eventVariables: message.variables,
        messageStartCorrelationKey: correlationKey,
      });
      return;
    }
  });
}

/** Drops buffered messages whose time to live is over. */
export function expireMessages(rt: Runtime, now: number, limit: number): number {
  const keys = rt.state.messages.takeDue(rt.state.messagesExpiring, now, limit);
  for (const key of keys) {
    const message = rt.state.messages.require(key);
    rt.state.messages.remove(key);
    record(rt, 'MESSAGE', 'EXPIRED', key, undefined, {
      name: message.name,
      correlationKey: message.correlationKey,
    });
  }
  return keys.length;
}
