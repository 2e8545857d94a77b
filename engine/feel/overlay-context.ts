import type { VariableContext } from './eval-result';
import type { JsonValue } from './expression';

/**
 * The variables of `base` with those of `top` laid over them, without copying `base` (which can
 * hold every variable of a process instance). FEEL reads it like a plain object: feelin looks
 * names up with hasOwnProperty and reads the keys for names that contain spaces.
 */
export function overlayContext(base: VariableContext, top: ReadonlyMap<string, JsonValue>): VariableContext {
  if (top.size === 0) return base;
  const has = (key: string | symbol): key is string =>
    typeof key === 'string' && (top.has(key) || Object.prototype.hasOwnProperty.call(base, key));
  const get = (key: string): JsonValue | undefined => (top.has(key) ? top.get(key) : base[key]);
  let keys: string[] | null = null;
  return new Proxy({} as Record<string, JsonValue>, {
    get: (_target, key) => (has(key) ? get(key) : undefined),
    has: (_target, key) => has(key),
    ownKeys: () => (keys ??= [...new Set([...Object.keys(base), ...top.keys()])]),
    getOwnPropertyDescriptor: (_target, key) =>
      has(key) ? { value: get(key), enumerable: true, configurable: true, writable: false } : undefined,
  });
}
