import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { promisify } from 'node:util';
import { type CpuGroupOutcome, moveToIdleCpuGroup } from './cpu-group';
import { messageOf } from './errors';

const run = promisify(execFile);

/**
 * How a process yields the CPU: `idle` (Linux SCHED_IDLE: it runs on CPU time no other process
 * wants) or a niceness 0–19 (0: not lowered).
 */
export type CpuPriority = 'idle' | number;

/**
 * What was applied: `idle`, a niceness, or nothing (with why). For `idle`, also where the process
 * went in the idle CPU group (cpu-group.ts), or why it could not.
 */
export type PriorityOutcome =
  | { readonly applied: 'idle' | number; readonly cpuGroup?: CpuGroupOutcome }
  | { readonly applied: null; readonly reason: string };

/** The niceness used where SCHED_IDLE is not to be had (not Linux, no `chrt`). */
export const IDLE_FALLBACK_NICE = 19;

/**
 * Lowers the CPU priority of process `pid` (all its threads). `idle` takes util-linux's `chrt`
 * (SCHED_IDLE may be chosen by any user for their own processes); without it, niceness 19. A process
 * that leads a session of its own also gets its autogroup lowered (`lowerAutogroup`). An `idle`
 * process also goes into the idle CPU group where this process may make one (cpu-group.ts), since
 * SCHED_IDLE holds only within a group of the scheduler.
 */
export async function lowerPriority(pid: number, priority: CpuPriority): Promise<PriorityOutcome> {
  if (priority === 0) return { applied: null, reason: 'no lower priority asked for' };
  const nice = priority === 'idle' ? IDLE_FALLBACK_NICE : priority;
  await lowerAutogroup(pid, nice);
  const applied = await lowerOne(pid, priority, nice);
  if (priority !== 'idle' || applied.applied === null || os.platform() !== 'linux') return applied;
  return { ...applied, cpuGroup: await moveToIdleCpuGroup(pid) };
}

async function lowerOne(pid: number, priority: CpuPriority, nice: number): Promise<PriorityOutcome> {
  if (priority === 'idle' && os.platform() === 'linux') {
    try {
      await run('chrt', ['--all-tasks', '--idle', '--pid', '0', String(pid)]);
      return { applied: 'idle' };
    } catch {
      // no chrt, or refused: the strongest niceness instead
    }
  }
  try {
    os.setPriority(pid, nice);
    return { applied: nice };
  } catch (error) {
    return { applied: null, reason: messageOf(error) };
  }
}

/**
 * Linux shares the CPU between sessions first ("autogroups", on unless
 * `kernel.sched_autogroup_enabled` is 0), and only then between the processes of a session. A process
 * that leads a session of its own therefore competes as a whole group, at normal weight, whatever
 * its own policy: PostgreSQL makes every server process a session leader, and its backends under
 * SCHED_IDLE still took a full share from the HTTP server. For such a process (a session leader
 * whose autogroup is not ours), the autogroup's niceness is set too. True when it was.
 */
export async function lowerAutogroup(pid: number, nice: number): Promise<boolean> {
  if (os.platform() !== 'linux') return false;
  try {
    if (sessionOf(await readFile(`/proc/${pid}/stat`, 'utf8')) !== pid) return false; // it shares a session (and so a group): lowering it lowers others
    const [theirs, ours] = await Promise.all([
      readFile(`/proc/${pid}/autogroup`, 'utf8'),
      readFile('/proc/self/autogroup', 'utf8'),
    ]);
    if (theirs.split(' ')[0] === ours.split(' ')[0]) return false;
    await writeFile(`/proc/${pid}/autogroup`, String(nice));
    return true;
  } catch {
    return false; // no autogroups in this kernel, the process is gone, or it is not ours to change
  }
}

/** The niceness of the autogroup of process `pid` (Linux with autogroups), else undefined. */
export async function autogroupNiceOf(pid: number): Promise<number | undefined> {
  try {
    const match = / nice (-?\d+)/.exec(await readFile(`/proc/${pid}/autogroup`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The fields of a /proc/<pid>/stat line from its 3rd on (after the command name, which may hold spaces). */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** `idle` when the process runs under SCHED_IDLE, else its niceness (Linux: /proc/<pid>/stat). */
export function priorityOf(stat: string): CpuPriority {
  const fields = statFields(stat);
  // nice is the 19th field of stat, policy the 41st (SCHED_IDLE = 5)
  return Number(fields[38]) === 5 ? 'idle' : Number(fields[16]);
}

/** The session (its leader's pid) of the process of a /proc/<pid>/stat line: the 6th field. */
export function sessionOf(stat: string): number {
  return Number(statFields(stat)[3]);
}
