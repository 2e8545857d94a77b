import type { DataSource } from 'typeorm';
import type { Category, Channel, Language, Source } from '../domain/vocabulary';
import { intakeBatchesOf } from './intake-batches';
import { intakeValues, runIntakeStatement } from './intake-statement';

export { COMPLAINT_REGISTERED_CHANNEL, idempotencyLockKey } from './intake-statement';

/** The complainant's personal data: stored apart, masked for those who need not see it, erasable. */
export interface ComplainantInput {
  readonly name: string;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly wechat?: string | null;
  readonly address?: string | null;
  readonly organisation?: string | null;
}

/** Metadata of an attachment already in storage. */
export interface EvidenceInput {
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** Lower-case hex. */
  readonly sha256: string;
  readonly storageKey: string;
}

/** Product complaints also give these (001 经典版 第九条). */
export interface ProductInput {
  readonly orderNumber?: string | null;
  readonly partNumber?: string | null;
  /** `YYYY-MM-DD`. */
  readonly shipDate?: string | null;
  readonly quantity?: number | null;
  readonly defectiveQuantity?: number | null;
}

/**
 * A complaint as the HTTP layer hands it over, already validated (DOMAIN §1: 001 第六条). Dates are
 * instants; money is in `currency` (CNY when absent).
 */
export interface ComplaintIntake {
  readonly channel: Channel;
  readonly source: Source;
  /** 事由. */
  readonly subject: string;
  readonly description: string;
  readonly occurredAt?: Date | null;
  readonly location?: string | null;
  /** 投诉请求. */
  readonly request?: string | null;
  readonly declaredCategory?: Category | null;
  readonly product?: ProductInput | null;
  readonly lossAmount?: number | null;
  readonly currency?: string;
  readonly mediaExposure?: boolean;
  readonly language: Language;
  readonly callbackUrl?: string | null;
  /** The integrator's client id: who registered it. */
  readonly clientId: string;
  readonly complainant: ComplainantInput;
  readonly evidence?: readonly EvidenceInput[];
}

export interface RegisteredComplaint {
  readonly complaintId: string;
  readonly complaintNumber: string;
}

export interface IntakeOptions {
  /** The zone whose calendar month numbers the complaint (default `Asia/Shanghai`). */
  readonly timeZone?: string;
}

/** The answer to keep under an idempotency key; it names the complaint number, known only once taken. */
export interface IdempotentAnswer {
  /** Who sent the key (keys of two callers never collide). */
  readonly owner: string;
  readonly key: string;
  /** The request's fingerprint: a replay must carry the same. */
  readonly requestHash: string;
  readonly statusCode: number;
  /** The answer for the complaint of this number (a pure function: called once, with a placeholder). */
  readonly answer: (complaintNumber: string) => unknown;
}

/** What an idempotent intake came to. */
export type IdempotentIntake =
  | { readonly outcome: 'registered'; readonly complaint: RegisteredComplaint }
  /** The key was answered before: its answer, and the fingerprint of the request that got it. */
  | {
      readonly outcome: 'answered';
      readonly requestHash: string;
      readonly statusCode: number;
      readonly response: unknown;
    }
  /** Another request with this key is being registered right now (it holds the key's lock). */
  | { readonly outcome: 'in_flight' };

/**
 * Stores a complaint, its complainant, its contact fingerprints, its evidence metadata, its number and
 * its `registered` event in one statement: all of it or nothing, in one round trip. The number is
 * `YYMM` + a serial that restarts each month (001 经典版 第八条, domain/numbering); the month's counter
 * row is locked until the statement commits, so concurrent intakes get distinct, consecutive numbers
 * and a failed intake uses none. At commit the complaint is announced on `complaint_registered`, where
 * the process starter (server/complaints/process-starter.ts) takes it up and starts its process.
 */
export async function registerComplaint(
  dataSource: DataSource,
  input: ComplaintIntake,
  now: Date,
  options: IntakeOptions = {},
): Promise<RegisteredComplaint> {
  const values = await intakeValues(dataSource, input, now, options, null);
  const row = await runIntakeStatement(dataSource, values);
  return { complaintId: row.id as string, complaintNumber: row.number as string };
}

/**
 * `registerComplaint` once per idempotency key, in the same statement: the complaint and the answer
 * kept under the key are committed together or not at all. A key answered before gives its answer
 * back (nothing is stored); a key whose request is still being registered gives `in_flight`: that
 * request holds a transaction-scoped advisory lock on the key, released when it commits or fails, so
 * no key is ever left stuck by a request that died.
 *
 * Intakes that arrive while others commit are committed together, in one transaction: one lock of
 * the month's counter and one flush to disk for the lot (db/intake-batches.ts). Numbers stay
 * consecutive and gap-free.
 */
export async function registerComplaintOnce(
  dataSource: DataSource,
  input: ComplaintIntake,
  now: Date,
  idempotency: IdempotentAnswer,
  options: IntakeOptions = {},
): Promise<IdempotentIntake> {
  const values = await intakeValues(dataSource, input, now, options, idempotency);
  return intakeBatchesOf(dataSource).register(idempotency.owner, idempotency.key, values);
}
