import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * How a process yields the CPU: `idle` (Linux SCHED_IDLE: it runs on CPU time no other process
 * wants) or a niceness 0–19 (0: not lowered).
 */
export type CpuPriority = 'idle' | number;

/** What was applied: `idle`, a niceness, or nothing (with why). */
export type PriorityOutcome =
  { readonly applied: 'idle' | number } | { readonly applied: null; readonly reason: string };

/** The niceness used where SCHED_IDLE is not to be had (not Linux, no `chrt`). */
export const IDLE_FALLBACK_NICE = 19;

/**
 * Lowers the CPU priority of process `pid` (all its threads). `idle` takes util-linux's `chrt`
 * (SCHED_IDLE may be chosen by any user for their own processes); without it, niceness 19.
 */
export async function lowerPriority(pid: number, priority: CpuPriority): Promise<PriorityOutcome> {
  if (priority === 0) return { applied: null, reason: 'no lower priority asked for' };
  if (priority === 'idle' && os.platform() === 'linux') {
    try {
      await run('chrt', ['--all-tasks', '--idle', '--pid', '0', String(pid)]);
      return { applied: 'idle' };
    } catch {
      // no chrt, or refused: the strongest niceness instead
    }
  }
  const nice = priority === 'idle' ? IDLE_FALLBACK_NICE : priority;
  try {
    os.setPriority(pid, nice);
    return { applied: nice };
  } catch (error) {
    return { applied: null, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** `idle` when the process runs under SCHED_IDLE, else its niceness (Linux: /proc/<pid>/stat). */
export function priorityOf(stat: string): CpuPriority {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields from the 3rd of stat: nice is the 19th of stat, policy the 41st (SCHED_IDLE = 5)
  return Number(fields[38]) === 5 ? 'idle' : Number(fields[16]);
}
