import { evaluate } from '@bpmn-io/feelin';
import type { VariableContext } from './eval-result';

/** The only place that calls feelin: its result is `unknown` until feel-value.ts classifies it. */
export type FeelRun =
  | { readonly ok: true; readonly value: unknown; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * Evaluates FEEL text (without its leading '=') against the variables. A missing variable is null
 * with a warning (feel-scala's null-friendliness, which feelin shares); a syntax error or an
 * exception inside feelin is a failure, never a throw.
 */
export function runFeel(feel: string, variables: VariableContext): FeelRun {
  try {
    // feelin only reads the context (variables are passed as is, not copied)
    const context = feel.includes('assert') ? withAssert(variables) : variables;
    const result = evaluate(feel, context as Record<string, unknown>);
    return { ok: true, value: result.value, warnings: result.warnings.map(formatWarning) };
  } catch (error: unknown) {
    return { ok: false, message: describeError(feel, error) };
  }
}

/** Zeebe's wording: the failure message, then the warnings that explain a null result. */
export function withWarnings(message: string, warnings: readonly string[]): string {
  if (warnings.length === 0) return message;
  return `${message} The evaluation reported the following warnings:\n${warnings.join('\n')}`;
}

function formatWarning(warning: { type: string; message: string }): string {
  return `[${warning.type}] ${warning.message}`;
}

/** feel-scala's `assert(value, condition[, cause])`: the value, or a failure when the condition is not true. */
class AssertionFailure extends Error {}

function assert(value: unknown, condition: unknown, cause?: unknown): unknown {
  if (condition !== true)
    throw new AssertionFailure(typeof cause === 'string' ? cause : 'The condition is not fulfilled');
  return value;
}

/** The variables plus the `assert` built-in (unless a variable of that name shadows it), without copying them. */
function withAssert(variables: VariableContext): VariableContext {
  if (Object.prototype.hasOwnProperty.call(variables, 'assert')) return variables;
  return new Proxy(variables as Record<string, unknown>, {
    get: (target, key) => (key === 'assert' ? assert : target[key as string]),
    has: (target, key) => key === 'assert' || key in target,
    ownKeys: (target) => [...Reflect.ownKeys(target), 'assert'],
    getOwnPropertyDescriptor: (target, key) =>
      key === 'assert'
        ? { value: assert, enumerable: true, configurable: true, writable: false }
        : Reflect.getOwnPropertyDescriptor(target, key),
  }) as VariableContext;
}

function describeError(feel: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof AssertionFailure)
    return `Assertion failure on evaluate the expression '${feel}': ${message}`;
  const position = syntaxPosition(error);
  if (position !== null) {
    return `Failed to parse expression '${feel}': ${message} at position ${position + 1}`;
  }
  return `Failed to evaluate expression '${feel}': ${message}`;
}

function syntaxPosition(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('position' in error)) return null;
  const position: unknown = error.position;
  if (typeof position !== 'object' || position === null || !('from' in position)) return null;
  return typeof position.from === 'number' ? position.from : null;
}
