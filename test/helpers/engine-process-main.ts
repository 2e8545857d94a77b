/**
 * The embedded engine as a process of its own, for tests that kill it (see engine-process.ts).
 * Environment: ENGINE_DATABASE_URL, ENGINE_GRPC_PORT, ENGINE_REST_PORT. Prints one line
 * `ENGINE_READY {"grpcPort":…,"restPort":…}` once the engine listens; a start-up failure is printed
 * to stderr and ends the process with code 1. SIGTERM stops the engine gracefully; losing the IPC
 * channel to the parent (the test process died) ends it at once. The engine's warnings and errors
 * go to stderr as JSON lines (ENGINE_LOG_LEVEL=debug|info for more).
 */
import { type EngineLogger, startEngine } from '../../engine';
import { messageOf } from '../../lib/errors';

export const READY_PREFIX = 'ENGINE_READY ';

async function main(): Promise<void> {
  const databaseUrl = process.env.ENGINE_DATABASE_URL;
  if (!databaseUrl) throw new Error('ENGINE_DATABASE_URL is not set');
  process.once('disconnect', () => process.exit(1)); // the test process is gone
  const engine = await startEngine({
    databaseUrl,
    grpcPort: Number(process.env.ENGINE_GRPC_PORT ?? 0),
    restPort: Number(process.env.ENGINE_REST_PORT ?? 0),
    logger: stderrLogger(process.env.ENGINE_LOG_LEVEL ?? 'warn'),
  });
  process.once('SIGTERM', () => {
    engine.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  process.stdout.write(
    `${READY_PREFIX}${JSON.stringify({ grpcPort: engine.grpcPort, restPort: engine.restPort })}\n`,
  );
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

function stderrLogger(level: string, bindings: Record<string, unknown> = {}): EngineLogger {
  const threshold = Math.max(0, LEVELS.indexOf(level as (typeof LEVELS)[number]));
  const at =
    (index: number) =>
    (obj: object, msg?: string): void => {
      if (index < threshold) return;
      const fields = Object.fromEntries(
        Object.entries(obj).map(([k, v]) => [k, v instanceof Error ? (v.stack ?? v.message) : v]),
      );
      const line = { level: LEVELS[index], time: new Date().toISOString(), ...bindings, ...fields, msg };
      process.stderr.write(`${JSON.stringify(line)}\n`);
    };
  return {
    debug: at(0),
    info: at(1),
    warn: at(2),
    error: at(3),
    child: (more) => stderrLogger(level, { ...bindings, ...more }),
  };
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${messageOf(error)}\n`);
    process.exit(1);
  });
}
