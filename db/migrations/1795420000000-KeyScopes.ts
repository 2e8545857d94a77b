import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys are scoped (server/auth/scopes.ts): a key may be used only for what its scopes name. Keys
 * made before could be used for everything their roles allow, and keep that: each gets every scope
 * there is now. (The column was there, empty and unread.)
 */
export class KeyScopes1795420000000 implements MigrationInterface {
  name = 'KeyScopes1795420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE api_key SET scopes = ARRAY['complaints:create', 'complaints:read', 'complaints:respond',
         'personal-data:erase', 'webhooks:manage', 'tasks:work', 'knowledge:read', 'analysis:read', 'administration']
       WHERE scopes = '{}'`,
    );
  }

  async down(): Promise<void> {
    // nothing to undo: the schema before reads no scopes, and emptying them would give every key
    // every scope when this is applied again
  }
}
