import path from 'node:path';
import { type Static, type TSchema, Type } from 'typebox';
import Value from 'typebox/value';
import type { CpuPriority } from './process-priority';

const port = (fallback: number, minimum: number) =>
  Type.Integer({
    minimum,
    maximum: 65535,
    default: fallback,
    description: `a TCP port, an integer ${minimum}–65535${minimum === 0 ? ' (0 = any free port)' : ''}`,
  });
const host = (fallback: string) =>
  Type.String({
    pattern: '^\\S+$',
    default: fallback,
    description: 'a host name or IP address to listen on',
  });
const oneOf = <const T extends string[]>(values: T, fallback?: T[number]) =>
  Type.Enum(values, { default: fallback, description: `one of ${values.join(', ')}` });

/** How notifications can travel (notifications/transports/): the log, e-mail, the integrator's webhook. */
export const NOTIFY_TRANSPORTS = ['log', 'smtp', 'webhook'] as const;
export type NotifyTransport = (typeof NOTIFY_TRANSPORTS)[number];
const transportList = `(${NOTIFY_TRANSPORTS.join('|')})`;

/** Every environment variable the application reads, with its default and what is expected of it. */
export const Environment = Type.Object({
  NODE_ENV: Type.Optional(oneOf(['development', 'production', 'test'])),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
  HOST: host('127.0.0.1'),
  PORT: port(3000, 0),
  DATA_DIR: Type.String({ minLength: 1, default: './data', description: 'a directory path' }),
  DATABASE_URL: Type.Optional(
    Type.String({
      pattern: '^postgres(ql)?://\\S+$',
      description: 'a postgres://user:password@host:port/database URL',
    }),
  ),
  EMBEDDED_PG_PORT: port(5488, 1),
  ZEEBE_GRPC_ADDRESS: Type.Optional(
    Type.String({
      pattern: '^grpcs?://\\S+$',
      description: 'grpc://host:port (plain) or grpcs://host:port (TLS)',
    }),
  ),
  ZEEBE_REST_ADDRESS: Type.Optional(
    Type.String({ pattern: '^https?://\\S+$', description: 'an http:// or https:// URL' }),
  ),
  ENGINE_HOST: host('127.0.0.1'),
  ENGINE_GRPC_PORT: port(26500, 0),
  ENGINE_REST_PORT: port(8080, 0),
  ENGINE_MAX_MESSAGE_SIZE: Type.Integer({
    minimum: 65536,
    default: 4 * 1024 * 1024,
    description: 'a size in bytes, an integer of at least 65536',
  }),
  ENGINE_LONG_POLL_TIMEOUT_MS: Type.Integer({
    minimum: 1,
    default: 10_000,
    description: 'a duration in milliseconds, a positive integer',
  }),
  BACKGROUND_PRIORITY: Type.String({
    pattern: '^(idle|[0-9]|1[0-9])$',
    default: 'idle',
    description: 'idle, or a niceness 0–19 (0: the same priority as the HTTP server)',
  }),
  BACKGROUND_YIELD_ABOVE: Type.String({
    pattern: '^(off|0|0?\\.[0-9]+|1(\\.0*)?)$',
    default: '0.2',
    description: "the HTTP server's event-loop utilisation above which it is busy, 0.0–1.0, or off",
  }),
  BACKGROUND_MAX_YIELD_MS: Type.Integer({
    minimum: 1000,
    maximum: 50_000,
    default: 30_000,
    description: 'a duration in milliseconds, 1000–50000 (jobs time out after 60 s)',
  }),
  NOTIFY_TRANSPORTS: Type.String({
    pattern: `^${transportList}(\\s*,\\s*${transportList})*$`,
    default: 'log',
    description: `a comma-separated list of ${NOTIFY_TRANSPORTS.join(', ')}`,
  }),
  SMTP_URL: Type.Optional(
    Type.String({
      pattern: '^smtps?://\\S+$',
      description: 'an smtp://user:password@host:port or smtps:// URL',
    }),
  ),
  SMTP_FROM: Type.Optional(
    Type.String({
      pattern: '^(\\S+@\\S+|[^<>]*<\\S+@\\S+>)$',
      description: 'a sender address, e.g. complaints@example.com or 投诉中心 <complaints@example.com>',
    }),
  ),
  WEBHOOK_SECRET: Type.Optional(
    Type.String({ minLength: 16, description: 'a shared secret of at least 16 characters' }),
  ),
  NOTIFY_MAX_ATTEMPTS: Type.Integer({
    minimum: 1,
    maximum: 100,
    default: 8,
    description: 'a number of attempts, an integer 1–100',
  }),
  NOTIFY_DISPATCH_INTERVAL_MS: Type.Integer({
    minimum: 100,
    default: 5_000,
    description: 'a duration in milliseconds, an integer of at least 100',
  }),
  BOOTSTRAP_API_KEY: Type.Optional(
    Type.String({
      pattern: '^ck_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{32,}$',
      description: 'an API key shaped ck_<8 letters or digits>_<at least 32 of A-Z a-z 0-9 _ ->',
    }),
  ),
  AUTH_TOKEN_SECRET: Type.Optional(
    Type.String({ minLength: 32, description: 'a secret of at least 32 characters' }),
  ),
  CORS_ORIGINS: Type.String({
    pattern: '^(|https?://[^\\s,]+(\\s*,\\s*https?://[^\\s,]+)*)$',
    default: '',
    description: 'a comma-separated list of origins such as https://crm.example.com (empty: none)',
  }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({
    minimum: 1,
    default: 1200,
    description: 'requests per minute per caller, a positive integer',
  }),
  COMPLAINTS_PER_MINUTE: Type.Integer({
    minimum: 1,
    default: 120,
    description: 'complaints created per minute per API key, a positive integer',
  }),
  REQUEST_TIMEOUT_MS: Type.Integer({
    minimum: 1000,
    default: 30_000,
    description: 'a duration in milliseconds, an integer of at least 1000',
  }),
  OVERLOAD_EVENT_LOOP_DELAY_MS: Type.Integer({
    minimum: 0,
    default: 1000,
    description: 'a duration in milliseconds, an integer of at least 0 (0 turns the check off)',
  }),
  OVERLOAD_HEAP_USED_MB: Type.Integer({
    minimum: 0,
    default: 1536,
    description: 'a size in MiB, an integer of at least 0 (0 turns the check off)',
  }),
  EVIDENCE_MAX_BYTES: Type.Integer({
    minimum: 1024,
    default: 10 * 1024 * 1024,
    description: 'a size in bytes, an integer of at least 1024',
  }),
});
export type Environment = Static<typeof Environment>;

export type LogLevel = Environment['LOG_LEVEL'];

/** The validated configuration, frozen. Relative paths are resolved against the working directory. */
export interface Config {
  readonly nodeEnv: Environment['NODE_ENV'];
  readonly logLevel: LogLevel;
  /** Where the application keeps its local state (the embedded PostgreSQL cluster). */
  readonly dataDir: string;
  readonly http: { readonly host: string; readonly port: number };
  readonly database: {
    /** An external PostgreSQL; absent = the embedded one below. */
    readonly url: string | undefined;
    readonly embedded: { readonly dataDir: string; readonly port: number };
  };
  /** A Zeebe / Camunda 8 cluster to use; absent = start the embedded engine (`engine` below). */
  readonly cluster: { readonly grpcAddress: string; readonly restAddress: string } | undefined;
  readonly engine: {
    readonly host: string;
    readonly grpcPort: number;
    readonly restPort: number;
    readonly maxMessageSize: number;
    readonly longPollTimeoutMs: number;
  };
  /**
   * How the background process (engine, workers, dispatcher) and the database processes serving it
   * yield the CPU to the HTTP server.
   */
  readonly background: {
    readonly priority: CpuPriority;
    /**
     * While the HTTP server's event-loop utilisation is above this (0–1), the background takes no
     * new work (foreground-gate.ts); null: it never yields.
     */
    readonly yieldAbove: number | null;
    /** The longest the background yields at a time before it works for as long again. */
    readonly maxYieldMs: number;
  };
  readonly notifications: NotificationsConfig;
  readonly api: ApiConfig;
}

/** The HTTP API's security and limits (README, "Security"). */
export interface ApiConfig {
  /** Seeded as an administrator key at start-up when set. */
  readonly bootstrapApiKey: string | undefined;
  /** Signs staff tokens; absent = a secret generated once and kept in the database. */
  readonly tokenSecret: string | undefined;
  /** Origins allowed to call the API from a browser. */
  readonly corsOrigins: readonly string[];
  readonly rateLimitPerMinute: number;
  readonly complaintsPerMinute: number;
  readonly requestTimeoutMs: number;
  /** When requests are refused with 503 `OVERLOADED`; 0 turns a check off. */
  readonly overload: {
    /** Mean event-loop delay over a second, in ms. */
    readonly eventLoopDelayMs: number;
    /** JavaScript heap in use, in bytes. */
    readonly heapUsedBytes: number;
  };
  /** Largest attachment accepted, and where attachments are kept. */
  readonly evidence: { readonly maxBytes: number; readonly dir: string };
}

/** How notifications are sent (notifications/README.md). */
export interface NotificationsConfig {
  /** The transports a notification may take; `log` is the fallback when no other reaches the recipient. */
  readonly transports: readonly NotifyTransport[];
  /** Present when `smtp` is among the transports. */
  readonly smtp: { readonly url: string; readonly from: string } | undefined;
  /** Signs webhook calls (HMAC-SHA256); present when `webhook` is among the transports. */
  readonly webhookSecret: string | undefined;
  /** Attempts of one delivery before it is marked failed. */
  readonly maxAttempts: number;
  /** How often the dispatcher looks for due notifications. */
  readonly dispatchIntervalMs: number;
}

export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/** The environment is invalid; `problems` lists every bad variable, not just the first. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Values never echoed back in a problem (they may carry credentials). */
const SECRET = new Set([
  'DATABASE_URL',
  'SMTP_URL',
  'WEBHOOK_SECRET',
  'BOOTSTRAP_API_KEY',
  'AUTH_TOKEN_SECRET',
]);

/** Reads and validates the environment; throws a ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values = readEnvironment(env);
  const problems = [
    ...schemaProblems(values, env),
    ...clusterProblems(values),
    ...transportProblems(values),
  ].sort((a, b) => a.variable.localeCompare(b.variable));
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(toConfig(values as Environment));
}

/** The known variables only, an empty value counting as unset, defaults applied, integers converted. */
function readEnvironment(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(Environment.properties)) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    values[name] = isInteger(schema) && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw.trim();
  }
  return Value.Default(Environment, values) as Record<string, unknown>;
}

