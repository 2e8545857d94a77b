import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startTestEngine, type TestEngine } from '../helpers/engine';

const ROOT = path.join(__dirname, '..', '..');

/** `npm start` from the sources, as a child process whose JSON log lines the test reads. */
interface StartProcess {
  readonly child: ChildProcess;
  readonly lines: Array<Record<string, unknown>>;
  /** Resolves with the first log line that satisfies `match`. */
  line(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

function spawnStart(env: NodeJS.ProcessEnv): StartProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'bin/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  const waiting: Array<{
    match: (line: Record<string, unknown>) => boolean;
    resolve: (line: Record<string, unknown>) => void;
  }> = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    if (!text.startsWith('{')) return;
    const line = JSON.parse(text) as Record<string, unknown>;
    lines.push(line);
    for (const w of waiting.filter((w) => w.match(line))) w.resolve(line);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    line: (match) =>
      new Promise((resolve, reject) => {
        const found = lines.find(match);
        if (found) return resolve(found);
        waiting.push({ match, resolve });
        void exited.then((code) =>
          reject(new Error(`npm start exited (${code}) before the expected log line`)),
        );
      }),
  };
}

let t: TestEngine;
let db: TestDatabase;
beforeAll(async () => {
  t = await startTestEngine();
  db = await createTestDatabase('start');
});
afterAll(async () => {
  await db.drop();
  await t.stop();
});

test('npm start against a cluster and DATABASE_URL serves, then stops every part in reverse order on SIGTERM and exits 0', async () => {
  // given
  const start = spawnStart({
    DATABASE_URL: db.url,
    ZEEBE_GRPC_ADDRESS: t.engine.grpcAddress,
    ZEEBE_REST_ADDRESS: t.engine.restAddress,
  });
  const started = await start.line((line) => typeof line.http === 'string');
  const ready = await fetch(`${started.http}/ready`);
  expect(ready.status).toBe(200);
  // when
  start.child.kill('SIGTERM');
  const code = await start.exited;
  // then
  expect(code).toBe(0);
  expect(start.lines.filter((line) => line.part).map((line) => line.part)).toEqual([
    'http server',
    'api database',
    'idempotency sweeper',
    'process start retrier',
    'workers',
    'notification dispatcher',
    'database',
    'camunda clients',
    'database pool',
  ]);
  expect(start.lines.at(-1)).toMatchObject({ msg: 'shut down' });
});

test('npm start with an invalid environment exits 1 listing every problem', async () => {
  // given
  const start = spawnStart({ PORT: 'abc', LOG_LEVEL: 'loud' });
  let stderr = '';
  start.child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  // when
  const code = await start.exited;
  // then
  expect(code).toBe(1);
  expect(stderr).toContain('Invalid configuration (2 problems)');
  expect(stderr).toContain(
    'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
  );
  expect(stderr).toContain('PORT: expected a TCP port');
});
