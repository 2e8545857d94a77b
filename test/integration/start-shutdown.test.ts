import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { cpuGroupOf, IDLE_CPU_GROUP } from '../../lib/cpu-group';
import { autogroupNiceOf, priorityOf, sessionOf } from '../../lib/process-priority';
import pg from 'pg';
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
  const stopped = start.lines.filter((line) => line.part);
  const inBackground = (line: Record<string, unknown>) => line.process === 'background';
  expect(stopped.filter((line) => !inBackground(line)).map((line) => line.part)).toEqual([
    'foreground load',
    'http server',
    'camunda clients',
    'background process',
    'database',
    'database pool',
    'idle CPU group', // last: the group the background and its database processes ran in
  ]);
  // the background process stops its own parts, in reverse order, before it is reported stopped
  const background = stopped.filter(inBackground).map((line) => line.part);
  expect(background).toEqual([
    'idempotency sweeper',
    'foreground gate', // before the starter and the workers: what waits at it must go through
    'process starter',
    'workers',
    'notification dispatcher',
    'database',
    'camunda clients',
  ]);
  // after the foreground load, the HTTP server and the clients, and after the background's own parts
  expect(stopped.findIndex((line) => line.part === 'background process')).toBe(background.length + 3);
  expect(start.lines.at(-1)).toMatchObject({ msg: 'shut down' });
});

test('a background process that dies is started again, at its lower priority, and the lifecycle goes on', async () => {
  // given npm start, and a complaint filed through its API; the HTTP server counts as busy whenever
  // its event loop works at all, so the background yields to it, for 1 s at a time
  const admin = 'ck_Start001_0123456789abcdef0123456789abcdef';
  const start = spawnStart({
    DATABASE_URL: db.url,
    ZEEBE_GRPC_ADDRESS: t.engine.grpcAddress,
    ZEEBE_REST_ADDRESS: t.engine.restAddress,
    BOOTSTRAP_API_KEY: admin,
    LOG_LEVEL: 'debug',
    BACKGROUND_YIELD_ABOVE: '0',
    BACKGROUND_MAX_YIELD_MS: '1000',
  });
  const yielded = (pid: unknown) =>
    start.line((line) => line.msg === 'background: yields to the HTTP server' && line.pid === pid);
  try {
    const started = await start.line((line) => typeof line.http === 'string');
    const first = await start.line((line) => line.msg === 'background process: started');
    // told by the server that it is busy
    await yielded(first.pid);
    expect(priorityOf(readFileSync(`/proc/${first.pid}/stat`, 'utf8'))).toBe('idle');
    // in a session of its own, whose group is lowered too where the kernel has autogroups
    expect(sessionOf(readFileSync(`/proc/${first.pid}/stat`, 'utf8'))).toBe(first.pid);
    const groupNice = await autogroupNiceOf(first.pid as number);
    if (groupNice !== undefined) expect(groupNice).toBe(19);
    // and in the idle CPU group where one may be made (as root on this kind of machine), said in the log
    if (process.getuid?.() === 0) {
      expect(first.cpuGroup).toMatch(new RegExp(`/${IDLE_CPU_GROUP}$`));
      expect(await cpuGroupOf(first.pid as number)).toMatch(new RegExp(`/${IDLE_CPU_GROUP}$`));
      // and so are the database processes serving it (lowered, then moved, as each connects)
      expect(await backendsOutsideTheIdleGroup(db.url)).toEqual({ lowered: expect.any(Number), outside: [] });
    }
    // when the background process is killed
    process.kill(first.pid as number, 'SIGKILL');
    await start.line((line) => line.msg === 'background process: exited unexpectedly; restarting');
    await start.line((line) => line.msg === 'background process: restarted');
    // then a new one runs, at the same priority, and complaints filed now are handled
    const second = start.lines.filter((line) => line.msg === 'background process: started').at(-1)!;
    expect(second.pid).not.toBe(first.pid);
    expect(priorityOf(readFileSync(`/proc/${second.pid}/stat`, 'utf8'))).toBe('idle');
    if (process.getuid?.() === 0) expect(await cpuGroupOf(second.pid as number)).toMatch(IDLE_CPU_GROUP);
    // told too that the server is busy, and yet, yielding 1 s at a time, it handles the complaint
    await yielded(second.pid);
    const filed = await fetch(`${started.http}/api/complaints`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'application/json',
        'idempotency-key': 'after-the-restart-1',
      },
      body: JSON.stringify({
        channel: 'web',
        subject: '货物运输途中破损',
        description: '收到的货物外包装破损，三件商品在运输中损坏，要求赔偿。',
        complainant: { name: '张三', phone: '13812345678' },
      }),
    });
    expect(filed.status).toBe(201);
    const { number } = (await filed.json()) as { number: string };
    const classified = await eventuallyClassified(started.http as string, admin, number);
    expect(classified.category).toBe('transport');
  } finally {
    start.child.kill('SIGTERM');
    expect(await start.exited).toBe(0);
  }
});

async function eventuallyClassified(http: string, key: string, number: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await fetch(`${http}/api/complaints/${number}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const body = (await response.json()) as { category?: string | null };
    if (body.category) return body;
    if (Date.now() > deadline)
      throw new Error(`complaint ${number} was not classified: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

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

/**
 * The SCHED_IDLE backends of database `url` that are not (yet, after 3 s) in the idle CPU group,
 * and how many there are in all (at least one).
 */
async function backendsOutsideTheIdleGroup(url: string): Promise<{ lowered: number; outside: number[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + 3000;
    for (;;) {
      const { rows } = await client.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      const lowered = rows
        .map((row) => row.pid)
        .filter((pid) => {
          try {
            return priorityOf(readFileSync(`/proc/${pid}/stat`, 'utf8')) === 'idle';
          } catch {
            return false; // gone
          }
        });
      const groups = await Promise.all(lowered.map((pid) => cpuGroupOf(pid).catch(() => IDLE_CPU_GROUP)));
      const outside = lowered.filter((_, i) => !groups[i]?.endsWith(IDLE_CPU_GROUP));
      if ((lowered.length > 0 && outside.length === 0) || Date.now() > deadline)
        return { lowered: lowered.length, outside };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}
