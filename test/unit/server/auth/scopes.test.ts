import { scopeOf } from '../../../../server/auth/scopes';

describe('the scope each route under /api needs', () => {
  test.each([
    ['POST', '/api/complaints', 'complaints:create'],
    ['GET', '/api/complaints', 'complaints:read'],
    ['HEAD', '/api/complaints/:number', 'complaints:read'],
    ['GET', '/api/complaints/:number', 'complaints:read'],
    ['POST', '/api/complaints/:number/responses', 'complaints:respond'],
    ['POST', '/api/complaints/:number/evidence', 'complaints:respond'],
    ['POST', '/api/complaints/:number/withdrawal', 'complaints:respond'],
    ['DELETE', '/api/complaints/:number/personal-data', 'personal-data:erase'],
    ['POST', '/api/webhooks', 'webhooks:manage'],
    ['DELETE', '/api/webhooks/:id', 'webhooks:manage'],
    ['GET', '/api/tasks', 'tasks:work'],
    ['POST', '/api/tasks/:userTaskKey/completion', 'tasks:work'],
    ['GET', '/api/knowledge-articles', 'knowledge:read'],
    ['GET', '/api/analysis/counts', 'analysis:read'],
    ['POST', '/api/admin/api-keys', 'administration'],
    ['GET', '/api/admin/departments', 'administration'],
    ['POST', '/api/auth/tokens', 'administration'],
  ])('%s %s needs %s', (method, path, scope) => {
    expect(scopeOf(method, path)).toBe(scope);
  });

  test.each([
    ['PUT', '/api/complaints'],
    ['GET', '/api/complaints/:number/personal-data'],
    ['POST', '/api/knowledge-articles'],
    ['GET', '/api/auth/tokens'],
    ['GET', '/api/reports'],
    ['GET', '/api/tasksx'],
  ])('%s %s is named by no rule', (method, path) => {
    expect(scopeOf(method, path)).toBeUndefined();
  });
});
