import type { VariableContext } from './eval-result';
import type { JsonObject, JsonValue } from './expression';
import { overlayContext } from './overlay-context';

/**
 * Accumulates the results of variable mappings evaluated one by one, in modeling order — a port of
 * Zeebe's MappingResultBuilder (camunda/camunda, zeebe/engine …/processing/variable/
 * MappingResultBuilder.java, the fix of camunda/camunda#11789):
 *
 * - A nested target (`a.b.c`) descends into, or creates, the intermediate objects; a later mapping
 *   to a sibling (`a.d`) adds to the same object; a value where an object is needed (or the
 *   reverse) is replaced: last wins.
 * - input: the results never merge with the scope; `a.b` creates a local `a = {b: …}`.
 * - output: each intermediate level that has to be created is seeded with the existing scope value
 *   at that path, so `a.b` updates one property of `a` and keeps the others. If that existing
 *   value is not an object the level becomes null and the mapped value is dropped (FEEL's
 *   `context merge(5, {…})` is null; Zeebe keeps that quirk).
 * - A later mapping's source sees the results so far over the scope; an input object still being
 *   built is completed with the scope's properties for reading only.
 */
export type MappingKind = 'input' | 'output';

type Entry =
  | { readonly kind: 'value'; readonly value: JsonValue }
  | { readonly kind: 'node'; readonly node: Node }
  | { readonly kind: 'poison' };
type Node = Map<string, Entry>;

const POISON: Entry = { kind: 'poison' };

export class MappingResult {
  private readonly root: Node = new Map();
  private readonly visible = new Map<string, JsonValue>();

  constructor(
    private readonly kind: MappingKind,
    private readonly scope: VariableContext,
  ) {}

  /** Stores a mapped value at its target path (`['a', 'b']` for `a.b`). */
  put(path: readonly string[], value: JsonValue): void {
    const parent = this.parentNode(path);
    if (parent !== null) parent.set(path[path.length - 1], { kind: 'value', value });
    this.visible.set(path[0], this.variable(path[0]));
  }

  /** The variables the next mapping's source sees. */
  context(): VariableContext {
    return overlayContext(this.scope, this.visible);
  }

  /** The mapped variables, to create (input) or to propagate (output). */
  toObject(): JsonObject {
    return toObject(this.root);
  }

  /** The object that holds the last part of the path, or null when a level became null. */
  private parentNode(path: readonly string[]): Node | null {
    let node: Node | null = this.root;
    for (let depth = 0; depth < path.length - 1 && node !== null; depth++) {
      node = this.nestedNode(node, path, depth);
    }
    return node;
  }

  private nestedNode(parent: Node, path: readonly string[], depth: number): Node | null {
    const key = path[depth];
    const entry = parent.get(key);
    if (entry?.kind === 'node') return entry.node;
    if (entry?.kind === 'poison') return null;
    const seed = this.kind === 'output' ? valueAt(this.scope, path.slice(0, depth + 1)) : null;
    if (seed !== null && !isObject(seed)) {
      parent.set(key, POISON);
      return null;
    }
    const node: Node = new Map();
    if (seed !== null) for (const [k, v] of Object.entries(seed)) node.set(k, { kind: 'value', value: v });
    parent.set(key, { kind: 'node', node });
    return node;
  }

  private variable(name: string): JsonValue {
    const entry = this.root.get(name) as Entry;
    if (entry.kind === 'value') return entry.value;
    if (entry.kind === 'poison') return null;
    return this.kind === 'input' ? completed(entry.node, this.scope[name]) : toObject(entry.node);
  }
}

/** A target path as Zeebe splits it (String#split drops trailing empty parts). */
export function targetPath(target: string): string[] {
  const parts = target.split('.');
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function toObject(node: Node): JsonObject {
  const object: JsonObject = {};
  for (const [key, entry] of node) object[key] = entryValue(entry);
  return object;
}

function entryValue(entry: Entry): JsonValue {
  if (entry.kind === 'value') return entry.value;
  return entry.kind === 'node' ? toObject(entry.node) : null;
}

/** The object under construction over the scope value's other properties (for reading only). */
function completed(node: Node, scopeValue: JsonValue | undefined): JsonObject {
  const scopeObject = isObject(scopeValue) ? scopeValue : null;
  const result: JsonObject = scopeObject === null ? {} : { ...scopeObject };
  for (const [key, entry] of node) {
    result[key] = entry.kind === 'node' ? completed(entry.node, scopeObject?.[key]) : entryValue(entry);
  }
  return result;
}

function valueAt(scope: VariableContext, path: readonly string[]): JsonValue {
  let value: JsonValue | undefined = scope[path[0]];
  for (let i = 1; i < path.length && value !== undefined; i++) {
    value = isObject(value) ? value[path[i]] : undefined;
  }
  return value ?? null;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
