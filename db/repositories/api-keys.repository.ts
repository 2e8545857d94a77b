import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../prepared-query';

/** An API key as stored: never the key itself, only its prefix and hash. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly keyPrefix: string;
  readonly keyHash: string;
  readonly clientId: string | null;
  readonly roles: string[];
  readonly scopes: string[];
  readonly complaintsPerMinute: number | null;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface NewApiKey {
  readonly name: string;
  readonly keyPrefix: string;
  readonly keyHash: string;
  readonly clientId: string | null;
  readonly roles: readonly string[];
  /** What the key may be used for (server/auth/scopes.ts); an empty list opens nothing. */
  readonly scopes: readonly string[];
  readonly complaintsPerMinute?: number | null;
  readonly createdBy: string;
}

const COLUMNS = `id, name, key_prefix AS "keyPrefix", key_hash AS "keyHash", client_id AS "clientId", roles,
  scopes, complaints_per_minute AS "complaintsPerMinute", created_at AS "createdAt", created_by AS "createdBy",
  last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

const FIND_ACTIVE_BY_PREFIX = `SELECT ${COLUMNS} FROM api_key WHERE key_prefix = $1 AND revoked_at IS NULL`;

export class ApiKeysRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The live key with this prefix (revoked keys are not found). */
  async findActiveByPrefix(prefix: string): Promise<ApiKeyRecord | undefined> {
    // prepared: every authenticated request with an API key asks this
    const rows = await preparedQuery<ApiKeyRecord>(this.manager, FIND_ACTIVE_BY_PREFIX, [prefix]);
    return rows[0];
  }

  async createApiKey(key: NewApiKey): Promise<ApiKeyRecord> {
    const rows: ApiKeyRecord[] = await this.manager.query(
      `INSERT INTO api_key (name, key_prefix, key_hash, client_id, roles, scopes, complaints_per_minute, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        key.name,
        key.keyPrefix,
        key.keyHash,
        key.clientId,
        key.roles,
        key.scopes,
        key.complaintsPerMinute ?? null,
        key.createdBy,
      ],
    );
    return rows[0];
  }

  /** Whether a key with this hash exists (live or revoked): the bootstrap key is seeded once. */
  async existsWithHash(keyHash: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`SELECT 1 FROM api_key WHERE key_hash = $1`, [keyHash]);
    return rows.length > 0;
  }

  /** Whether any live administrator key exists (the first start creates one when none does). */
  async anyActiveAdministratorKey(): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM api_key WHERE 'administrator' = ANY (roles) AND revoked_at IS NULL LIMIT 1`,
    );
    return rows.length > 0;
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return this.manager.query(`SELECT ${COLUMNS} FROM api_key ORDER BY created_at, id`);
  }

  async revokeApiKey(id: string, at: Date): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count]
    const [, affected]: [unknown[], number] = await this.manager.query(
      `UPDATE api_key SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [id, at],
    );
    return affected > 0;
  }

  /** Notes the key's use, at most once a minute (no write per request). */
  async touchApiKey(id: string, at: Date): Promise<void> {
    await this.manager.query(
      `UPDATE api_key SET last_used_at = $2
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [id, at],
    );
  }
}
