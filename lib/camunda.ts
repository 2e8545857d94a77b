import { Camunda8, type CamundaRestClient, type Zeebe } from '@camunda8/sdk';
import type { Config } from './config';
import type { Logger } from './logger';

/** Settings for `new Camunda8(...)`: flat, as the SDK's own variable names. */
export type CamundaSettings = NonNullable<ConstructorParameters<typeof Camunda8>[0]>;

/** Which Zeebe the application talks to: the embedded engine or a Camunda 8 cluster. */
export interface CamundaTarget {
  /** ZEEBE_GRPC_ADDRESS, e.g. grpc://127.0.0.1:26500. */
  readonly grpcAddress: string;
  /** ZEEBE_REST_ADDRESS, e.g. http://127.0.0.1:8080. */
  readonly restAddress: string;
  /**
   * The embedded engine takes no credentials (CAMUNDA_AUTH_STRATEGY=NONE). For a cluster the SDK
   * reads its own CAMUNDA_* / ZEEBE_* variables (authentication, TLS, tenant).
   */
  readonly embedded: boolean;
}

export interface CamundaClients {
  readonly target: CamundaTarget;
  /** gRPC client: job workers, deployments, process instances, messages. */
  readonly zeebe: Zeebe.ZeebeGrpcClient;
  /** REST API v2 client: user tasks, searches, the clock. */
  readonly rest: CamundaRestClient;
  /** A gRPC client that never retries: for health probes, which must fail fast. */
  readonly probe: Zeebe.ZeebeGrpcClient;
  /** Closes every client (workers finish the job they are handling first). */
  close(): Promise<void>;
}

/** The cluster the configuration names, or undefined when the embedded engine is to be started. */
export function configuredCluster(config: Config): CamundaTarget | undefined {
  return config.cluster && { ...config.cluster, embedded: false };
}

/** The embedded engine at the addresses it reports once started. */
export function embeddedEngine(engine: { grpcAddress: string; restAddress: string }): CamundaTarget {
  return { grpcAddress: engine.grpcAddress, restAddress: engine.restAddress, embedded: true };
}

export function camundaSettings(target: CamundaTarget, log: Logger): CamundaSettings {
  return {
    ZEEBE_GRPC_ADDRESS: target.grpcAddress,
    ZEEBE_REST_ADDRESS: target.restAddress,
    ...(target.embedded ? { CAMUNDA_AUTH_STRATEGY: 'NONE' as const } : {}),
    logger: sdkLogger(log),
  };
}

/** The Camunda clients of the application, all built by one `Camunda8` from the same settings. */
export function createCamundaClients(target: CamundaTarget, log: Logger): CamundaClients {
  const c8 = new Camunda8(camundaSettings(target, log.child({ component: 'camunda-sdk' })));
  return {
    target,
    zeebe: c8.getZeebeGrpcApiClient(),
    rest: c8.getCamundaRestClient(),
    probe: c8.getZeebeGrpcApiClient({ zeebeGrpcSettings: { ZEEBE_GRPC_CLIENT_RETRY: false } }),
    close: () => c8.closeAllClients(),
  };
}

type SdkLogger = NonNullable<CamundaSettings['logger']>;

/** The SDK logs through our pino logger (so redaction and format apply) instead of its own winston. */
function sdkLogger(log: Logger): SdkLogger {
  const at =
    (level: 'trace' | 'debug' | 'info' | 'warn' | 'error') =>
    (message: string | undefined, ...meta: unknown[]) => {
      if (meta.length === 0) log[level](message ?? '');
      else log[level]({ meta: meta.length === 1 ? meta[0] : meta }, message ?? '');
    };
  return { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** gRPC status ALREADY_EXISTS: e.g. a message published with the id of one still buffered. */
export function isAlreadyExists(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 6;
}

/** The HTTP status of a REST API call the SDK saw refused (undefined for anything else). */
export function restStatusOf(error: unknown): number | undefined {
  const e = (error ?? {}) as { statusCode?: number; response?: { statusCode?: number }; status?: number };
  return e.statusCode ?? e.response?.statusCode ?? e.status;
}
