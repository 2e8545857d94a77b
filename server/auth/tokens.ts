import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Role, STAFF_ROLES } from './principal';

/**
 * Staff tokens: compact JWTs signed with HMAC-SHA256 (`alg` HS256 only; anything else is refused),
 * carrying the member of staff (`sub`), their roles and an expiry.
 */
export interface StaffClaims {
  readonly sub: string;
  readonly roles: readonly Exclude<Role, 'integrator'>[];
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export function signStaffToken(claims: StaffClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${HEADER}.${payload}.${signature(`${HEADER}.${payload}`, secret)}`;
}

/** Why a token was refused, said to the caller (no detail that would help forge one). */
export type TokenProblem = 'malformed' | 'bad-signature' | 'expired';

export function verifyStaffToken(
  token: string,
  secret: string,
  nowSeconds: number,
): { claims: StaffClaims } | { problem: TokenProblem } {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { problem: 'malformed' };
  const expected = Buffer.from(signature(`${parts[0]}.${parts[1]}`, secret));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { problem: 'bad-signature' };
  const claims = parseClaims(parts[1]);
  if (!claims) return { problem: 'malformed' };
  if (claims.exp <= nowSeconds) return { problem: 'expired' };
  return { claims };
}

/** Tokens look like JWTs: three base64url parts. API keys start with `ck_`. */
export function looksLikeToken(credential: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(credential);
}

function signature(input: string, secret: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

function parseClaims(part: string): StaffClaims | undefined {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Partial<StaffClaims>;
    const roles = Array.isArray(value.roles) ? value.roles : [];
    if (typeof value.sub !== 'string' || value.sub === '') return undefined;
    if (typeof value.exp !== 'number' || typeof value.iat !== 'number') return undefined;
    if (roles.length === 0 || !roles.every((role) => (STAFF_ROLES as readonly string[]).includes(role)))
      return undefined;
    return { sub: value.sub, roles, iat: value.iat, exp: value.exp };
  } catch {
    return undefined;
  }
}
