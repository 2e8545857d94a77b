import type { DataSource } from 'typeorm';
import { MIN_SERIAL_DIGITS, yymmOf } from '../domain/numbering';
import type { Category, Channel, Language, Source } from '../domain/vocabulary';
import { contactFingerprints } from './contact-fingerprints';
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
  /**
   * Keeps the answer of an idempotent request under its key, committed with the complaint or not at
   * all (a key is never done without its complaint, nor a complaint left behind an in-flight key).
   */
  readonly idempotency?: IdempotentAnswer;
}

/** The answer to keep under an idempotency key; it names the complaint number, known only once taken. */
export interface IdempotentAnswer {
  readonly owner: string;
  readonly key: string;
  readonly requestHash: string;
  readonly statusCode: number;
  /** The answer for the complaint of this number (a pure function: called once, with a placeholder). */
  readonly answer: (complaintNumber: string) => unknown;
}

/** Stands for the complaint number in the kept answer until the statement has taken the number. */
const NUMBER_SLOT = '{{complaint-number}}';

/**
 * Stores a complaint, its complainant, its contact fingerprints, its evidence metadata, its number,
 * its `registered` event and (optionally) the idempotent answer naming it, in one statement: all of it
 * or nothing, in one round trip. The number is `YYMM` + a serial that restarts each month (001 经典版
 * 第八条, domain/numbering); the month's counter row is locked until the statement commits, so
 * concurrent intakes get distinct, consecutive numbers and a failed intake uses none. Starting the
 * process is the caller's job (publish `complaint-received`, see processes/README.md).
 */
export async function registerComplaint(
  dataSource: DataSource,
  input: ComplaintIntake,
  now: Date,
  options: IntakeOptions = {},
): Promise<RegisteredComplaint> {
  const fingerprints = await contactFingerprints(dataSource.manager, input.complainant);
  const answer = options.idempotency ? answerTemplate(options.idempotency) : null;
  const person = input.complainant;
  const product = input.product;
  const evidence = (input.evidence ?? []).map((item) => ({
    filename: item.filename,
    content_type: item.contentType,
    size_bytes: item.sizeBytes,
    sha256: item.sha256,
    storage_key: item.storageKey,
  }));
  const rows: Array<{ id: string; number: string }> = await dataSource.query(INTAKE_STATEMENT, [
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
    options.idempotency?.owner ?? null,
    options.idempotency?.key ?? null,
    options.idempotency?.requestHash ?? null,
    options.idempotency?.statusCode ?? null,
    answer,
    NUMBER_SLOT,
  ]);
  return { complaintId: rows[0].id, complaintNumber: rows[0].number };
}

function answerTemplate(idempotency: IdempotentAnswer): string {
  const template = JSON.stringify(idempotency.answer(NUMBER_SLOT));
  if (!template.includes(NUMBER_SLOT))
    throw new Error('the idempotent answer must name the complaint number');
  return template;
}

/**
 * The intake in one statement (data-modifying CTEs run together, atomically). The counter row of the
 * month is taken first and stays locked only while this statement commits.
 */
const INTAKE_STATEMENT = `
  WITH serial AS (
    INSERT INTO complaint_number_sequence AS s (yymm, last_serial) VALUES ($1, 1)
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
    INSERT INTO idempotency_record (owner, key, request_hash, state, status_code, response, completed_at)
    SELECT $32::text, $33::text, $34::text, 'done', $35::int, replace($36::text, $37::text, number)::jsonb, now()
      FROM complaint
     WHERE $32::text IS NOT NULL
    ON CONFLICT (owner, key) DO UPDATE
      SET state = 'done', status_code = EXCLUDED.status_code, response = EXCLUDED.response,
          completed_at = EXCLUDED.completed_at
  )
  SELECT id, number FROM complaint`;
