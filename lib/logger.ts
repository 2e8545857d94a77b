import pino, { type DestinationStream } from 'pino';
import type PinoPretty from 'pino-pretty';
import type { LogLevel } from './config';

export type Logger = pino.Logger;

/**
 * Keys whose values are personal data: redacted wherever they appear, up to four levels deep (a
 * complaint, `job.variables.complainant`, `variables.complaint.contact.phone`, ...).
 */
export const PERSONAL_DATA_KEYS = [
  'complainant',
  'customerName',
  'contact',
  'phone',
  'mobile',
  'email',
  'address',
  'idNumber',
] as const;

const CREDENTIAL_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
];

/** pino redact paths: each personal key at depth 0–3 (a `*` matches exactly one level), and credentials. */
export const REDACT_PATHS: readonly string[] = [
  ...PERSONAL_DATA_KEYS.flatMap((key) => ['', '*.', '*.*.', '*.*.*.'].map((prefix) => `${prefix}${key}`)),
  ...CREDENTIAL_PATHS,
];

export const REDACTED = '[REDACTED]';

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Human-readable output; default: only when stdout is a terminal. */
  readonly pretty?: boolean;
  /** Where JSON lines go; default stdout. */
  readonly destination?: DestinationStream;
}

/**
 * The one root logger of a process (create it once in bin/, pass it or its children down). JSON lines
 * for machines; pretty output only on a terminal. Personal data is redacted before anything is written.
 */
export function createLogger(options: LoggerOptions): Logger {
  const pretty = options.pretty ?? process.stdout.isTTY === true;
  const destination =
    options.destination ?? (pretty ? prettyStream() : undefined) ?? pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level: options.level,
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      serializers: { err: serializeError },
    },
    destination,
  );
}

/**
 * pino's error serializer, minus object graphs some libraries hang on their errors (pg attaches the
 * whole client, connection parameters included): a property holding a class instance that is not
 * an error shows as its class name.
 */
function serializeError(error: Error): ReturnType<typeof pino.stdSerializers.err> {
  const serialized = pino.stdSerializers.err(error);
  for (const [key, value] of Object.entries(serialized)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || key === 'cause') continue;
    const prototype: unknown = Object.getPrototypeOf(value);
    if (value instanceof Error) serialized[key] = serializeError(value);
    else if (prototype !== Object.prototype && prototype !== null) {
      serialized[key] = `[${(value as object).constructor?.name ?? 'object'}]`;
    }
  }
  return serialized;
}

/**
 * pino-pretty as a synchronous stream (no worker thread: nothing is lost at exit). Loaded only when
 * asked for, so an install without it (production, `npm ci --omit=dev`) still logs, in JSON.
 */
function prettyStream(): DestinationStream | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional at run time, see above
    const pretty = require('pino-pretty') as typeof PinoPretty;
    return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', sync: true });
  } catch {
    return undefined;
  }
}
