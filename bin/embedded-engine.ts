import { type EngineOptions, type RunningEngine, startEngine } from '../engine';
import type { Config } from '../lib/config';
import type { Logger } from '../lib/logger';

/**
 * The embedded engine as the configuration sets it up, its state in `databaseUrl` (schema `engine`).
 * Only the entry points in bin/ start it; the rest of the application talks to it over the Zeebe
 * protocol through @camunda8/sdk, exactly as to a Camunda 8 cluster.
 */
export function startEmbeddedEngine(
  config: Config,
  databaseUrl: string,
  log: Logger,
  onConnect?: EngineOptions['onConnect'],
): Promise<RunningEngine> {
  return startEngine({
    databaseUrl,
    host: config.engine.host,
    grpcPort: config.engine.grpcPort,
    restPort: config.engine.restPort,
    maxMessageSize: config.engine.maxMessageSize,
    longPollTimeoutMs: config.engine.longPollTimeoutMs,
    logger: log.child({ component: 'engine' }),
    onConnect,
  });
}

/** The lines a client (a worker, zbctl, the SDK) needs in its environment to use the engine. */
export function clientEnvironment(engine: Pick<RunningEngine, 'grpcAddress' | 'restAddress'>): string[] {
  return [
    `ZEEBE_GRPC_ADDRESS=${engine.grpcAddress}`,
    `ZEEBE_REST_ADDRESS=${engine.restAddress}`,
    'CAMUNDA_AUTH_STRATEGY=NONE',
  ];
}