function isInteger(schema: TSchema): boolean {
  return (schema as { type?: unknown }).type === 'integer';
}

function schemaProblems(values: Record<string, unknown>, env: NodeJS.ProcessEnv): ConfigProblem[] {
  const bad = new Set<string>();
  for (const error of Value.Errors(Environment, values)) {
    bad.add(error.instancePath.split('/')[1] ?? '');
  }
  return [...bad].sort().map((variable) => {
    const schema = Environment.properties[variable as keyof Environment] as { description?: string };
    const shown = SECRET.has(variable) ? '' : `, got ${JSON.stringify(env[variable])}`;
    return { variable, message: `expected ${schema?.description ?? 'a valid value'}${shown}` };
  });
}

/** A real cluster needs both its gateways: one address alone is a half-configured cluster. */
function clusterProblems(values: Record<string, unknown>): ConfigProblem[] {
  const grpc = values.ZEEBE_GRPC_ADDRESS !== undefined;
  const rest = values.ZEEBE_REST_ADDRESS !== undefined;
  if (grpc === rest) return [];
  const [missing, given] = grpc
    ? ['ZEEBE_REST_ADDRESS', 'ZEEBE_GRPC_ADDRESS']
    : ['ZEEBE_GRPC_ADDRESS', 'ZEEBE_REST_ADDRESS'];
  return [
    {
      variable: missing,
      message: `expected as well, since ${given} is set (both name a Camunda 8 cluster; set neither to run the embedded engine)`,
    },
  ];
}

