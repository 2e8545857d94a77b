import { randomUUID } from 'node:crypto';
import type { LoadJob, LoadResult } from './load-job';
import { RawConnection, rawRequest } from './raw-connection';

/** How long after the last request is due the answers are waited for. */
const DRAIN_MS = 10_000;

/**
 * Open-loop load at an even rate: request i is due at start + i/rate and is sent then over one of
 * `connections` keep-alive connections (when all are busy it waits for one). Its latency runs from
 * when it was due, not from when it was sent, so a server that falls behind shows it (no coordinated
 * omission).
 */
export async function paced({ target, connections, seconds }: LoadJob, rate: number): Promise<LoadResult> {
  const url = new URL(target.url);
  const fixed = target.freshIdempotencyKey
    ? undefined
    : rawRequest(url, target.method, target.headers, target.body);
  const requestBytes = () =>
    fixed ??
    rawRequest(url, target.method, { ...target.headers, 'idempotency-key': randomUUID() }, target.body);
  const pool = Array.from({ length: connections }, () => new RawConnection(url));
  const total = Math.max(1, Math.round(rate * seconds));
  const waiting: number[] = []; // due times of requests not sent yet
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let scheduled = 0;
  let settled = 0;
  const started = performance.now();

  await new Promise<void>((resolve) => {
    const finish = (due: number, status: number | undefined) => {
      if (status === undefined) errors++;
      else {
        statusCodes[status] = (statusCodes[status] ?? 0) + 1;
        if (status >= 200 && status < 300) latencies.push(performance.now() - due);
      }
      if (++settled === total) resolve();
      else dispatch();
    };
    const dispatch = () => {
      for (let i = 0; i < pool.length && waiting.length > 0; i++) {
        if (pool[i].closed) pool[i] = new RawConnection(url);
        if (pool[i].busy) continue;
        const due = waiting.shift() as number;
        pool[i].send(requestBytes(), (status) => finish(due, status));
      }
    };
    const tick = () => {
      const now = performance.now();
      while (scheduled < total && started + (scheduled * 1000) / rate <= now) {
        waiting.push(started + (scheduled * 1000) / rate);
        scheduled++;
      }
      dispatch();
      if (scheduled < total) setTimeout(tick, 1);
    };
    tick();
    setTimeout(resolve, seconds * 1000 + DRAIN_MS).unref();
  });
  const elapsedSeconds = (performance.now() - started) / 1000;
  for (const connection of pool) connection.close();
  errors += total - settled; // never answered
  latencies.sort((a, b) => a - b);
  const answers = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  return {
    okPerSecond: latencies.length / elapsedSeconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    answers,
    non2xx: answers - latencies.length,
    errors,
    statusCodes,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
