import { parseExpression } from '@bpmn-io/feelin';

/** A JSON value as it travels in variables. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * A value in a Zeebe extension attribute: `=…` is a FEEL expression, anything else a static string
 * (Camunda 8 convention).
 */
export type Expression = { readonly feel: string } | { readonly static: string };

export function expressionOf(attribute: string): Expression {
  const trimmed = attribute.trim();
  return trimmed.startsWith('=') ? { feel: trimmed.slice(1) } : { static: attribute };
}

export function isFeel(expression: Expression): expression is { readonly feel: string } {
  return 'feel' in expression;
}

/** The expression as written in the diagram (with its leading `=` for FEEL). */
export function expressionText(expression: Expression): string {
  return isFeel(expression) ? `=${expression.feel}` : expression.static;
}

/** The FEEL syntax error of an expression (without its leading `=`), or null when it parses. */
export function feelSyntaxError(feel: string): string | null {
  if (feel.trim() === '') return 'the expression is empty';
  const tree = parseExpression(feel, {}, undefined);
  let error: string | null = null;
  tree.iterate({
    enter(node) {
      if (error === null && node.type.isError) {
        const near = feel.slice(Math.max(0, node.from - 10), node.to + 10);
        error = `invalid FEEL syntax at position ${node.from + 1} (near '${near}')`;
      }
    },
  });
  return error;
}
