import { CamundaRestClient, Zeebe } from '@camunda8/sdk';
import { startEngine, type EngineOptions, type RunningEngine } from '../../engine';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestEngine {
  readonly engine: RunningEngine;
  readonly db: TestDatabase;
  /** An unmodified `@camunda8/sdk` gRPC client connected to the engine. */
  readonly zeebe: Zeebe.ZeebeGrpcClient;
  /** An unmodified `@camunda8/sdk` REST client connected to the engine. */
  readonly rest: CamundaRestClient;
  stop(): Promise<void>;
}

/** SDK configuration for a client of the engine at these addresses (as an integrator would set it). */
export function clientConfig(engine: Pick<RunningEngine, 'grpcAddress' | 'restAddress'>) {
  return {
    ZEEBE_GRPC_ADDRESS: engine.grpcAddress,
    ZEEBE_REST_ADDRESS: engine.restAddress,
    CAMUNDA_AUTH_STRATEGY: 'NONE' as const,
    ZEEBE_GRPC_CLIENT_RETRY: false,
    CAMUNDA_LOG_LEVEL: 'none' as const,
    zeebeGrpcSettings: { ZEEBE_GRPC_CLIENT_RETRY: false, ZEEBE_CLIENT_LOG_LEVEL: 'NONE' as const },
  };
}

/** A fresh engine on its own database and free ports, with SDK clients. */
export async function startTestEngine(options: Partial<EngineOptions> = {}): Promise<TestEngine> {
  const db = await createTestDatabase('engine');
  const engine = await startEngine({ databaseUrl: db.url, grpcPort: 0, restPort: 0, ...options });
  const config = clientConfig(engine);
  const zeebe = new Zeebe.ZeebeGrpcClient({ config });
  const rest = new CamundaRestClient({ config });
  return {
    engine,
    db,
    zeebe,
    rest,
    async stop() {
      await zeebe.close().catch(() => undefined);
      await engine.stop();
      await db.drop();
    },
  };
}

/** Waits until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