/** Each enabled transport needs its settings: SMTP its server and sender, the webhook its secret. */
function transportProblems(values: Record<string, unknown>): ConfigProblem[] {
  if (typeof values.NOTIFY_TRANSPORTS !== 'string') return [];
  const transports = transportsOf(values.NOTIFY_TRANSPORTS);
  const needs: [NotifyTransport, string, string][] = [
    ['smtp', 'SMTP_URL', 'the SMTP server that sends the e-mails'],
    ['smtp', 'SMTP_FROM', 'the sender address of the e-mails'],
    ['webhook', 'WEBHOOK_SECRET', 'the secret that signs webhook calls'],
  ];
  return needs
    .filter(([transport, variable]) => transports.includes(transport) && values[variable] === undefined)
    .map(([transport, variable, what]) => ({
      variable,
      message: `expected ${what}, since NOTIFY_TRANSPORTS includes ${transport}`,
    }));
}

function transportsOf(list: string): NotifyTransport[] {
  const names = list.split(',').map((name) => name.trim());
  return NOTIFY_TRANSPORTS.filter((transport) => names.includes(transport));
}

function toConfig(env: Environment): Config {
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    dataDir,
    http: { host: env.HOST, port: env.PORT },
    database: {
      url: env.DATABASE_URL,
      embedded: { dataDir: path.join(dataDir, 'postgres'), port: env.EMBEDDED_PG_PORT },
    },
    cluster:
      env.ZEEBE_GRPC_ADDRESS && env.ZEEBE_REST_ADDRESS
        ? { grpcAddress: env.ZEEBE_GRPC_ADDRESS, restAddress: env.ZEEBE_REST_ADDRESS }
        : undefined,
    engine: {
      host: env.ENGINE_HOST,
      grpcPort: env.ENGINE_GRPC_PORT,
      restPort: env.ENGINE_REST_PORT,
      maxMessageSize: env.ENGINE_MAX_MESSAGE_SIZE,
      longPollTimeoutMs: env.ENGINE_LONG_POLL_TIMEOUT_MS,
    },
    background: {
      priority: env.BACKGROUND_PRIORITY === 'idle' ? 'idle' : Number(env.BACKGROUND_PRIORITY),
      yieldAbove: env.BACKGROUND_YIELD_ABOVE === 'off' ? null : Number(env.BACKGROUND_YIELD_ABOVE),
      maxYieldMs: env.BACKGROUND_MAX_YIELD_MS,
    },
    notifications: {
      transports: transportsOf(env.NOTIFY_TRANSPORTS),
      smtp: env.SMTP_URL && env.SMTP_FROM ? { url: env.SMTP_URL, from: env.SMTP_FROM } : undefined,
      webhookSecret: env.WEBHOOK_SECRET,
      maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
      dispatchIntervalMs: env.NOTIFY_DISPATCH_INTERVAL_MS,
    },
    api: {
      bootstrapApiKey: env.BOOTSTRAP_API_KEY,
      tokenSecret: env.AUTH_TOKEN_SECRET,
      corsOrigins: env.CORS_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      complaintsPerMinute: env.COMPLAINTS_PER_MINUTE,
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      overload: {
        eventLoopDelayMs: env.OVERLOAD_EVENT_LOOP_DELAY_MS,
        heapUsedBytes: env.OVERLOAD_HEAP_USED_MB * 1024 * 1024,
      },
      evidence: { maxBytes: env.EVIDENCE_MAX_BYTES, dir: path.join(dataDir, 'evidence') },
    },
  };
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
