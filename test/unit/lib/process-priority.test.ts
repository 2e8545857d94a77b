import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import {
  autogroupNiceOf,
  lowerAutogroup,
  lowerPriority,
  priorityOf,
  sessionOf,
} from '../../../lib/process-priority';
import { cpuGroupOf, IDLE_CPU_GROUP } from '../../../lib/cpu-group';

// lib/process-priority.ts: a lowered process yields the CPU, also where Linux shares it between
// sessions first (autogroups): a process leading a session of its own gets its autogroup lowered.
const linuxWithAutogroups = os.platform() === 'linux' && autogroupOfSelf() !== undefined;

function autogroupOfSelf(): string | undefined {
  try {
    return readFileSync('/proc/self/autogroup', 'utf8');
  } catch {
    return undefined;
  }
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function sleeper(options: { ownSession: boolean }): number {
  const child = spawn('sleep', ['30'], { detached: options.ownSession, stdio: 'ignore' });
  children.push(child);
  return child.pid as number;
}

(linuxWithAutogroups ? test : test.skip)(
  'a process leading a session of its own is lowered with its autogroup',
  async () => {
    // given a process in a new session (as PostgreSQL's server processes are)
    const pid = sleeper({ ownSession: true });
    const ours = await autogroupNiceOf(process.pid);
    // when
    const outcome = await lowerPriority(pid, 'idle');
    // then
    expect(outcome).toMatchObject({ applied: 'idle' });
    expect(priorityOf(readFileSync(`/proc/${pid}/stat`, 'utf8'))).toBe('idle');
    expect(await autogroupNiceOf(pid)).toBe(19);
    expect(await autogroupNiceOf(process.pid)).toBe(ours);
  },
);

// this kind of machine: Linux, root, the cpu controller writable (CI runs as root)
(os.platform() === 'linux' && process.getuid?.() === 0 ? test : test.skip)(
  'an idle process also goes into the idle CPU group; a niceness does not',
  async () => {
    // given two processes
    const idle = sleeper({ ownSession: true });
    const niced = sleeper({ ownSession: true });
    // when
    const outcome = await lowerPriority(idle, 'idle');
    await lowerPriority(niced, 7);
    // then
    expect(outcome).toEqual({ applied: 'idle', cpuGroup: { group: expect.stringMatching(IDLE_CPU_GROUP) } });
    expect(await cpuGroupOf(idle)).toMatch(new RegExp(`/${IDLE_CPU_GROUP}$`));
    expect(await cpuGroupOf(niced)).toBe(await cpuGroupOf(process.pid));
  },
);

(linuxWithAutogroups ? test : test.skip)('a niceness is given to the autogroup as it is', async () => {
  // given
  const pid = sleeper({ ownSession: true });
  // when
  const outcome = await lowerPriority(pid, 7);
  // then
  expect(outcome).toEqual({ applied: 7 });
  expect(await autogroupNiceOf(pid)).toBe(7);
});

(linuxWithAutogroups ? test : test.skip)(
  "a process sharing this process's session keeps the autogroup as it is (lowering it would lower this one)",
  async () => {
    // given a child in this process's session
    const pid = sleeper({ ownSession: false });
    const ours = await autogroupNiceOf(process.pid);
    // when
    const lowered = await lowerAutogroup(pid, 19);
    // then
    expect(lowered).toBe(false);
    expect(await autogroupNiceOf(pid)).toBe(ours);
    expect(await autogroupNiceOf(process.pid)).toBe(ours);
  },
);

test('a process that is gone is not lowered, and that is said', async () => {
  // given a pid no process has
  const child = spawn('true');
  await new Promise((resolve) => child.once('exit', resolve));
  // when
  const lowered = await lowerAutogroup(child.pid as number, 19);
  const outcome = await lowerPriority(child.pid as number, 5);
  // then
  expect(lowered).toBe(false);
  expect(outcome).toEqual({ applied: null, reason: expect.any(String) });
});

test('reads the session of a stat line whose command name holds spaces and parentheses', () => {
  // given a stat line of process 4242 ("my (odd) cmd"), parent 1, group 4242, session 4200
  const stat = '4242 (my (odd) cmd) S 1 4242 4200 0 -1 4194560 0 0 0 0';
  // when
  const session = sessionOf(stat);
  // then
  expect(session).toBe(4200);
});
