import type pg from 'pg';
import { EngineApi } from './api/engine-api';
import { createEngineQueries } from './api/queries';
import { ResultWaiters } from './api/result-waiters';
import { startGrpcGateway } from './gateway/grpc/grpc-server';
import { startRestGateway } from './gateway/rest/rest-server';
import { type EngineLogger, silentLogger } from './logger';
import { Agenda } from './runtime/agenda';
import { EngineClock } from './runtime/clock';
import { JobDispatcher } from './runtime/job-dispatcher';
import { CommandProcessor, type ProcessorStats } from './runtime/processor';
import { type Notifier, type Runtime } from './runtime/runtime';
import { Scheduler } from './runtime/scheduler';
import { type EngineRecord, EngineState } from './runtime/state/engine-state';
import { migrate } from './store/migrate';
import { loadState } from './store/persistence';
import { checkSchemaName, createPool } from './store/pool';
import { readRecords } from './store/records';

/** The Zeebe version the engine presents itself as (clients check it). */
export const ENGINE_VERSION = '8.8.0';

export interface EngineOptions {
  /** PostgreSQL holding the engine's state (its own schema). */
  readonly databaseUrl: string;
  /** Default `engine`. */
  readonly schema?: string;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Zeebe gateway gRPC port; default 26500, 0 = any free port. */
  readonly grpcPort?: number;
  /** REST API v2 port; default 8080, 0 = any free port. */
  readonly restPort?: number;
  /** Largest request or response, as Zeebe's `maxMessageSize`; default 4 MiB. */
  readonly maxMessageSize?: number;
  /** How long ActivateJobs waits for jobs when the client asks for the default (requestTimeout 0); default 10 s. */
  readonly longPollTimeoutMs?: number;
  /** PostgreSQL connections; default 10. */
  readonly poolSize?: number;
  /** Run on each new PostgreSQL connection before the engine uses it (e.g. to lower its priority). */
  readonly onConnect?: (client: pg.ClientBase) => Promise<unknown>;
  readonly logger?: EngineLogger;
}

export interface RunningEngine {
  /** For `ZEEBE_GRPC_ADDRESS`, e.g. grpc://127.0.0.1:26500. */
  readonly grpcAddress: string;
  /** For `ZEEBE_REST_ADDRESS`, e.g. http://127.0.0.1:8080. */
  readonly restAddress: string;
  readonly grpcPort: number;
  readonly restPort: number;
  /** The engine clock (the REST `PUT /v2/clock` moves the same clock). */
  readonly clock: Pick<EngineClock, 'now' | 'pin' | 'reset'>;
  /** The history of one process instance, in order. */
  records(processInstanceKey: number): Promise<EngineRecord[]>;
  stats(): ProcessorStats;
  stop(): Promise<void>;
}

/** Starts the embedded engine: migrates its schema, restores its state, opens its gRPC and REST gateways. */
export async function startEngine(options: EngineOptions): Promise<RunningEngine> {
  const log = options.logger ?? silentLogger;
  const schema = checkSchemaName(options.schema ?? 'engine');
  const host = options.host ?? '127.0.0.1';
  const maxMessageSize = options.maxMessageSize ?? 4 * 1024 * 1024;
  const pool = createPool(options.databaseUrl, options.poolSize ?? 10, options.onConnect);
  // pool.end() resolves before its connections have closed: a server going down right after may
  // still fail them, which is expected once the engine is closing.
  let closing = false;
  pool.on('error', (error) =>
    closing
      ? log.debug({ err: error }, 'engine: connection failed while closing')
      : log.error({ err: error }, 'engine: idle PostgreSQL connection failed'),
  );
  let lock: pg.PoolClient | undefined;
  try {
    await migrate(pool, schema);
    lock = await acquireOwnership(pool, schema);
    const state = new EngineState();
    await loadState(pool, schema, state);
    const clock = new EngineClock();
    const notify: Notifier = {
      jobsAvailable: (type) => dispatcher.jobsAvailable(type),
      processInstanceEnded: (key, ended, variables) => waiters.ended(key, ended, variables),
      scheduleChanged: () => scheduler.plan(),
    };
    const rt: Runtime = { state, clock, notify, agenda: new Agenda() };
    const processor = new CommandProcessor(state, pool, schema, log, () => rt.agenda.clear());
    const dispatcher = new JobDispatcher(rt, processor, log);
    const waiters = new ResultWaiters();
    const scheduler = new Scheduler(rt, clock, processor, log);
    const api = new EngineApi(rt, processor, dispatcher, waiters, clock);
    let grpcPort = options.grpcPort ?? 26500;
    const grpc = await startGrpcGateway(
      api,
      {
        host,
        port: grpcPort,
        maxMessageSize,
        longPollTimeoutMs: options.longPollTimeoutMs ?? 10_000,
        version: ENGINE_VERSION,
      },
      log,
    );
    grpcPort = grpc.port;
    const rest = await startRestGateway(
      api,
      createEngineQueries(pool, schema, () => state.definitions.values()),
      {
        host,
        port: options.restPort ?? 8080,
        maxMessageSize,
        version: ENGINE_VERSION,
        grpcPort: () => grpcPort,
        longPollTimeoutMs: options.longPollTimeoutMs ?? 10_000,
      },
      log,
    ).catch(async (error) => {
      await grpc.stop();
      throw error;
    });
    scheduler.plan();
    log.info({ grpcPort, restPort: rest.port, schema }, 'engine: started');
    const ownedLock = lock;
    return {
      grpcAddress: `grpc://${host}:${grpcPort}`,
      restAddress: `http://${host}:${rest.port}`,
      grpcPort,
      restPort: rest.port,
      clock,
      records: (key) => readRecords(pool, schema, key),
      stats: () => ({ ...processor.stats }),
      async stop() {
        scheduler.stop();
        dispatcher.close();
        await Promise.all([grpc.stop(), rest.stop()]);
        await processor.stop();
        waiters.close();
        ownedLock.release();
        closing = true;
        await pool.end();
        log.info({}, 'engine: stopped');
      },
    };
  } catch (error) {
    lock?.release();
    closing = true;
    await pool.end().catch(() => undefined);
    throw error;
  }
}

/** One engine per schema: a session-level advisory lock, held for the engine's lifetime. */
async function acquireOwnership(pool: pg.Pool, schema: string): Promise<pg.PoolClient> {
  const client = await pool.connect();
  const { rows } = await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
    `zeebe-engine:${schema}`,
  ]);
  if (!rows[0].locked) {
    client.release();
    throw new Error(
      `engine: another engine already runs on schema '${schema}' of this database; stop it first.`,
    );
  }
  client.on('error', () => undefined);
  return client;
}
