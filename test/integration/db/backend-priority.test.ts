import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { lowerBackendPriority } from '../../../lib/backend-priority';
import { cpuGroupOf, IDLE_CPU_GROUP } from '../../../lib/cpu-group';
import { autogroupNiceOf, priorityOf } from '../../../lib/process-priority';
import { createLogger } from '../../../lib/logger';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

// The background process's queries are served at its own lowered priority (SCHED_IDLE or a niceness), so that they never
// get ahead of the HTTP server's; only where the database server is this machine's own.
const log = createLogger({ level: 'silent', pretty: false });
// the throwaway embedded PostgreSQL of the test run, unless DATABASE_URL names another server
const embedded = !process.env.DATABASE_URL;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('backend_priority');
});
afterAll(() => db.drop());

const priorityOfPid = (pid: number) => priorityOf(readFileSync(`/proc/${pid}/stat`, 'utf8'));

async function backendPids(dataSource: DataSource, connections: number): Promise<number[]> {
  // held together in one moment, so each is a connection of its own
  const rows = await Promise.all(
    Array.from({ length: connections }, () =>
      dataSource.query('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)'),
    ),
  );
  return [...new Set(rows.map(([row]: Array<{ pid: number }>) => row.pid))];
}

(embedded ? test : test.skip)(
  "every connection of the pool is served by a backend at the pool's priority; others are not",
  async () => {
    // given one pool whose backends run under SCHED_IDLE, one at niceness 7
    const idle = await openDatabase(db.url, { poolSize: 3, onConnect: lowerBackendPriority('idle', log) });
    const niced = await openDatabase(db.url, { poolSize: 2, onConnect: lowerBackendPriority(7, log) });
    const plain = new pg.Client({ connectionString: db.url });
    await plain.connect();
    try {
      // when
      const idlePids = await backendPids(idle, 3);
      const nicedPids = await backendPids(niced, 2);
      const {
        rows: [{ pid: plainPid }],
      } = await plain.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      // then
      expect(idlePids).toHaveLength(3);
      for (const pid of idlePids) expect(priorityOfPid(pid)).toBe('idle');
      expect(nicedPids).toHaveLength(2);
      for (const pid of nicedPids) expect(priorityOfPid(pid)).toBe(7);
      expect(priorityOfPid(plainPid)).toBe(0);
      // and each lowered backend leads a session of its own (PostgreSQL's doing): its autogroup is
      // lowered too, where the kernel has autogroups
      if ((await autogroupNiceOf(plainPid)) !== undefined) {
        for (const pid of idlePids) expect(await autogroupNiceOf(pid)).toBe(19);
        for (const pid of nicedPids) expect(await autogroupNiceOf(pid)).toBe(7);
        expect(await autogroupNiceOf(plainPid)).toBe(0);
      }
      // and, where this process may make it (as root on this kind of machine), the idle backends
      // run in the idle CPU group, the others where they were
      if (process.getuid?.() === 0) {
        for (const pid of idlePids) expect(await cpuGroupOf(pid)).toMatch(new RegExp(`/${IDLE_CPU_GROUP}$`));
        for (const pid of [...nicedPids, plainPid]) expect(await cpuGroupOf(pid)).not.toMatch(IDLE_CPU_GROUP);
      }
    } finally {
      await plain.end();
      await idle.destroy();
      await niced.destroy();
    }
  },
);

test('a role that may not read the data directory gets a working connection at normal priority', async () => {
  // given a role without the right to read server settings
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const role = `plain_${process.pid}`;
  await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'plain-password'`);
  const url = new URL(db.url);
  url.username = role;
  url.password = 'plain-password';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    // when
    const outcome = await lowerBackendPriority(7, log)(client);
    // then
    expect(outcome).toEqual({ lowered: null, reason: 'the data directory is not readable by this role' });
    const { rows } = await client.query('SELECT 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
  } finally {
    await client.end();
    await admin.query(`DROP ROLE ${role}`);
    await admin.end();
  }
});

test('a database server on another machine is left alone: the pid it names is not lowered here', async () => {
  // given a server whose backend pid happens to be a process of this machine (this one)
  const before = os.getPriority();
  const remote = {
    query: async () => ({ rows: [{ pid: process.pid, dir: os.tmpdir() }] }),
  };
  // when
  const outcome = await lowerBackendPriority(7, log)(remote);
  // then
  expect(outcome).toEqual({ lowered: null, reason: 'the database server runs on another machine' });
  expect(os.getPriority()).toBe(before);
});

test('niceness 0 asks for nothing: no query is sent', async () => {
  // given
  const client = { query: jest.fn() };
  // when
  const outcome = await lowerBackendPriority(0, log)(client);
  // then
  expect(outcome).toEqual({ lowered: null, reason: 'no lower priority asked for' });
  expect(client.query).not.toHaveBeenCalled();
});
