import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { complaintNumber as formatComplaintNumber, yymmOf } from '../domain/numbering';
import type { Category, Channel, Language, Source } from '../domain/vocabulary';
import { contactFingerprints } from './contact-fingerprints';
import { Complainant, ContactFingerprint } from './entities/complainant.entity';
import { Complaint } from './entities/complaint.entity';
import { Evidence } from './entities/evidence.entity';
import { actors, ComplaintEventsRepository } from './repositories/complaint-events.repository';

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
   * Runs in the intake's own transaction once the complaint is stored (e.g. to record the answer of
   * an idempotent request): the complaint and what it writes are committed together or not at all.
   */
  readonly inTransaction?: (manager: EntityManager, registered: RegisteredComplaint) => Promise<void>;
}

/**
 * Stores a complaint, its complainant, its evidence metadata, its number and its `registered` event
 * in one transaction: all of it or nothing. The number is `YYMM` + a serial that restarts each month
 * (001 经典版 第八条); the month's counter row is locked until the transaction ends, so concurrent
 * intakes get distinct, consecutive numbers and a failed intake uses none. Starting the process is
 * the caller's job (publish `complaint-received`, see processes/README.md).
 */
export async function registerComplaint(
  dataSource: DataSource,
  input: ComplaintIntake,
  now: Date,
  options: IntakeOptions = {},
): Promise<RegisteredComplaint> {
  return dataSource.transaction(async (manager) => {
    // everything but the number first: the month's counter row stays locked from the moment the
    // number is taken until the commit, so that is kept to the last few statements
    const complaint = await manager
      .getRepository(Complaint)
      .save(complaintRecord(input, `pending:${randomUUID()}`, now));
    await saveComplainant(manager, complaint.id, input.complainant);
    const by = actors.client(input.clientId);
    if (input.evidence?.length) {
      await manager
        .getRepository(Evidence)
        .insert(
          input.evidence.map((item) => ({ ...item, complaintId: complaint.id, addedAt: now, addedBy: by })),
        );
    }
    const complaintNumber = await nextComplaintNumber(manager, yymmOf(now, options.timeZone));
    await manager.query(`UPDATE complaint SET number = $2 WHERE id = $1`, [complaint.id, complaintNumber]);
    await new ComplaintEventsRepository(manager).recordEvent({
      complaintId: complaint.id,
      type: 'registered',
      actor: by,
      occurredAt: now,
      data: { number: complaintNumber, channel: input.channel, evidence: input.evidence?.length ?? 0 },
    });
    const registered = { complaintId: complaint.id, complaintNumber };
    await options.inTransaction?.(manager, registered);
    return registered;
  });
}

/** Takes the month's next serial; the row stays locked until the caller's transaction ends. */
async function nextComplaintNumber(manager: EntityManager, yymm: string): Promise<string> {
  const rows: { last_serial: number }[] = await manager.query(
    `INSERT INTO complaint_number_sequence AS s (yymm, last_serial) VALUES ($1, 1)
     ON CONFLICT (yymm) DO UPDATE SET last_serial = s.last_serial + 1
     RETURNING last_serial`,
    [yymm],
  );
  return formatComplaintNumber(yymm, rows[0].last_serial);
}

function complaintRecord(input: ComplaintIntake, number: string, now: Date): Partial<Complaint> {
  return {
    number,
    channel: input.channel,
    source: input.source,
    subject: input.subject,
    description: input.description,
    occurredAt: input.occurredAt ?? null,
    location: input.location ?? null,
    request: input.request ?? null,
    declaredCategory: input.declaredCategory ?? null,
    orderNumber: input.product?.orderNumber ?? null,
    partNumber: input.product?.partNumber ?? null,
    shipDate: input.product?.shipDate ?? null,
    quantity: input.product?.quantity ?? null,
    defectiveQuantity: input.product?.defectiveQuantity ?? null,
    lossAmount: input.lossAmount ?? null,
    lossCurrency: input.currency ?? 'CNY',
    mediaExposure: input.mediaExposure ?? false,
    language: input.language,
    callbackUrl: input.callbackUrl ?? null,
    createdByClientId: input.clientId,
    state: 'registered',
    receivedAt: now,
  };
}

async function saveComplainant(manager: EntityManager, complaintId: string, person: ComplainantInput) {
  await manager.getRepository(Complainant).insert({
    complaintId,
    name: person.name,
    phone: person.phone ?? null,
    email: person.email ?? null,
    wechat: person.wechat ?? null,
    address: person.address ?? null,
    organisation: person.organisation ?? null,
  });
  const hashes = await contactFingerprints(manager, person);
  if (hashes.length > 0) {
    await manager.getRepository(ContactFingerprint).insert(hashes.map((hash) => ({ complaintId, hash })));
  }
}
