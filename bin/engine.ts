/**
 * `npm run engine`: the embedded Zeebe-compatible engine alone, with its PostgreSQL (the embedded one
 * unless DATABASE_URL is set), on its configured ports until SIGINT/SIGTERM. Point any Zeebe client
 * at it with the environment lines it prints.
 */
import { loadConfigOrExit, runUntilSignal } from '../lib/lifecycle';
import { createLogger } from '../lib/logger';
import { startPostgres } from '../lib/postgres';
import { clientEnvironment, startEmbeddedEngine } from './embedded-engine';

const config = loadConfigOrExit();
const log = createLogger({ level: config.logLevel });

void runUntilSignal(log, async (lifecycle) => {
  const postgres = await startPostgres(config, log);
  if (postgres.embedded) lifecycle.add('postgres', () => postgres.stop());
  const engine = await startEmbeddedEngine(config, postgres.url, log);
  lifecycle.add('engine', () => engine.stop());
  log.info(
    { grpc: engine.grpcAddress, rest: engine.restAddress, database: postgres.location },
    'engine: ready (Ctrl-C to stop)',
  );
  process.stdout.write(
    `\nZeebe gateway (gRPC)  ${engine.grpcAddress}\nREST API v2           ${engine.restAddress}/v2\n\n` +
      `Client environment:\n${clientEnvironment(engine)
        .map((line) => `  ${line}`)
        .join('\n')}\n\n`,
  );
});
