import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../db/data-source';
import { seedReferenceData } from '../../db/seed-reference-data';
import { type ApiConfig } from '../../lib/config';
import { deployResources } from '../../lib/deploy-resources';
import { createLogger } from '../../lib/logger';
import { processesDir } from '../../lib/paths';
import { type ApiDeps, buildApp } from '../../server/app';
import { issueApiKey, issueStaffToken } from '../../server/auth/issue-credentials';
import { ProcessStarter } from '../../server/complaints/process-starter';
import type { Role } from '../../server/auth/principal';
import { type RunningWorkers, startWorkers } from '../../workers';
import { startTestEngine, type TestEngine } from './engine';

/** The API's settings in tests: the defaults of lib/config.ts, evidence under a throwaway directory. */
export function testApiConfig(overrides: Partial<ApiConfig> = {}): ApiConfig {
  return {
    bootstrapApiKey: undefined,
    tokenSecret: undefined,
    corsOrigins: ['https://crm.example.com'],
    rateLimitPerMinute: 100_000,
    complaintsPerMinute: 100_000,
    requestTimeoutMs: 30_000,
    // off: a test machine starved by parallel suites, or a test worker's heap grown over many suites,
    // is not an overloaded server (security.test.ts turns the checks on)
    overload: { eventLoopDelayMs: 0, heapUsedBytes: 0 },
    evidence: { maxBytes: 1024 * 1024, dir: `/tmp/complaints-evidence-${randomBytes(4).toString('hex')}` },
    ...overrides,
  };
}

export interface TestApi {
  readonly app: FastifyInstance;
  readonly t: TestEngine;
  readonly db: DataSource;
  readonly deps: ApiDeps;
  /** API keys: an administrator, and two integrators that must never see each other's complaints. */
  readonly keys: { readonly admin: string; readonly crm: string; readonly shop: string };
  /** Starts the processes of registered complaints (with the workers; absent without). */
  readonly starter: ProcessStarter | undefined;
  /** A staff token (roles as given) for a member of the demo staff. */
  tokenFor(staffId: string, roles: Exclude<Role, 'integrator'>[]): string;
  /** `app.inject` with `Authorization: Bearer <credential>`. */
  call(credential: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  stop(): Promise<void>;
}

export interface TestApiOptions {
  /** Start the real job workers (default true): complaints then move through the diagram. */
  readonly workers?: boolean;
  readonly config?: Partial<ApiConfig>;
}

/**
 * The whole API on a fresh engine and database: the diagram deployed, reference data and demo staff
 * seeded, the real workers polling and the process starter listening, and keys for an administrator
 * and two integrators (`crm`, `shop`).
 */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const t = await startTestEngine();
  const db = await openDatabase(t.db.url);
  await seedReferenceData(db, { demoStaff: true });
  const log = createLogger({ level: (process.env.API_TEST_LOG ?? 'silent') as 'silent', pretty: false });
  await deployResources(t.zeebe, processesDir(), log);
  let workers: RunningWorkers | undefined;
  let starter: ProcessStarter | undefined;
  if (options.workers ?? true) {
    workers = startWorkers(t.zeebe, { db, rest: t.rest, now: () => new Date(), log });
    // as in the background process; the periodic pass rarely (starts come from announcements)
    starter = new ProcessStarter({
      db,
      databaseUrl: t.db.url,
      zeebe: t.zeebe,
      log,
      now: () => new Date(),
      intervalMs: 60_000,
    });
    await starter.start();
  }
  const tokenSecret = randomBytes(32).toString('base64url');
  const deps: ApiDeps = {
    db,
    zeebe: t.zeebe,
    rest: t.rest,
    config: testApiConfig(options.config),
    tokenSecret,
    now: () => new Date(),
    log,
  };
  const app = buildApp({ log, readiness: [], api: deps });
  await app.ready();
  const issue = async (name: string, clientId: string | null, roles: Role[]) =>
    (await issueApiKey(db, { name, clientId, roles, createdBy: 'test' })).key;
  const keys = {
    admin: await issue('test administrator', null, ['administrator']),
    crm: await issue('CRM integration', 'crm', ['integrator']),
    shop: await issue('web shop integration', 'shop', ['integrator']),
  };
  return {
    app,
    t,
    db,
    deps,
    keys,
    tokenFor: (staffId, roles) => issueStaffToken(tokenSecret, staffId, roles, new Date()).token,
    call: (credential, request) =>
      app.inject({
        ...request,
        headers: { ...(credential ? { authorization: `Bearer ${credential}` } : {}), ...request.headers },
      }),
    starter,
    async stop() {
      await app.close();
      await starter?.stop();
      await workers?.close();
      await db.destroy();
      await t.stop();
    },
  };
}
