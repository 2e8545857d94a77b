import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MIN_SERIAL_DIGITS, yymmOf } from '../domain/numbering';
import type { Category, Channel, Language, Source } from '../domain/vocabulary';
import { contactFingerprints } from './contact-fingerprints';
import { preparedQuery } from './prepared-query';
import { actors } from './repositories/complaint-events.repository';

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

/** Stands for the complaint number in the kept answer until the statement has taken the number. */
const NUMBER_SLOT = '{{complaint-number}}';

/** The channel on which every registered complaint is announced (payload: `{"id","number"}`) at commit. */
export const COMPLAINT_REGISTERED_CHANNEL = 'complaint_registered';

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
  const rows = await runIntake(dataSource, input, now, options, null);
  return { complaintId: rows[0].id as string, complaintNumber: rows[0].number as string };
}

/**
 * `registerComplaint` once per idempotency key, in the same one statement: the complaint and the
 * answer kept under the key are committed together or not at all. A key answered before gives its
 * answer back (nothing is stored); a key whose request is still being registered gives `in_flight`:
 * that request holds a transaction-scoped advisory lock on the key, released when it commits or fails,
 * so no key is ever left stuck by a request that died.
 */
export async function registerComplaintOnce(
  dataSource: DataSource,
  input: ComplaintIntake,
  now: Date,
  idempotency: IdempotentAnswer,
  options: IntakeOptions = {},
): Promise<IdempotentIntake> {
  let rows: IntakeRow[];
  try {
    rows = await runIntake(dataSource, input, now, options, idempotency);
  } catch (error) {
    // the key was answered between this statement's snapshot and its lock: nothing was stored; the
    // statement run again sees the answer
    if (!isKeyTaken(error)) throw error;
    rows = await runIntake(dataSource, input, now, options, idempotency);
  }
  const [row] = rows;
  if (row.outcome === 'registered') {
    return {
      outcome: 'registered',
      complaint: { complaintId: row.id as string, complaintNumber: row.number as string },
    };
  }
  if (row.outcome === 'answered') {
    return {
      outcome: 'answered',
      requestHash: row.request_hash as string,
      statusCode: row.status_code as number,
      response: row.response,
    };
  }
  return { outcome: 'in_flight' };
}

/** The advisory lock of an idempotency key: 64 bits of SHA-256 over owner and key. */
export function idempotencyLockKey(owner: string, key: string): string {
  return createHash('sha256').update(`${owner}\u001f${key}`).digest().readBigInt64BE(0).toString();
}

interface IntakeRow {
  readonly outcome: 'registered' | 'answered' | 'in_flight';
  readonly id: string | null;
  readonly number: string | null;
  readonly request_hash: string | null;
  readonly status_code: number | null;
  readonly response: unknown;
}

async function runIntake(
  dataSource: DataSource,
  input: ComplaintIntake,
  now: Date,
  options: IntakeOptions,
  idempotency: IdempotentAnswer | null,
): Promise<IntakeRow[]> {
  const fingerprints = await contactFingerprints(dataSource.manager, input.complainant);
  const answer = idempotency ? answerTemplate(idempotency) : null;
  const person = input.complainant;
  const product = input.product;
  const evidence = (input.evidence ?? []).map((item) => ({
    filename: item.filename,
    content_type: item.contentType,
    size_bytes: item.sizeBytes,
    sha256: item.sha256,
    storage_key: item.storageKey,
  }));
  return preparedQuery<IntakeRow>(dataSource, INTAKE_STATEMENT, [
    yymmOf(now, options.timeZone),
    MIN_SERIAL_DIGITS,
    input.channel,
    input.source,
    input.subject,
    input.description,
    input.occurredAt ?? null,
    input.location ?? null,
    input.request ?? null,
    input.declaredCategory ?? null,
    product?.orderNumber ?? null,
    product?.partNumber ?? null,
    product?.shipDate ?? null,
    product?.quantity ?? null,
    product?.defectiveQuantity ?? null,
    input.lossAmount ?? null,
    input.currency ?? 'CNY',
    input.mediaExposure ?? false,
    input.language,
    input.callbackUrl ?? null,
    input.clientId,
    now,
    person.name,
    person.phone ?? null,
    person.email ?? null,
    person.wechat ?? null,
    person.address ?? null,
    person.organisation ?? null,
    fingerprints,
    JSON.stringify(evidence),
    actors.client(input.clientId),
    idempotency?.owner ?? null,
    idempotency?.key ?? null,
    idempotency?.requestHash ?? null,
    idempotency?.statusCode ?? null,
    answer,
    NUMBER_SLOT,
    idempotency ? idempotencyLockKey(idempotency.owner, idempotency.key) : null,
    COMPLAINT_REGISTERED_CHANNEL,
  ]);
}

