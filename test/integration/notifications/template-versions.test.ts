import type { DataSource } from 'typeorm';
import { listTemplateVersions } from '../../../db/repositories/notification-templates.repository';
import { TemplateError } from '../../../notifications/errors';
import { reviseTemplate } from '../../../notifications/templates';
import type { TestDatabase } from '../../helpers/database';
import { enqueue, openNotificationsDatabase, resultNotice, T0 } from './support';

let db: DataSource;
let testDb: TestDatabase;
beforeAll(async () => ({ db, testDb } = await openNotificationsDatabase()));
afterAll(async () => {
  await db.destroy();
  await testDb.drop();
});

async function storedText(
  notificationId: string,
): Promise<{ subject: string; body: string; version: number }> {
  const [row] = await db.query(
    `SELECT subject, body, template_version AS version FROM notification WHERE id = $1`,
    [notificationId],
  );
  return row;
}

async function rejection(promise: Promise<unknown>): Promise<TemplateError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error instanceof TemplateError) return error;
  throw new Error(`expected a TemplateError, got ${String(error)}`);
}

describe('templates edited by an administrator', () => {
  test('a saved version overrides the built-in template, and the notification records which version it used', async () => {
    // given
    await db.transaction((manager) =>
      reviseTemplate(manager, {
        key: 'follow_up',
        language: 'en',
        subject: 'How did we do? (complaint {{complaintNumber}})',
        body: 'Dear customer, we will call you about complaint {{complaintNumber}} this week.',
        editedBy: 'staff:admin-1',
        now: T0,
      }),
    );
    // when
    const { notificationId } = await enqueue(
      db,
      resultNotice({ template: 'follow_up', language: 'en', variables: { complaintNumber: '26110008' } }),
    );
    // then
    expect(await storedText(notificationId)).toEqual({
      subject: 'How did we do? (complaint 26110008)',
      body: 'Dear customer, we will call you about complaint 26110008 this week.',
      version: 1,
    });
  });

  test('each save is a new version; every version is kept, newest first', async () => {
    // given
    const revision = { key: 'withdrawn', language: 'zh-CN' as const, editedBy: 'staff:admin-1', now: T0 };
    // when
    for (const subject of ['撤回确认 {{complaintNumber}}', '投诉 {{complaintNumber}} 已撤回']) {
      await db.transaction((m) =>
        reviseTemplate(m, { ...revision, subject, body: '已于{{withdrawnAt|date}}撤回。' }),
      );
    }
    // then
    const versions = await listTemplateVersions(db.manager, 'withdrawn', 'zh-CN');
    expect(versions.map((v) => [v.version, v.subject])).toEqual([
      [2, '投诉 {{complaintNumber}} 已撤回'],
      [1, '撤回确认 {{complaintNumber}}'],
    ]);
  });

  test('a version using a placeholder no notification supplies is refused, naming those available', async () => {
    // when
    const error = await rejection(
      db.transaction((manager) =>
        reviseTemplate(manager, {
          key: 'invalid',
          language: 'en',
          subject: 'Complaint {{complaintNumber}}',
          body: 'Dear {{customerName}}, {{reviewReason}}',
          editedBy: 'staff:admin-1',
          now: T0,
        }),
      ),
    );
    // then
    expect(error.code).toBe('TEMPLATE_PLACEHOLDER_UNKNOWN');
    expect(error.message).toBe(
      'invalid (en) uses {{customerName}}, which no notification supplies; available: {{complaintNumber}}, {{reviewReason}}',
    );
  });

  test('a malformed version is refused and nothing is saved', async () => {
    // when
    const error = await rejection(
      db.transaction((manager) =>
        reviseTemplate(manager, {
          key: 'malicious',
          language: 'en',
          subject: 'Complaint {{complaintNumber}',
          body: '{{reviewReason}}',
          editedBy: 'staff:admin-1',
          now: T0,
        }),
      ),
    );
    // then
    expect(error.code).toBe('TEMPLATE_SYNTAX_INVALID');
    expect(await listTemplateVersions(db.manager, 'malicious', 'en')).toEqual([]);
  });
});
