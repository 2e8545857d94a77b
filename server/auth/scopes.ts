/**
 * API-key scopes: what one key may be used for, whatever its roles allow. A key does what both its
 * roles and its scopes allow; a key made without a list has every scope, and a staff token (which
 * carries roles, and lives a working day) has every scope too. So an administrator can hand a
 * dashboard a key that only reads, or a web form one that only files complaints, and a leaked key
 * reaches no further than its scopes. (`administration` issues staff tokens, and so amounts to every
 * scope on an administrator key.)
 */
export const SCOPES = [
  'complaints:create',
  'complaints:read',
  'complaints:respond',
  'personal-data:erase',
  'webhooks:manage',
  'tasks:work',
  'knowledge:read',
  'analysis:read',
  'administration',
] as const;
export type Scope = (typeof SCOPES)[number];

/** What each scope opens, as the README and the OpenAPI document say it. */
export const SCOPE_ROUTES: Readonly<Record<Scope, string>> = {
  'complaints:create': 'POST /api/complaints',
  'complaints:read': 'GET /api/complaints, GET /api/complaints/{number}',
  'complaints:respond': 'POST /api/complaints/{number}/responses, …/evidence, …/withdrawal',
  'personal-data:erase': 'DELETE /api/complaints/{number}/personal-data',
  'webhooks:manage': '/api/webhooks…',
  'tasks:work': '/api/tasks…',
  'knowledge:read': 'GET /api/knowledge-articles',
  'analysis:read': '/api/analysis/…',
  administration: '/api/admin/…, POST /api/auth/tokens',
};

/** A route under /api: its method and its path as registered (`/api/complaints/:number`). */
type Rule = readonly [method: string | '*', path: RegExp, scope: Scope];

const RULES: readonly Rule[] = [
  ['POST', /^\/api\/complaints$/, 'complaints:create'],
  ['GET', /^\/api\/complaints(\/:number)?$/, 'complaints:read'],
  ['POST', /^\/api\/complaints\/:number\/(responses|evidence|withdrawal)$/, 'complaints:respond'],
  ['DELETE', /^\/api\/complaints\/:number\/personal-data$/, 'personal-data:erase'],
  ['*', /^\/api\/webhooks(\/|$)/, 'webhooks:manage'],
  ['*', /^\/api\/tasks(\/|$)/, 'tasks:work'],
  ['GET', /^\/api\/knowledge-articles$/, 'knowledge:read'],
  ['*', /^\/api\/analysis\//, 'analysis:read'],
  ['*', /^\/api\/admin\//, 'administration'],
  ['POST', /^\/api\/auth\/tokens$/, 'administration'],
];

/**
 * The scope a route under /api needs, or undefined for a route no rule names (the authentication
 * plugin refuses to register such a route: every route needs a scope). HEAD is GET's.
 */
export function scopeOf(method: string, path: string): Scope | undefined {
  const asked = method === 'HEAD' ? 'GET' : method;
  return RULES.find(
    ([ruleMethod, pattern]) => (ruleMethod === '*' || ruleMethod === asked) && pattern.test(path),
  )?.[2];
}

/** Whether `name` is a scope this version knows (a stored key's list is read through it). */
export function isScope(name: string): name is Scope {
  return (SCOPES as readonly string[]).includes(name);
}
