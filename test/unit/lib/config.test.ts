import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, Environment, loadConfig } from '../../../lib/config';

function problemsOf(env: NodeJS.ProcessEnv): ConfigError['problems'] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  test('an empty environment gives the documented defaults: embedded PostgreSQL and embedded engine', () => {
    // when
    const config = loadConfig({});
    // then
    expect(config).toEqual({
      nodeEnv: undefined,
      logLevel: 'info',
      dataDir: path.resolve('data'),
      http: { host: '127.0.0.1', port: 3000 },
      database: { url: undefined, embedded: { dataDir: path.resolve('data', 'postgres'), port: 5488 } },
      cluster: undefined,
      engine: {
        host: '127.0.0.1',
        grpcPort: 26500,
        restPort: 8080,
        maxMessageSize: 4194304,
        longPollTimeoutMs: 10000,
      },
      background: { priority: 'idle', yieldAbove: 0.2, maxYieldMs: 30_000 },
      notifications: {
        transports: ['log'],
        smtp: undefined,
        webhookSecret: undefined,
        maxAttempts: 8,
        dispatchIntervalMs: 5000,
      },
      api: {
        bootstrapApiKey: undefined,
        tokenSecret: undefined,
        corsOrigins: [],
        rateLimitPerMinute: 1200,
        complaintsPerMinute: 120,
        requestTimeoutMs: 30000,
        overload: { eventLoopDelayMs: 1000, heapUsedBytes: 1536 * 1024 * 1024 },
        evidence: { maxBytes: 10485760, dir: path.resolve('data', 'evidence') },
      },
    });
  });

  test('every variable is read, numbers as integers', () => {
    // given
    const env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      HOST: '0.0.0.0',
      PORT: '3100',
      DATA_DIR: '/var/lib/complaints',
      DATABASE_URL: 'postgres://app:secret@db:5432/complaints',
      EMBEDDED_PG_PORT: '5499',
      ZEEBE_GRPC_ADDRESS: 'grpc://camunda:26500',
      ZEEBE_REST_ADDRESS: 'http://camunda:8080',
      ENGINE_HOST: '0.0.0.0',
      ENGINE_GRPC_PORT: '26600',
      ENGINE_REST_PORT: '8090',
      ENGINE_MAX_MESSAGE_SIZE: '8388608',
      ENGINE_LONG_POLL_TIMEOUT_MS: '5000',
      BACKGROUND_PRIORITY: '5',
      BACKGROUND_YIELD_ABOVE: '0.35',
      BACKGROUND_MAX_YIELD_MS: '10000',
      NOTIFY_TRANSPORTS: 'smtp, webhook,log',
      SMTP_URL: 'smtp://mailer:secret@mail.example.com:587',
      SMTP_FROM: '投诉中心 <complaints@example.com>',
      WEBHOOK_SECRET: 'a-shared-secret-of-32-characters',
      NOTIFY_MAX_ATTEMPTS: '5',
      NOTIFY_DISPATCH_INTERVAL_MS: '1000',
      BOOTSTRAP_API_KEY: 'ck_Adm1n001_0123456789abcdef0123456789abcdef',
      AUTH_TOKEN_SECRET: 'a-token-signing-secret-of-40-characters!',
      CORS_ORIGINS: 'https://crm.example.com, https://shop.example.com',
      RATE_LIMIT_PER_MINUTE: '600',
      COMPLAINTS_PER_MINUTE: '30',
      REQUEST_TIMEOUT_MS: '10000',
      EVIDENCE_MAX_BYTES: '2048',
      OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
      OVERLOAD_HEAP_USED_MB: '512',
    };
    // when
    const config = loadConfig(env);
    // then
    expect(config).toEqual({
      nodeEnv: 'production',
      logLevel: 'debug',
      dataDir: '/var/lib/complaints',
      http: { host: '0.0.0.0', port: 3100 },
      database: {
        url: 'postgres://app:secret@db:5432/complaints',
        embedded: { dataDir: '/var/lib/complaints/postgres', port: 5499 },
      },
      cluster: { grpcAddress: 'grpc://camunda:26500', restAddress: 'http://camunda:8080' },
      engine: {
        host: '0.0.0.0',
        grpcPort: 26600,
        restPort: 8090,
        maxMessageSize: 8388608,
        longPollTimeoutMs: 5000,
      },
      background: { priority: 5, yieldAbove: 0.35, maxYieldMs: 10000 },
      notifications: {
        transports: ['log', 'smtp', 'webhook'],
        smtp: { url: 'smtp://mailer:secret@mail.example.com:587', from: '投诉中心 <complaints@example.com>' },
        webhookSecret: 'a-shared-secret-of-32-characters',
        maxAttempts: 5,
        dispatchIntervalMs: 1000,
      },
      api: {
        bootstrapApiKey: 'ck_Adm1n001_0123456789abcdef0123456789abcdef',
        tokenSecret: 'a-token-signing-secret-of-40-characters!',
        corsOrigins: ['https://crm.example.com', 'https://shop.example.com'],
        rateLimitPerMinute: 600,
        complaintsPerMinute: 30,
        requestTimeoutMs: 10000,
        overload: { eventLoopDelayMs: 0, heapUsedBytes: 512 * 1024 * 1024 },
        evidence: { maxBytes: 2048, dir: '/var/lib/complaints/evidence' },
      },
    });
  });

  test('the configuration is frozen, nested objects included', () => {
    // when
    const config = loadConfig({});
    // then
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
    expect(Object.isFrozen(config.database.embedded)).toBe(true);
  });

  test('a variable set to an empty value counts as unset', () => {
    // when
    const config = loadConfig({ DATABASE_URL: '', PORT: ' ', ZEEBE_GRPC_ADDRESS: '' });
    // then
    expect(config.database.url).toBeUndefined();
    expect(config.http.port).toBe(3000);
    expect(config.cluster).toBeUndefined();
  });

  test('a relative DATA_DIR is resolved against the working directory; PostgreSQL lives in DATA_DIR/postgres', () => {
    // when
    const config = loadConfig({ DATA_DIR: 'state' });
    // then
    expect(config.dataDir).toBe(path.resolve('state'));
    expect(config.database.embedded.dataDir).toBe(path.resolve('state', 'postgres'));
  });

  test('every invalid variable is reported at once, each with its name, what is expected and what was given', () => {
    // given
    const env = { PORT: 'abc', LOG_LEVEL: 'loud', ENGINE_REST_PORT: '70000', NODE_ENV: 'prod' };
    // when
    const problems = problemsOf(env);
    // then
    expect(problems).toEqual([
      {
        variable: 'ENGINE_REST_PORT',
        message: 'expected a TCP port, an integer 0–65535 (0 = any free port), got "70000"',
      },
      {
        variable: 'LOG_LEVEL',
        message: 'expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      },
      { variable: 'NODE_ENV', message: 'expected one of development, production, test, got "prod"' },
      { variable: 'PORT', message: 'expected a TCP port, an integer 0–65535 (0 = any free port), got "abc"' },
    ]);
  });

  test('the error message lists every problem, one per line', () => {
    // when
    const run = () => loadConfig({ PORT: 'abc', HOST: 'a b' });
    // then
    expect(run).toThrow(
      'Invalid configuration (2 problems):\n' +
        '  HOST: expected a host name or IP address to listen on, got "a b"\n' +
        '  PORT: expected a TCP port, an integer 0–65535 (0 = any free port), got "abc"',
    );
  });

  test('an integer is not rounded: a fractional port is a problem', () => {
    // when
    const problems = problemsOf({ PORT: '3000.5' });
    // then
    expect(problems.map((p) => p.variable)).toEqual(['PORT']);
  });

  test('the background priority is idle or a niceness 0–19', () => {
    // when
    const problems = [
      ...problemsOf({ BACKGROUND_PRIORITY: 'low' }),
      ...problemsOf({ BACKGROUND_PRIORITY: '20' }),
    ];
    // then
    expect(problems).toEqual([
      {
        variable: 'BACKGROUND_PRIORITY',
        message: 'expected idle, or a niceness 0–19 (0: the same priority as the HTTP server), got "low"',
      },
      {
        variable: 'BACKGROUND_PRIORITY',
        message: 'expected idle, or a niceness 0–19 (0: the same priority as the HTTP server), got "20"',
      },
    ]);
  });

  test('the background yields above a utilisation of 0–1, or never (off), and for 1–50 s at a time', () => {
    // when
    const problems = [
      ...problemsOf({ BACKGROUND_YIELD_ABOVE: '1.5' }),
      ...problemsOf({ BACKGROUND_YIELD_ABOVE: 'never' }),
      ...problemsOf({ BACKGROUND_MAX_YIELD_MS: '60000' }),
    ];
    // then
    const utilisation =
      "expected the HTTP server's event-loop utilisation above which it is busy, 0.0–1.0, or off";
    expect(problems).toEqual([
      { variable: 'BACKGROUND_YIELD_ABOVE', message: `${utilisation}, got "1.5"` },
      { variable: 'BACKGROUND_YIELD_ABOVE', message: `${utilisation}, got "never"` },
      {
        variable: 'BACKGROUND_MAX_YIELD_MS',
        message: 'expected a duration in milliseconds, 1000–50000 (jobs time out after 60 s), got "60000"',
      },
    ]);
    expect(loadConfig({ BACKGROUND_YIELD_ABOVE: 'off' }).background.yieldAbove).toBeNull();
    expect(loadConfig({}).background).toMatchObject({ yieldAbove: 0.2, maxYieldMs: 30_000 });
  });

  test('the embedded PostgreSQL needs a real port: 0 is a problem', () => {
    // when
    const problems = problemsOf({ EMBEDDED_PG_PORT: '0' });
    // then
    expect(problems[0].message).toContain('an integer 1–65535');
  });

  test('DATABASE_URL must be a postgres URL, and its value (it carries a password) is never echoed', () => {
    // when
    const problems = problemsOf({ DATABASE_URL: 'mysql://app:secret@db/complaints' });
    // then
    expect(problems).toEqual([
      { variable: 'DATABASE_URL', message: 'expected a postgres://user:password@host:port/database URL' },
    ]);
  });

  test('ZEEBE_GRPC_ADDRESS must name its protocol, grpc:// or grpcs://', () => {
    // when
    const problems = problemsOf({
      ZEEBE_GRPC_ADDRESS: 'camunda:26500',
      ZEEBE_REST_ADDRESS: 'http://camunda:8080',
    });
    // then
    expect(problems.map((p) => p.variable)).toEqual(['ZEEBE_GRPC_ADDRESS']);
  });

  test('a cluster needs both addresses: ZEEBE_GRPC_ADDRESS alone is a problem naming ZEEBE_REST_ADDRESS', () => {
    // when
    const problems = problemsOf({ ZEEBE_GRPC_ADDRESS: 'grpc://camunda:26500' });
    // then
    expect(problems).toEqual([
      {
        variable: 'ZEEBE_REST_ADDRESS',
        message: expect.stringContaining('since ZEEBE_GRPC_ADDRESS is set'),
      },
    ]);
  });

  test('a cluster needs both addresses: ZEEBE_REST_ADDRESS alone is a problem naming ZEEBE_GRPC_ADDRESS', () => {
    // when
    const problems = problemsOf({ ZEEBE_REST_ADDRESS: 'http://camunda:8080' });
    // then
    expect(problems.map((p) => p.variable)).toEqual(['ZEEBE_GRPC_ADDRESS']);
  });

  test('variables the application does not know are ignored', () => {
    // when
    const config = loadConfig({ CAMUNDA_AUTH_STRATEGY: 'OAUTH', PATH: '/usr/bin' });
    // then
    expect(config.logLevel).toBe('info');
  });

  test('secrets are never echoed; a malformed BOOTSTRAP_API_KEY or CORS origin is named', () => {
    // when
    const attempt = () =>
      loadConfig({
        BOOTSTRAP_API_KEY: 'letmein',
        AUTH_TOKEN_SECRET: 'short',
        CORS_ORIGINS: 'crm.example.com',
      });
    // then
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('AUTH_TOKEN_SECRET: expected a secret of at least 32 characters');
    expect(message).toContain('BOOTSTRAP_API_KEY: expected an API key');
    expect(message).toContain('CORS_ORIGINS: expected a comma-separated list of origins');
    expect(message).not.toContain('letmein');
    expect(message).not.toContain('short');
  });

  test('NOTIFY_TRANSPORTS accepts only log, smtp and webhook', () => {
    // when
    const problems = problemsOf({ NOTIFY_TRANSPORTS: 'log,sms' });
    // then
    expect(problems).toEqual([
      {
        variable: 'NOTIFY_TRANSPORTS',
        message: 'expected a comma-separated list of log, smtp, webhook, got "log,sms"',
      },
    ]);
  });

  test('the webhook transport needs WEBHOOK_SECRET: the configuration reports it missing', () => {
    // when
    const problems = problemsOf({ NOTIFY_TRANSPORTS: 'log,webhook' });
    // then
    expect(problems).toEqual([
      {
        variable: 'WEBHOOK_SECRET',
        message: 'expected the secret that signs webhook calls, since NOTIFY_TRANSPORTS includes webhook',
      },
    ]);
  });

  test('the smtp transport needs SMTP_URL and SMTP_FROM, both reported at once', () => {
    // when
    const problems = problemsOf({ NOTIFY_TRANSPORTS: 'smtp' });
    // then
    expect(problems.map((p) => p.variable)).toEqual(['SMTP_FROM', 'SMTP_URL']);
  });

  test('SMTP_URL and WEBHOOK_SECRET (they carry credentials) are never echoed', () => {
    // when
    const problems = problemsOf({ SMTP_URL: 'http://mailer:secret@mail', WEBHOOK_SECRET: 'short' });
    // then
    expect(problems).toEqual([
      { variable: 'SMTP_URL', message: 'expected an smtp://user:password@host:port or smtps:// URL' },
      { variable: 'WEBHOOK_SECRET', message: 'expected a shared secret of at least 16 characters' },
    ]);
  });

  test('a notification needs at least one attempt: NOTIFY_MAX_ATTEMPTS=0 is a problem', () => {
    // when
    const problems = problemsOf({ NOTIFY_MAX_ATTEMPTS: '0' });
    // then
    expect(problems.map((p) => p.variable)).toEqual(['NOTIFY_MAX_ATTEMPTS']);
  });

  test('every variable is documented in README.md (configuration table) and in .env.example', () => {
    // given
    const root = path.resolve(__dirname, '../../..');
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const example = readFileSync(path.join(root, '.env.example'), 'utf8');
    // when
    const undocumented = Object.keys(Environment.properties).filter(
      (name) => !readme.includes(`| \`${name}\``) || !new RegExp(`^${name}=`, 'm').test(example),
    );
    // then
    expect(undocumented).toEqual([]);
  });
});
