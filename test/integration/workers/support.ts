import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import type { ComplaintEvent } from '../../../db/entities/complaint-event.entity';
import { type ComplaintIntake, registerComplaint, type RegisteredComplaint } from '../../../db/intake';
import { ComplaintEventsRepository } from '../../../db/repositories/complaint-events.repository';
import { seedReferenceData } from '../../../db/seed-reference-data';
import { createTestDatabase } from '../../helpers/database';
import { aComplaint } from '../db/complaint-intake.fixture';

/** Monday 9 November 2026, 10:00 in Shanghai: a working day, inside working hours. */
export const MONDAY_10AM = new Date('2026-11-09T02:00:00Z');

export interface WorkerDatabase {
  readonly db: DataSource;
  close(): Promise<void>;
}

/** A database of the test file's own, migrated and seeded with the reference data and the demo staff. */
export async function openWorkerDatabase(prefix: string): Promise<WorkerDatabase> {
  const testDb = await createTestDatabase(prefix);
  const db = await openDatabase(testDb.url, { poolSize: 4 });
  await seedReferenceData(db, { demoStaff: true });
  return {
    db,
    async close() {
      await db.destroy();
      await testDb.drop();
    },
  };
}

/** A complaint taken in (record, complainant, evidence, number), before its process starts. */
export function fileComplaint(
  db: DataSource,
  overrides: Partial<ComplaintIntake> = {},
  receivedAt = MONDAY_10AM,
): Promise<RegisteredComplaint> {
  return registerComplaint(db, aComplaint(overrides), receivedAt);
}

/** The process variables every job of a complaint carries. */
export const refOf = (c: RegisteredComplaint) => ({
  complaintId: c.complaintId,
  complaintNumber: c.complaintNumber,
});

/** The complaint's history, oldest first. */
export function historyOf(db: DataSource, complaintId: string): Promise<ComplaintEvent[]> {
  return new ComplaintEventsRepository(db.manager).listHistory(complaintId);
}

/** The events of one type in the complaint's history. */
export async function eventsOf(db: DataSource, complaintId: string, type: string): Promise<ComplaintEvent[]> {
  return (await historyOf(db, complaintId)).filter((e) => e.type === type);
}

/** A notification in the outbox, as a test reads it. */
export interface OutboxRow {
  readonly templateKey: string;
  readonly audience: string;
  readonly recipientGroup: string | null;
  readonly language: string;
  readonly subject: string;
  readonly body: string;
  readonly transports: string[];
  readonly recipients: string[];
}

/** The notifications enqueued for a complaint, oldest first, with their deliveries' transports and recipients. */
export function outboxOf(db: DataSource, complaintId: string): Promise<OutboxRow[]> {
  return db.query(
    `SELECT n.template_key AS "templateKey", n.audience, n.recipient_group AS "recipientGroup", n.language,
            n.subject, n.body,
            (SELECT array_agg(d.transport ORDER BY d.transport)
               FROM notification_delivery d WHERE d.notification_id = n.id) AS transports,
            (SELECT coalesce(array_agg(r ORDER BY r), '{}')
               FROM notification_delivery d, unnest(d.recipients) AS r WHERE d.notification_id = n.id) AS recipients
       FROM notification n
      WHERE n.complaint_id = $1
      ORDER BY n.created_at, n.id`,
    [complaintId],
  );
}
