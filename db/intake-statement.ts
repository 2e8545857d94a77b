import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { MIN_SERIAL_DIGITS, yymmOf } from '../domain/numbering';
import { contactFingerprints } from './contact-fingerprints';
import type { ComplaintIntake, IdempotentAnswer, IdempotentIntake, IntakeOptions } from './intake';
import { preparedQuery } from './prepared-query';
import { actors } from './repositories/complaint-events.repository';

// The intake's one statement and its values (db/intake.ts registers complaints with it).

/** Stands for the complaint number in the kept answer until the statement has taken the number. */
const NUMBER_SLOT = '{{complaint-number}}';

/** The channel on which every registered complaint is announced (payload: `{"id","number"}`) at commit. */
export const COMPLAINT_REGISTERED_CHANNEL = 'complaint_registered';

/** An idempotency key's identity: its owner and the key, one text. */
export function idempotencyIdentity(owner: string, key: string): string {
  return `${owner}\u001f${key}`;
}

/** The advisory lock of an idempotency key: 64 bits of SHA-256 over its identity. */
export function idempotencyLockKey(owner: string, key: string): string {
  return createHash('sha256').update(idempotencyIdentity(owner, key)).digest().readBigInt64BE(0).toString();
}

/** The one row INTAKE_STATEMENT returns. */
export interface IntakeRow {
  readonly outcome: 'registered' | 'answered' | 'in_flight';
  readonly id: string | null;
  readonly number: string | null;
  readonly request_hash: string | null;
  readonly status_code: number | null;
  readonly response: unknown;
}

/**
 * The values of INTAKE_STATEMENT for one intake, computed before it waits for the counter: the
 * contact fingerprints (HMAC), the answer's template and the evidence as JSON.
 */
export async function intakeValues(
  dataSource: DataSource,
  input: ComplaintIntake,
  now: Date,
  options: IntakeOptions,
  idempotency: IdempotentAnswer | null,
): Promise<readonly unknown[]> {
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
  return [
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
  ];
}

/**
 * Runs one intake on its own, as one statement and one transaction. A key answered between the
 * statement's snapshot and its lock fails it with nothing stored; run again, it sees the answer.
 */
export async function runIntakeAlone(dataSource: DataSource, values: readonly unknown[]): Promise<IntakeRow> {
  try {
    return await runIntakeStatement(dataSource, values);
  } catch (error) {
    if (!isKeyTaken(error)) throw error;
    return runIntakeStatement(dataSource, values);
  }
}

/** Runs INTAKE_STATEMENT: on a pool's connection, or on a transaction's when given its manager. */
export async function runIntakeStatement(
  on: DataSource | EntityManager,
  values: readonly unknown[],
): Promise<IntakeRow> {
  const [row] = await preparedQuery<IntakeRow>(on, INTAKE_STATEMENT, values);
  return row;
}

/** What a row of INTAKE_STATEMENT says. */
export function intakeOutcome(row: IntakeRow): IdempotentIntake {
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
    INSERT INTO contact_fingerprint (complaint_id, hash, received_at)
    SELECT complaint.id, hash, complaint.received_at FROM complaint, unnest($29::text[]) AS hash
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
