/**
 * The load generator, in a process of its own (forked by load.ts) so that it does not share the
 * server's event loop. Answers each LoadJob message with a LoadReply.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type { LoadJob, LoadReply, LoadResult } from './load-job';
import { paced } from './paced';

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => send({ ok: true, result }),
    (error: unknown) =>
      send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

function send(reply: LoadReply): void {
  process.send?.(reply);
}

function run(job: LoadJob): Promise<LoadResult> {
  if (job.rate !== undefined && job.pacer === 'even') return paced(job, job.rate);
  return withAutocannon(job);
}

async function withAutocannon({ target, connections, seconds, rate }: LoadJob): Promise<LoadResult> {
  const url = new URL(target.url);
  const result = await autocannon({
    url: url.origin,
    connections,
    duration: seconds,
    ...(rate !== undefined ? { overallRate: rate } : {}),
    requests: [
      {
        method: target.method,
        path: url.pathname + url.search,
        headers: { ...target.headers },
        ...(target.body !== undefined ? { body: target.body } : {}),
        ...(target.freshIdempotencyKey
          ? {
              setupRequest: (request) => ({
                ...request,
                headers: { ...request.headers, 'idempotency-key': randomUUID() },
              }),
            }
          : {}),
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
  );
  return {
    okPerSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    answers: Object.values(statusCodes).reduce((sum, n) => sum + n, 0),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
  };
}
