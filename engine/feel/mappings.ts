import { fail, ok, type EvalResult, type VariableContext } from './eval-result';
import { evaluateValue } from './evaluate';
import { expressionText, isFeel, type Expression, type JsonObject } from './expression';
import { MappingResult, targetPath, type MappingKind } from './mapping-result';

/**
 * Zeebe input/output mappings (`zeebe:ioMapping`), as Camunda 8.8 documents them
 * (docs.camunda.io/docs/8.8/components/concepts/variables/#inputoutput-variable-mappings,
 * camunda/camunda-docs versioned_docs/version-8.8/components/concepts/variables.md):
 *
 * - "Variable mappings are evaluated in the defined order. Therefore, a source expression can
 *   access the target variable of a previous mapping." Each source sees the results so far over
 *   the element's variables (camunda/camunda#58801 and #59087 evaluate them one by one; before
 *   them one combined FEEL context could reorder nested targets, camunda/camunda#11789).
 * - "If the variable or nested property doesn't exist, the value resolves to null. The same
 *   applies if you do not provide a source" (an empty static source is null here too).
 * - A static source (no leading '=') is the string itself: Zeebe quotes it as a FEEL string
 *   literal, so `1` stays "1" (VariableMappingTransformer#toInputSourceExpression).
 * - The target is a variable name or a dotted path. Several mappings to one root build one object;
 *   an input `a.b` creates `a = {b: …}` without the scope's `a`; an output `a.b` merges into the
 *   existing `a` ("it updates a property of an existing process variable"), while an output to `a`
 *   replaces it (docs 8.7.33+/8.8 announcement: replace is the intended behaviour). Details in
 *   mapping-result.ts, a port of MappingResultBuilder.
 * - The first failing source fails the whole mapping: no variable is applied (IO_MAPPING_ERROR).
 */
export interface MappingLike {
  readonly source: Expression;
  readonly target: string;
}

/** The local variables to create on the element. */
export function evaluateInputMappings(
  mappings: readonly MappingLike[],
  ctx: VariableContext,
): EvalResult<JsonObject> {
  return evaluateMappings('input', mappings, ctx);
}

/** The variables to propagate to the flow scope; `ctx` holds the element's (local and job) variables. */
export function evaluateOutputMappings(
  mappings: readonly MappingLike[],
  ctx: VariableContext,
): EvalResult<JsonObject> {
  return evaluateMappings('output', mappings, ctx);
}

function evaluateMappings(
  kind: MappingKind,
  mappings: readonly MappingLike[],
  ctx: VariableContext,
): EvalResult<JsonObject> {
  const result = new MappingResult(kind, ctx);
  for (const mapping of mappings) {
    const value = isEmptySource(mapping.source) ? ok(null) : evaluateValue(mapping.source, result.context());
    if (!value.ok) return fail(describe(kind, mapping, value.message));
    result.put(targetPath(mapping.target), value.value);
  }
  return ok(result.toObject());
}

function isEmptySource(source: Expression): boolean {
  return !isFeel(source) && source.static.trim() === '';
}

function describe(kind: MappingKind, mapping: MappingLike, message: string): string {
  return `Failed to evaluate the ${kind} mapping of '${expressionText(mapping.source)}' to '${mapping.target}': ${message}`;
}