function isKeyTaken(error: unknown): boolean {
  const cause = (error as { driverError?: { code?: string; table?: string } }).driverError;
  return cause?.code === '23505' && cause.table === 'idempotency_record';
}

function answerTemplate(idempotency: IdempotentAnswer): string {
  const template = JSON.stringify(idempotency.answer(NUMBER_SLOT));
  if (!template.includes(NUMBER_SLOT))
    throw new Error('the idempotent answer must name the complaint number');
  return template;
}

/**
 * The intake in one statement (data-modifying CTEs run together, atomically). With an idempotency key
 * ($32, $33) it first takes the key's advisory lock and reads what the key holds; only a free, new key
 * goes on. The counter row of the month is taken next and stays locked only while this statement
 * commits. One row comes back: `registered` (with id and number), `answered` (the kept answer) or
 * `in_flight`.
 */
const INTAKE_STATEMENT = `
  WITH claim AS (
    -- a request registering under this key holds the key's lock until it commits
    SELECT CASE WHEN $32::text IS NULL THEN true ELSE pg_try_advisory_xact_lock($38::bigint) END AS held
  ), kept AS (
    SELECT request_hash, status_code, response FROM idempotency_record WHERE owner = $32::text AND key = $33::text
  ), go AS (
    SELECT 1 FROM claim WHERE held AND NOT EXISTS (SELECT 1 FROM kept)
  ), serial AS (
    INSERT INTO complaint_number_sequence AS s (yymm, last_serial) SELECT $1, 1 FROM go
    ON CONFLICT (yymm) DO UPDATE SET last_serial = s.last_serial + 1
    RETURNING last_serial
  ), numbered AS (
    -- domain/numbering's complaintNumber: YYMM + the serial, zero-padded to MIN_SERIAL_DIGITS
    SELECT $1 || lpad(last_serial::text, greatest($2::int, length(last_serial::text)), '0') AS number
      FROM serial
  ), complaint AS (
    INSERT INTO complaint (number, channel, source, subject, description, occurred_at, location, request,
                           declared_category, order_number, part_number, ship_date, quantity,
                           defective_quantity, loss_amount, loss_currency, media_exposure, language,
                           callback_url, created_by_client_id, state, received_at)
    SELECT number, $3::text, $4::text, $5::text, $6::text, $7::timestamptz, $8::text, $9::text,
           $10::text, $11::text, $12::text, $13::date, $14::int,
           $15::int, $16::numeric, $17::text, $18::boolean, $19::text,
           $20::text, $21::text, 'registered', $22::timestamptz
      FROM numbered
    RETURNING id, number, received_at
  ), complainant AS (
    INSERT INTO complainant (complaint_id, name, phone, email, wechat, address, organisation)
    SELECT id, $23::text, $24::text, $25::text, $26::text, $27::text, $28::text FROM complaint
  ), fingerprint AS (
    INSERT INTO contact_fingerprint (complaint_id, hash)
    SELECT complaint.id, hash FROM complaint, unnest($29::text[]) AS hash
  ), evidence AS (
    INSERT INTO evidence (complaint_id, filename, content_type, size_bytes, sha256, storage_key, added_at, added_by)
    SELECT complaint.id, e.filename, e.content_type, e.size_bytes, e.sha256, e.storage_key, complaint.received_at, $31::text
      FROM complaint,
           jsonb_to_recordset($30::jsonb)
             AS e(filename text, content_type text, size_bytes bigint, sha256 text, storage_key text)
  ), event AS (
    INSERT INTO complaint_event (complaint_id, type, actor, occurred_at, data)
    SELECT id, 'registered', $31::text, received_at,
           jsonb_build_object('number', number, 'channel', $3::text,
                              'evidence', jsonb_array_length($30::jsonb))
      FROM complaint
  ), answer AS (
    -- no ON CONFLICT: a key answered since this statement's snapshot fails it all (and it is run again)
    INSERT INTO idempotency_record (owner, key, request_hash, state, status_code, response, completed_at)
    SELECT $32::text, $33::text, $34::text, 'done', $35::int, replace($36::text, $37::text, number)::jsonb, now()
      FROM complaint
     WHERE $32::text IS NOT NULL
  ), announced AS (
    SELECT pg_notify($39::text, json_build_object('id', id, 'number', number)::text) FROM complaint
  )
  SELECT 'registered' AS outcome, id, number, NULL AS request_hash, NULL::int AS status_code, NULL::jsonb AS response
    FROM complaint, announced
  UNION ALL
  SELECT 'answered', NULL, NULL, request_hash, status_code, response FROM kept
  UNION ALL
  SELECT 'in_flight', NULL, NULL, NULL, NULL, NULL FROM claim WHERE NOT held AND NOT EXISTS (SELECT 1 FROM kept)`;
