import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type ComplaintIntake, registerComplaintOnce } from '../../db/intake';
import { ConflictError, UnprocessableError } from '../../lib/errors';

/** The answer of `POST /api/complaints`, kept under its idempotency key and replayed as it was. */
export interface CreatedComplaint {
  readonly number: string;
  readonly state: 'registered';
  /**
   * `queued`: the complaint is stored and its process start is queued; the process starter in the
   * background process starts it at once, or, while the engine cannot be reached, as soon as it can
   * (server/complaints/process-starter.ts). `GET /api/complaints/{number}` says `started` once the
   * engine has it.
   */
  readonly process: 'queued';
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
  readonly now: () => Date;
}

/**
 * Registers a complaint once per idempotency key: the record, its number and the key's answer are
 * committed in one statement (db/intake.ts), which also queues the start of its process: the
 * complaint is announced at commit, and the process starter publishes `complaint-received` (its id
 * is the number, so a second start is a no-op). The request never waits for the engine, and a
 * record never stays without its process: what an announcement misses, the starter's periodic pass
 * finds. The same key with another body is refused (422); while a request with the key is being
 * registered, another is refused (409).
 */
export async function createComplaint(
  deps: CreateComplaintDeps,
  request: { readonly owner: string; readonly key: string; readonly intake: ComplaintIntake },
): Promise<CreateResult> {
  const requestHash = intakeFingerprint(request.intake);
  const receivedAt = deps.now();
  const intake = await registerComplaintOnce(deps.db, request.intake, receivedAt, {
    owner: request.owner,
    key: request.key,
    requestHash,
    statusCode: 201,
    answer: (complaintNumber) => answerFor(complaintNumber, receivedAt),
  });
  if (intake.outcome === 'registered') {
    return { status: 201, body: answerFor(intake.complaint.complaintNumber, receivedAt), replayed: false };
  }
  if (intake.outcome === 'in_flight') {
    throw new ConflictError(
      'A request with this Idempotency-Key is still being processed; retry in a few seconds.',
      'IDEMPOTENCY_KEY_IN_FLIGHT',
    );
  }
  if (intake.requestHash !== requestHash) {
    throw new UnprocessableError(
      'This Idempotency-Key was used for a different complaint; use a new key for a new complaint.',
      'IDEMPOTENCY_KEY_REUSED',
    );
  }
  return { status: 201, body: intake.response as CreatedComplaint, replayed: true };
}

function answerFor(complaintNumber: string, receivedAt: Date): CreatedComplaint {
  const self = `/api/complaints/${complaintNumber}`;
  return {
    number: complaintNumber,
    state: 'registered',
    process: 'queued',
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
