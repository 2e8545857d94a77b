import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `ck_<prefix>_<secret>`: the prefix (8 characters) finds the key and may be shown
 * and logged; only a SHA-256 hash of the whole key is stored, so a leaked database leaks no key.
 */
const KEY_PATTERN = /^ck_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{32,})$/;
const PREFIX_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface ParsedApiKey {
  readonly prefix: string;
  readonly key: string;
}

/** A new random key (shown once to whoever creates it). */
export function generateApiKey(): ParsedApiKey {
  const bytes = randomBytes(8);
  const prefix = [...bytes].map((b) => PREFIX_ALPHABET[b % PREFIX_ALPHABET.length]).join('');
  const key = `ck_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { prefix, key };
}

/** The key's parts, or undefined when it is not shaped like one of ours. */
export function parseApiKey(key: string): ParsedApiKey | undefined {
  const match = KEY_PATTERN.exec(key);
  return match ? { prefix: match[1], key } : undefined;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Compares a presented key with a stored hash in constant time. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
