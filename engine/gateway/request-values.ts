import { type JsonObject, type JsonValue } from '../feel/expression';
import { Rejection, rejected } from '../runtime/rejection';

/**
 * Variables travel as JSON text that must hold an object; empty means none. The messages follow
 * Zeebe's gateway so that clients see the same errors against either engine. The gateway raises
 * them before any command exists, so they carry no "Command '…' rejected" prefix
 * (GrpcErrorMapper: JsonParseException / MsgpackPropertyException → INVALID_ARGUMENT, message as is).
 */
export function parseVariables(text: string | undefined | null, property = 'variables'): JsonObject {
  if (text === undefined || text === null || text.trim() === '') return {};
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new Rejection(
      'INVALID_ARGUMENT',
      `Invalid JSON value: ${truncate(text)} (${(error as Error).message})`,
    );
  }
  return requireObject(value, property);
}

export function requireObject(value: unknown, property = 'variables'): JsonObject {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Rejection(
      'INVALID_ARGUMENT',
      `Property '${property}' is invalid: Expected document to be a root level object, but was '${jsonType(value)}'`,
    );
  }
  return value as JsonObject;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'ARRAY';
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isInteger(value) ? 'INTEGER' : 'FLOAT';
  return 'NIL';
}

function truncate(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

/** A key as clients send it (string or number) → the engine's number, or INVALID_ARGUMENT. */
export function parseKey(value: unknown, intent: string, property: string): number {
  const key = typeof value === 'string' ? Number(value) : value;
  if (typeof key !== 'number' || !Number.isSafeInteger(key) || key <= 0) {
    throw rejected(
      intent,
      'INVALID_ARGUMENT',
      `Expected '${property}' to be a positive key, but was '${String(value)}'`,
    );
  }
  return key;
}

/** int64 fields arrive as strings (longs: String); absent ones as '0'. */
export function int64(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : 0;
  return Number.isFinite(n) ? n : 0;
}
