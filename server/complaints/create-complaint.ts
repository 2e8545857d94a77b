import { createHash } from 'node:crypto';
import type { Zeebe } from '@camunda8/sdk';
import type { DataSource } from 'typeorm';
import { type ComplaintIntake, registerComplaint, type RegisteredComplaint } from '../../db/intake';
import { IdempotencyRepository } from '../../db/repositories/idempotency.repository';
import { ConflictError, UnprocessableError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import { startComplaintProcess } from '../../processes/start-complaint-process';

/** The answer of `POST /api/complaints`, kept under its idempotency key and replayed as it was. */
export interface CreatedComplaint {
  readonly number: string;
  readonly state: 'registered';
  /**
   * `started`: the engine took the complaint; `starting`: the engine had not answered within
   * `startWaitMs` (busy), the start goes on; `queued`: the engine could not be reached, the server
   * retries until it can. A replay shows what became of the start.
   */
  readonly process: 'started' | 'starting' | 'queued';
  readonly receivedAt: string;
  readonly links: { readonly self: string; readonly responses: string; readonly evidence: string };
}

export interface CreateResult {
  readonly status: 201;
  readonly body: CreatedComplaint;
  /** True when this is the answer of an earlier request with the same key and body. */
  readonly replayed: boolean;
}

export interface CreateComplaintDeps {
  readonly db: DataSource;
  readonly zeebe: Pick<Zeebe.ZeebeGrpcClient, 'publishMessage'>;
  readonly now: () => Date;
  readonly log: Pick<Logger, 'warn'>;
  /** How long the answer waits for the engine to take the start (the start goes on after it). */
  readonly startWaitMs: number;
}

/** A key still in flight after this long belongs to a request that died before committing. */
export const STALE_IN_FLIGHT_MS = 2 * 60_000;

/**
 * Registers a complaint once per idempotency key: the record, its number and the key's answer are
 * committed in one transaction; then the process is started by message (its id is the number, so a
 * second start is a no-op). If the engine cannot be reached the answer says `queued` and the
 * process-start retrier (process-start-retrier.ts) starts it later: a record never stays without its
 * process, and no process starts without its record (the record is committed first).
 */
export async function createComplaint(
  deps: CreateComplaintDeps,
  request: { readonly owner: string; readonly key: string; readonly intake: ComplaintIntake },
): Promise<CreateResult> {
  const keys = new IdempotencyRepository(deps.db.manager);
  const requestHash = intakeFingerprint(request.intake);
  const claim = await keys.claimKey(request.owner, request.key, requestHash);
  if (!claim.claimed) {
    const existing = claim.existing;
    if (existing.requestHash !== requestHash) {
      throw new UnprocessableError(
        'This Idempotency-Key was used for a different complaint; use a new key for a new complaint.',
        'IDEMPOTENCY_KEY_REUSED',
      );
    }
    if (existing.state === 'done') {
      return { status: 201, body: existing.response as CreatedComplaint, replayed: true };
    }
    if (!(await keys.reclaimStaleKey(request.owner, request.key, requestHash, STALE_IN_FLIGHT_MS))) {
      throw new ConflictError(
        'A request with this Idempotency-Key is still being processed; retry in a few seconds.',
        'IDEMPOTENCY_KEY_IN_FLIGHT',
      );
    }
  }
  let registered: RegisteredComplaint;
  const receivedAt = deps.now();
  try {
    // the answer is kept with the complaint, as `started` (the usual case: one commit fewer); if
    // the start fails below it is rewritten as `queued`, and the retrier starts the process
    registered = await registerComplaint(deps.db, request.intake, receivedAt, {
      idempotency: {
        owner: request.owner,
        key: request.key,
        requestHash,
        statusCode: 201,
        answer: (complaintNumber) => answerFor({ complaintNumber }, receivedAt, 'started'),
      },
    });
  } catch (error) {
    await keys.releaseKey(request.owner, request.key);
    throw error;
  }
  const start = startOrQueue(deps, registered);
  const process = await Promise.race([start, waited(deps.startWaitMs)]);
  const body = answerFor(registered, receivedAt, process);
  if (process === 'queued') await keys.completeKey(request.owner, request.key, 201, body);
  if (process === 'starting') {
    // the request does not wait for a busy engine; the kept answer follows what became of the start
    void start.then(async (outcome) => {
      if (outcome === 'queued') {
        await keys.completeKey(request.owner, request.key, 201, answerFor(registered, receivedAt, outcome));
      }
    });
  }
  return { status: 201, body, replayed: false };
}

function waited(ms: number): Promise<'starting'> {
  return new Promise((resolve) => setTimeout(() => resolve('starting'), ms).unref());
}

async function startOrQueue(
  deps: CreateComplaintDeps,
  complaint: RegisteredComplaint,
): Promise<'started' | 'queued'> {
  try {
    await startComplaintProcess(deps.zeebe, complaint);
    return 'started';
  } catch (error) {
    deps.log.warn(
      { complaintNumber: complaint.complaintNumber, err: error },
      'complaint registered; the engine could not be reached, its process start is queued',
    );
    return 'queued';
  }
}

function answerFor(
  complaint: Pick<RegisteredComplaint, 'complaintNumber'>,
  receivedAt: Date,
  process: CreatedComplaint['process'],
): CreatedComplaint {
  const self = `/api/complaints/${complaint.complaintNumber}`;
  return {
    number: complaint.complaintNumber,
    state: 'registered',
    process,
    receivedAt: receivedAt.toISOString(),
    links: { self, responses: `${self}/responses`, evidence: `${self}/evidence` },
  };
}

/** The intake's fingerprint: the same key with another body is refused. Key order does not matter. */
export function intakeFingerprint(value: ComplaintIntake): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
