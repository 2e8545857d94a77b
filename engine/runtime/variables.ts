import { type JsonObject, type JsonValue } from '../feel/expression';
import { type ElementInstance } from './state/entities';
import { record, type Runtime } from './runtime';

/**
 * Variables live in scopes (element instances). A scope sees its own variables and those of its
 * flow scopes up to the process instance; inner ones shadow outer ones.
 */
export function visibleVariables(rt: Runtime, scopeKey: number): JsonObject {
  const result: JsonObject = {};
  for (let scope = rt.state.elements.get(scopeKey); scope; scope = parentScope(rt, scope)) {
    for (const key of rt.state.variablesOf.keys(String(scope.key))) {
      const variable = rt.state.variables.require(key);
      if (!(variable.name in result)) result[variable.name] = variable.value;
    }
  }
  return result;
}

/** Variables of one scope only. */
export function localVariables(rt: Runtime, scopeKey: number): JsonObject {
  const result: JsonObject = {};
  for (const key of rt.state.variablesOf.keys(String(scopeKey))) {
    const variable = rt.state.variables.require(key);
    result[variable.name] = variable.value;
  }
  return result;
}

function parentScope(rt: Runtime, scope: ElementInstance): ElementInstance | undefined {
  return scope.flowScopeKey === null ? undefined : rt.state.elements.get(scope.flowScopeKey);
}

function findVariable(rt: Runtime, scopeKey: number, name: string) {
  for (const key of rt.state.variablesOf.keys(String(scopeKey))) {
    const variable = rt.state.variables.require(key);
    if (variable.name === name) return variable;
  }
  return undefined;
}

/** Creates or updates a variable in exactly this scope. */
export function setLocalVariable(rt: Runtime, scope: ElementInstance, name: string, value: JsonValue): void {
  const existing = findVariable(rt, scope.key, name);
  if (existing) {
    if (jsonEqual(existing.value, value)) return;
    rt.state.variables.update(existing.key, { value });
    record(rt, 'VARIABLE', 'UPDATED', existing.key, scope.processInstanceKey, { name, scopeKey: scope.key });
    return;
  }
  const key = rt.state.newKey();
  rt.state.variables.insert({
    key,
    scopeKey: scope.key,
    processInstanceKey: scope.processInstanceKey,
    name,
    value,
    tenantId: scope.tenantId,
  });
  record(rt, 'VARIABLE', 'CREATED', key, scope.processInstanceKey, { name, scopeKey: scope.key });
}

export function setLocalVariables(rt: Runtime, scope: ElementInstance, variables: JsonObject): void {
  for (const [name, value] of Object.entries(variables)) setLocalVariable(rt, scope, name, value);
}

/**
 * Zeebe's propagation (`mergeDocument`): starting at `scopeKey` and walking up, a variable is updated
 * in the first scope that holds it with a different value; what no scope took is created or updated
 * in the process instance (root) scope. As in Zeebe, a scope holding the same value does not take it.
 */
export function propagateVariables(rt: Runtime, scopeKey: number, variables: JsonObject): void {
  const left: JsonObject = { ...variables };
  let root: ElementInstance | undefined;
  for (let scope = rt.state.elements.get(scopeKey); scope; scope = parentScope(rt, scope)) {
    root = scope;
    if (scope.flowScopeKey === null) break;
    for (const name of Object.keys(left)) {
      const existing = findVariable(rt, scope.key, name);
      if (existing && !jsonEqual(existing.value, left[name])) {
        setLocalVariable(rt, scope, name, left[name]);
        delete left[name];
      }
    }
  }
  if (root) setLocalVariables(rt, root, left);
}

/** A scope ended: its variables leave memory (the database keeps them as history). */
export function forgetVariables(rt: Runtime, scopeKey: number): void {
  for (const key of [...rt.state.variablesOf.keys(String(scopeKey))]) rt.state.variables.forget(key);
}

export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The variables a client asked for (`fetchVariables`); all when the list is empty. */
export function pick(variables: JsonObject, names: readonly string[] | undefined): JsonObject {
  if (!names || names.length === 0) return variables;
  const picked: JsonObject = {};
  for (const name of names) if (name in variables) picked[name] = variables[name];
  return picked;
}
