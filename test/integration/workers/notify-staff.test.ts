import { notifyCustomerWorker } from '../../../workers/notify-customer';
import { notifyStaffWorker } from '../../../workers/notify-staff';
import { handleJob, nextKey, testWorkerDeps } from '../../helpers/job-context';
import {
  eventsOf,
  fileComplaint,
  MONDAY_10AM,
  openWorkerDatabase,
  outboxOf,
  refOf,
  type WorkerDatabase,
} from './support';

let t: WorkerDatabase;
beforeAll(async () => {
  t = await openWorkerDatabase('w_notify_staff');
  await t.db.query(
    `UPDATE staff SET email = id || '@staff.example.com' WHERE id LIKE 'demo.quality_management.%'`,
  );
});
afterAll(() => t.close());

const deps = () => testWorkerDeps({ db: t.db, now: () => MONDAY_10AM, notifyTransports: ['log', 'smtp'] });

const routedToQuality = {
  departmentId: 'quality_management',
  departmentGroup: 'dept-quality',
  investigationDueAt: '2026-11-10T15:00:00+08:00',
};

test("the department is told of its new complaint, by e-mail to its group's members", async () => {
  // given a complaint routed to quality management
  const complaint = await fileComplaint(t.db);
  // when
  const answer = await handleJob(notifyStaffWorker, deps(), {
    variables: { ...refOf(complaint), ...routedToQuality },
    headers: { template: 'department_assigned' },
  });
  // then
  expect(answer).toEqual({ outcome: 'completed', variables: {} });
  const [notice] = await outboxOf(t.db, complaint.complaintId);
  expect(notice).toMatchObject({
    templateKey: 'department_assigned',
    audience: 'staff',
    recipientGroup: 'dept-quality',
    language: 'zh-CN',
    transports: ['smtp'],
    recipients: [
      'demo.quality_management.staff1@staff.example.com',
      'demo.quality_management.staff2@staff.example.com',
    ],
  });
  expect(notice.subject).toBe(`【新投诉】投诉 ${complaint.complaintNumber} 已分派至质量管理部`);
  expect(notice.body).toContain('2026年11月10日 15:00（北京时间）');
});

test('an internal company problem is reported to leadership with the proposed remedy', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  // when
  await handleJob(notifyStaffWorker, deps(), {
    variables: { ...refOf(complaint), remedy: 'compensation', remedyAmount: 68000 },
    headers: { template: 'report_to_leadership' },
  });
  // then
  const [notice] = await outboxOf(t.db, complaint.complaintId);
  expect(notice).toMatchObject({ templateKey: 'report_to_leadership', recipientGroup: 'company-leadership' });
  expect(notice.body).toContain('赔偿，金额 ¥68,000.00');
});

test("the centre's agents are told which notice could not reach the complainant", async () => {
  // given a result that found the complainant unreachable
  const complaint = await fileComplaint(t.db, { callbackUrl: null, complainant: { name: '周敏' } });
  await handleJob(notifyCustomerWorker, deps(), {
    variables: {
      ...refOf(complaint),
      remedy: 'refund',
      remedyDescription: '退还货款 3600.50 元。',
      appealDeadline: '2026-11-19T11:30:00+08:00',
    },
    headers: { template: 'result' },
  });
  // when
  await handleJob(notifyStaffWorker, deps(), {
    variables: refOf(complaint),
    headers: { template: 'unreachable' },
  });
  // then
  // (both notices carry the same pinned clock time, so pick the staff notice by its template)
  const notices = await outboxOf(t.db, complaint.complaintId);
  const notice = notices.find((row) => row.templateKey === 'unreachable');
  expect(notice).toMatchObject({ audience: 'staff', recipientGroup: 'complaint-centre-agents' });
  expect(notice?.body).toContain('“处理结果通知”无法送达投诉人');
  expect(await eventsOf(t.db, complaint.complaintId, 'customer_unreachable_noted')).toHaveLength(1);
});

test('the same job handled twice sends one notice', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  const job = {
    variables: { ...refOf(complaint), ...routedToQuality },
    headers: { template: 'department_assigned' },
    elementInstanceKey: nextKey(),
  };
  await handleJob(notifyStaffWorker, deps(), job);
  // when
  await handleJob(notifyStaffWorker, deps(), { ...job, jobKey: nextKey() });
  // then
  expect(await outboxOf(t.db, complaint.complaintId)).toHaveLength(1);
  expect(await eventsOf(t.db, complaint.complaintId, 'staff_notified')).toHaveLength(1);
});

test('a department notice without the department group is an incident naming the variable', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  // when
  const answer = await handleJob(notifyStaffWorker, deps(), {
    variables: { ...refOf(complaint), departmentId: 'quality_management' },
    headers: { template: 'department_assigned' },
  });
  // then
  expect(answer).toEqual({
    outcome: 'failed',
    retries: 0,
    errorMessage: 'notify-staff: the department_assigned notice needs the variable departmentGroup',
  });
});
