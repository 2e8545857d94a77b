import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** Secrets the application generates for itself once and keeps (e.g. the staff token signing key). */
export class AppSecretsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The secret called `name` (base64url), generated (32 random bytes) the first time it is asked for. */
  async obtainSecret(name: string): Promise<string> {
    await this.manager.query(
      `INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [name, randomBytes(32)],
    );
    const rows: Array<{ value: Buffer }> = await this.manager.query(
      `SELECT value FROM app_secret WHERE name = $1`,
      [name],
    );
    return rows[0].value.toString('base64url');
  }
}
