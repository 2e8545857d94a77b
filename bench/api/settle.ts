import { readFileSync } from 'node:fs';

/**
 * Waits until the machine has worked off what a run left behind: the lifecycle work a burst of
 * complaints queued (jobs, engine commits, notifications) goes on long after their requests were
 * answered, and a run that starts on top of that backlog measures the backlog, not its own rate.
 * Quiet means all cores together were busy less than `busyShare` of the time (from /proc/stat) in
 * each of `windows` consecutive windows; the benchmark needs an otherwise idle machine anyway.
 * Resolves with the seconds it waited (at most `maxSeconds`).
 */
export async function settle(
  options: { busyShare?: number; windowMs?: number; windows?: number; maxSeconds?: number } = {},
): Promise<{ seconds: number; quiet: boolean }> {
  const { busyShare = 0.1, windowMs = 500, windows = 3, maxSeconds = 180 } = options;
  const started = performance.now();
  let quietWindows = 0;
  while (performance.now() - started < maxSeconds * 1000) {
    const before = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const after = cpuTimes();
    const total = after.total - before.total;
    const busy = total === 0 ? 0 : 1 - (after.idle - before.idle) / total;
    quietWindows = busy < busyShare ? quietWindows + 1 : 0;
    if (quietWindows >= windows) return { seconds: (performance.now() - started) / 1000, quiet: true };
  }
  return { seconds: maxSeconds, quiet: false };
}

/** All cores' time since boot, in ticks: in all, and idle (idle + iowait). */
function cpuTimes(): { total: number; idle: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  return { total: ticks.reduce((sum, n) => sum + n, 0), idle: ticks[3] + ticks[4] };
}
