import { expressionText } from '../feel/expression';
import { type NodeDraft } from './process-draft';

/**
 * Events that compete in one scope (boundary events of one activity, start events of the event
 * sub-processes of one scope, start events of a process, targets of an event-based gateway) must be
 * told apart: no two with the same message or signal name, at most one catch-all error, no two with
 * the same error code. Returns the problems found.
 */
export function duplicateTriggers(events: readonly NodeDraft[]): string[] {
  const messages: string[] = [];
  const signals: string[] = [];
  const errorCodes: string[] = [];
  let catchAllErrors = 0;
  for (const { event } of events) {
    if (event?.kind === 'message') messages.push(expressionText(event.messageName));
    else if (event?.kind === 'signal') signals.push(expressionText(event.signalName));
    else if (event?.kind === 'error' && event.errorCode) errorCodes.push(expressionText(event.errorCode));
    else if (event?.kind === 'error') catchAllErrors += 1;
  }
  return [
    ...duplicates(messages).map(
      (name) => `Multiple message event definitions with the same name '${name}' are not allowed`,
    ),
    ...duplicates(signals).map(
      (name) => `Multiple signal event definitions with the same name '${name}' are not allowed`,
    ),
    ...duplicates(errorCodes).map(
      (code) =>
        `Multiple error catch events with the same error code '${code}' are not supported on the same scope`,
    ),
    ...(catchAllErrors > 1
      ? [
          'The same scope can not contain more than one error catch event without error code (an error catch event without error code catches all errors)',
        ]
      : []),
  ];
}

export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}
