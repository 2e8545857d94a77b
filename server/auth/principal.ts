import type { Scope } from './scopes';

/**
 * Who is calling the API. Integrators come with an API key bound to their client id and see only the
 * complaints they created; staff come with a signed token (or an API key) carrying their roles.
 */
export const ROLES = [
  'integrator',
  'agent',
  'department_staff',
  'manager',
  'process_owner',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles: what a token may carry (an integrator is an API key, never a token). */
export const STAFF_ROLES = ROLES.filter((role): role is Exclude<Role, 'integrator'> => role !== 'integrator');

export interface Principal {
  /** For logs and idempotency: `key:<prefix>` or `staff:<id>`. Never a secret. */
  readonly id: string;
  readonly roles: readonly Role[];
  /** An integrator's client id: it sees and acts on its own complaints only. Null for staff. */
  readonly clientId: string | null;
  /** The member of staff a token was issued to (null for API keys). */
  readonly staffId: string | null;
  /** An API key's own limit on complaint creation per minute (null: the server's default). */
  readonly complaintsPerMinute: number | null;
  /** What the credential may be used for (scopes.ts): an API key's own list, every scope for a token. */
  readonly scopes: readonly Scope[];
}

/** Whether the principal holds one of `roles` (an administrator holds every role). */
export function hasRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.includes('administrator') || roles.some((role) => principal.roles.includes(role));
}

/** Roles that need the complainant's contact details to do their work (DOMAIN §1: masked for others). */
const CONTACT_ROLES: readonly Role[] = ['agent', 'manager', 'administrator'];

/**
 * Whether the principal sees contact details unmasked: the staff who call customers back, and the
 * integrator that sent them in the first place.
 */
export function seesContactDetails(principal: Principal): boolean {
  return principal.clientId !== null || CONTACT_ROLES.some((role) => principal.roles.includes(role));
}
