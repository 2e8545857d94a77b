import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { findDeliveriesOfNotification } from '../../../db/repositories/notifications.repository';
import { createLogger, type Logger } from '../../../lib/logger';
import { enqueueNotification, type NotificationRequest } from '../../../notifications/outbox';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

/** A clock the test moves by hand: the dispatcher's "now". */
export class TestClock {
  constructor(private at: Date) {}
  readonly now = (): Date => this.at;
  set(at: Date): void {
    this.at = at;
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

/** A database of the test file's own, migrated. */
export async function openNotificationsDatabase(): Promise<{ db: DataSource; testDb: TestDatabase }> {
  const testDb = await createTestDatabase('notify');
  const db = await openDatabase(testDb.url, { poolSize: 4 });
  return { db, testDb };
}

/** A logger whose JSON lines the test reads. */
export function memoryLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = createLogger({
    level: 'debug',
    pretty: false,
    destination: { write: (line: string) => lines.push(line) },
  });
  return { log, lines };
}

export const T0 = new Date('2026-11-02T01:00:00Z');

let serial = 0;

/** A result notice for a complaint, in Chinese, to be sent by e-mail (overrides change any of it). */
export function resultNotice(overrides: Partial<NotificationRequest> = {}): NotificationRequest {
  return {
    idempotencyKey: `complaint-1:result:${++serial}`,
    template: 'result',
    language: 'zh-CN',
    variables: {
      complaintNumber: '26110007',
      remedy: 'exchange',
      remedyDescription: '免费更换同型号产品 2 件。',
      appealDeadline: '2026-11-20T10:00:00Z',
    },
    recipient: { kind: 'customer', email: 'li.hua@example.com' },
    complaintId: '7f9c2a4e-1b7d-4c51-9a55-2f64d7a0c001',
    complaintNumber: '26110007',
    transports: ['log', 'smtp', 'webhook'],
    now: T0,
    ...overrides,
  };
}

/** Enqueues in a transaction of its own, as a worker does in its step's transaction. */
export function enqueue(db: DataSource, request: NotificationRequest) {
  return db.transaction((manager) => enqueueNotification(manager, request));
}

/** Empties the outbox between tests, so that each test's dispatcher sees only its own notifications. */
export async function emptyOutbox(db: DataSource): Promise<void> {
  await db.query(`DELETE FROM notification`);
}

export async function deliveriesOf(db: DataSource, notificationId: string) {
  return findDeliveriesOfNotification(db.manager, notificationId);
}
