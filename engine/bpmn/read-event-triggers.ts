import { type Expression } from '../feel/expression';
import { type EventDefinition } from './model';
import { bodyOf, childOf, idOf, nonBlankTextOf, textOf, type ModdleElement } from './moddle-element';
import { checkConstantName, checkExpression, constantValueOf } from './expression-checks';
import { extensionsOfType } from './read-extensions';
import { cycleError, dateError, durationError } from './timer-values';
import { type Problems } from './problems';

/** How an event uses its trigger: waits for it, starts a process with it, or throws it. */
export type TriggerUse = 'catch' | 'process-start' | 'throw';

/**
 * A message reference. Catching needs a name and a `zeebe:subscription` correlation key (FEEL);
 * process start events need a name that is constant; throw events are job-based (name optional).
 */
export function readMessage(
  owner: ModdleElement,
  message: ModdleElement | undefined,
  use: TriggerUse,
  problems: Problems,
): EventDefinition | undefined {
  const rawName = nonBlankTextOf(message, 'name');
  if (use === 'throw') {
    const messageName = checkExpression(problems, owner, 'Message name', rawName) ?? {
      static: rawName ?? '',
    };
    return { kind: 'message', messageName };
  }
  if (!message) return report(problems, owner, 'Must reference a message');
  if (rawName === undefined) return report(problems, owner, `Message '${idOf(message)}' must have a name`);
  const messageName = checkExpression(problems, owner, 'Message name', rawName);
  if (!messageName) return undefined;
  if (use === 'process-start') {
    checkConstantName(problems, owner, 'Message name', messageName);
    return { kind: 'message', messageName };
  }
  const correlationKey = readCorrelationKey(owner, message, problems);
  return correlationKey ? { kind: 'message', messageName, correlationKey } : undefined;
}

function readCorrelationKey(
  owner: ModdleElement,
  message: ModdleElement,
  problems: Problems,
): Expression | undefined {
  const subscriptions = extensionsOfType(message, 'zeebe:Subscription');
  if (subscriptions.length !== 1) {
    problems.at(
      owner,
      `Message '${idOf(message)}' must have exactly one zeebe:subscription extension element with a correlationKey`,
    );
    return undefined;
  }
  const raw = textOf(subscriptions[0], 'correlationKey');
  return checkExpression(problems, owner, `Correlation key of message '${idOf(message)}'`, raw, {
    mandatory: true,
    nonStatic: true,
  });
}

const TIMER_KINDS = [
  ['duration', 'timeDuration', durationError],
  ['date', 'timeDate', dateError],
  ['cycle', 'timeCycle', cycleError],
] as const;

export interface TimerPlacement {
  readonly intermediate: boolean;
  readonly interrupting: boolean;
  /** Boundary events and event sub-process start events cannot cycle when interrupting. */
  readonly mayInterrupt: boolean;
  /** Process timer start events are scheduled on deployment: their FEEL is evaluated without variables. */
  readonly atDeployment: boolean;
}

/** Exactly one of timeDuration / timeDate / timeCycle; static values must parse. */
export function readTimer(
  owner: ModdleElement,
  definition: ModdleElement,
  placement: TimerPlacement,
  problems: Problems,
): EventDefinition | undefined {
  const present = TIMER_KINDS.filter(([, property]) => childOf(definition, property) !== undefined);
  if (present.length !== 1)
    return report(problems, owner, 'Must be exactly one type of timer: timeDuration, timeDate or timeCycle');
  const [timerType, property, staticError] = present[0];
  if (placement.intermediate && timerType === 'cycle') {
    return report(
      problems,
      owner,
      'Intermediate timer catch event must have either a time duration or a time date',
    );
  }
  if (placement.mayInterrupt && placement.interrupting && timerType === 'cycle') {
    return report(problems, owner, 'Interrupting timer event with time cycle is not allowed');
  }
  const value = checkExpression(problems, owner, `Timer ${timerType}`, bodyOf(definition, property)?.trim(), {
    mandatory: true,
  });
  if (!value) return undefined;
  const error =
    'static' in value
      ? staticError(value.static)
      : placement.atDeployment
        ? deploymentError(value.feel, timerType, staticError)
        : null;
  if (error) return report(problems, owner, error);
  return { kind: 'timer', timerType, value };
}

/** FEEL of a process timer start event: evaluable without variables, to a valid value. */
function deploymentError(
  feel: string,
  timerType: string,
  staticError: (value: string) => string | null,
): string | null {
  const value = constantValueOf(feel);
  if (value === undefined || value === null) {
    return `Invalid timer ${timerType} expression '=${feel}': a process timer start event is scheduled on deployment, without variables`;
  }
  return typeof value === 'string' ? staticError(value) : null;
}

/**
 * Throwing (end events) needs an error with a code (may be FEEL). Catching without an error or
 * code catches all errors; a catch error code must be static.
 */
export function readError(
  owner: ModdleElement,
  definition: ModdleElement,
  use: TriggerUse,
  problems: Problems,
): EventDefinition | undefined {
  const error = childOf(definition, 'errorRef');
  const code = nonBlankTextOf(error, 'errorCode');
  if (use === 'throw') {
    if (!error) return report(problems, owner, 'Must reference an error');
    if (code === undefined) return report(problems, owner, `Error '${idOf(error)}' must have an errorCode`);
    const errorCode = checkExpression(problems, owner, 'Error code', code);
    return errorCode ? { kind: 'error', errorCode } : undefined;
  }
  if (code === undefined) return { kind: 'error' };
  if (code.trim().startsWith('='))
    return report(
      problems,
      owner,
      'The errorCode of the error catch event is not allowed to be an expression',
    );
  return { kind: 'error', errorCode: { static: code } };
}

/** A signal reference with a name (FEEL allowed; constant on process start events). */
export function readSignal(
  owner: ModdleElement,
  definition: ModdleElement,
  use: TriggerUse,
  problems: Problems,
): EventDefinition | undefined {
  const signal = childOf(definition, 'signalRef');
  if (!signal) return report(problems, owner, 'Must reference a signal');
  const rawName = nonBlankTextOf(signal, 'name');
  if (rawName === undefined) return report(problems, owner, `Signal '${idOf(signal)}' must have a name`);
  const signalName = checkExpression(problems, owner, 'Signal name', rawName);
  if (!signalName) return undefined;
  if (use === 'process-start') checkConstantName(problems, owner, 'Signal name', signalName);
  return { kind: 'signal', signalName };
}

export function readLink(
  owner: ModdleElement,
  definition: ModdleElement,
  problems: Problems,
): EventDefinition | undefined {
  const linkName = nonBlankTextOf(definition, 'name');
  return linkName === undefined
    ? report(problems, owner, 'Link name must be present and not empty')
    : { kind: 'link', linkName };
}

function report(problems: Problems, owner: ModdleElement, message: string): undefined {
  problems.at(owner, message);
  return undefined;
}
