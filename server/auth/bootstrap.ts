import type { DataSource } from 'typeorm';
import { ApiKeysRepository } from '../../db/repositories/api-keys.repository';
import { AppSecretsRepository } from '../../db/repositories/app-secrets.repository';
import type { ApiConfig } from '../../lib/config';
import type { Logger } from '../../lib/logger';
import { generateApiKey, hashApiKey, parseApiKey } from './api-keys';
import { SCOPES } from './scopes';

export interface ApiAccess {
  /** Signs and checks staff tokens. */
  readonly tokenSecret: string;
  /** The administrator key created by this start (shown once), if one was. */
  readonly createdAdministratorKey: string | undefined;
}

/**
 * Makes a fresh system usable at once: `BOOTSTRAP_API_KEY`, when set, is seeded as an administrator
 * key (once; revoking it later sticks); without it, the first start (no live administrator key)
 * creates one and returns it to be printed once. The token signing secret is `AUTH_TOKEN_SECRET`, or
 * one generated at the first start and kept in the database (so tokens outlive a restart).
 */
export async function prepareApiAccess(db: DataSource, config: ApiConfig, log: Logger): Promise<ApiAccess> {
  const keys = new ApiKeysRepository(db.manager);
  let createdAdministratorKey: string | undefined;
  if (config.bootstrapApiKey) {
    const parsed = parseApiKey(config.bootstrapApiKey);
    if (!parsed) throw new Error('BOOTSTRAP_API_KEY is not shaped like an API key');
    const keyHash = hashApiKey(parsed.key);
    if (!(await keys.existsWithHash(keyHash))) {
      await keys.createApiKey({
        name: 'bootstrap (BOOTSTRAP_API_KEY)',
        keyPrefix: parsed.prefix,
        keyHash,
        clientId: null,
        roles: ['administrator'],
        scopes: SCOPES,
        createdBy: 'bootstrap',
      });
      log.info({ keyPrefix: parsed.prefix }, 'api: BOOTSTRAP_API_KEY seeded as an administrator key');
    }
  } else if (!(await keys.anyActiveAdministratorKey())) {
    const generated = generateApiKey();
    await keys.createApiKey({
      name: 'first administrator key',
      keyPrefix: generated.prefix,
      keyHash: hashApiKey(generated.key),
      clientId: null,
      roles: ['administrator'],
      scopes: SCOPES,
      createdBy: 'first start',
    });
    createdAdministratorKey = generated.key;
  }
  const tokenSecret =
    config.tokenSecret ??
    (await new AppSecretsRepository(db.manager).obtainSecret('staff-token-signing-key'));
  return { tokenSecret, createdAdministratorKey };
}
