import type { DataSource } from 'typeorm';
import { type ApiKeyRecord, ApiKeysRepository } from '../../db/repositories/api-keys.repository';
import { generateApiKey, hashApiKey } from './api-keys';
import type { Role } from './principal';
import { SCOPES, type Scope } from './scopes';
import { signStaffToken, type StaffClaims } from './tokens';

export interface ApiKeySpec {
  readonly name: string;
  /** An integrator's client id (its complaints are its own); null for a staff or administrator key. */
  readonly clientId: string | null;
  readonly roles: readonly Role[];
  /** What the key may be used for; every scope when not given. */
  readonly scopes?: readonly Scope[];
  readonly complaintsPerMinute?: number | null;
  readonly createdBy: string;
}

/** Creates an API key; the key itself is in the answer only, never stored. */
export async function issueApiKey(
  db: DataSource,
  spec: ApiKeySpec,
): Promise<{ key: string; record: ApiKeyRecord }> {
  const generated = generateApiKey();
  const roles = spec.clientId ? ['integrator'] : spec.roles;
  const record = await new ApiKeysRepository(db.manager).createApiKey({
    name: spec.name,
    keyPrefix: generated.prefix,
    keyHash: hashApiKey(generated.key),
    clientId: spec.clientId,
    roles,
    scopes: spec.scopes ?? SCOPES,
    complaintsPerMinute: spec.complaintsPerMinute ?? null,
    createdBy: spec.createdBy,
  });
  return { key: generated.key, record };
}

/** Default lifetime of a staff token: a working day. */
export const STAFF_TOKEN_TTL_SECONDS = 12 * 3600;

/** A signed token for a member of staff with these roles. */
export function issueStaffToken(
  secret: string,
  staffId: string,
  roles: StaffClaims['roles'],
  now: Date,
  ttlSeconds = STAFF_TOKEN_TTL_SECONDS,
): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  return {
    token: signStaffToken({ sub: staffId, roles, iat, exp }, secret),
    expiresAt: new Date(exp * 1000),
  };
}
