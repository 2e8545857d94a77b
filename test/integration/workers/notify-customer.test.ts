import { notifyCustomerWorker } from '../../../workers/notify-customer';
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
  t = await openWorkerDatabase('w_notify_customer');
});
afterAll(() => t.close());

const deps = () =>
  testWorkerDeps({ db: t.db, now: () => MONDAY_10AM, notifyTransports: ['log', 'smtp', 'webhook'] });

test('the acknowledgement tells the complainant the number and when the preliminary reply is due', async () => {
  // given a complaint with an e-mail address and a callback URL
  const complaint = await fileComplaint(t.db, { language: 'zh-CN' });
  // when
  const answer = await handleJob(notifyCustomerWorker, deps(), {
    variables: { ...refOf(complaint), preliminaryReplyDueAt: '2026-11-11T10:00:00+08:00' },
    headers: { template: 'acknowledgement' },
  });
  // then
  expect(answer).toEqual({ outcome: 'completed', variables: {} });
  const [notice] = await outboxOf(t.db, complaint.complaintId);
  expect(notice).toMatchObject({
    templateKey: 'acknowledgement',
    audience: 'customer',
    language: 'zh-CN',
    transports: ['smtp', 'webhook'],
    recipients: ['Wang.XM@example.com', 'https://integrator.example/callbacks/complaints'].sort(),
  });
  expect(notice.subject).toContain(complaint.complaintNumber);
  expect(notice.body).toContain('2026年11月11日 10:00（北京时间）');
});

test('a notice is written in the language of the complaint', async () => {
  // given
  const complaint = await fileComplaint(t.db, { language: 'en' });
  // when
  await handleJob(notifyCustomerWorker, deps(), {
    variables: { ...refOf(complaint), reviewReason: 'The order was placed with another company.' },
    headers: { template: 'invalid' },
  });
  // then
  const [notice] = await outboxOf(t.db, complaint.complaintId);
  expect(notice).toMatchObject({
    language: 'en',
    subject: `Reply to your complaint (no. ${complaint.complaintNumber})`,
  });
  expect(notice.body).toContain('The order was placed with another company.');
});

test('a complainant with no e-mail and no callback URL is unreachable: BPMN error CUSTOMER_UNREACHABLE', async () => {
  // given a complainant who left only a phone number, through a channel without callback
  const complaint = await fileComplaint(t.db, {
    callbackUrl: null,
    complainant: { name: '周敏', phone: '+86 137-0000-1111' },
  });
  // when
  const answer = await handleJob(notifyCustomerWorker, deps(), {
    variables: { ...refOf(complaint), preliminaryReplyDueAt: '2026-11-11T10:00:00+08:00' },
    headers: { template: 'acknowledgement' },
  });
  // then the diagram catches it; the notice went to the log only and the history notes it
  expect(answer).toMatchObject({ outcome: 'bpmn-error', errorCode: 'CUSTOMER_UNREACHABLE' });
  expect(await outboxOf(t.db, complaint.complaintId)).toEqual([
    expect.objectContaining({ templateKey: 'acknowledgement', transports: ['log'] }),
  ]);
  expect(await eventsOf(t.db, complaint.complaintId, 'customer_unreachable')).toEqual([
    expect.objectContaining({ data: expect.objectContaining({ template: 'acknowledgement' }) }),
  ]);
});

test('the same job handled twice sends one notice', async () => {
  // given a result notice enqueued once
  const complaint = await fileComplaint(t.db);
  const job = {
    variables: {
      ...refOf(complaint),
      remedy: 'exchange',
      remedyDescription: '免费更换有裂纹的12件轴承。',
      appealDeadline: '2026-11-19T11:30:00+08:00',
    },
    headers: { template: 'result' },
    elementInstanceKey: nextKey(),
  };
  await handleJob(notifyCustomerWorker, deps(), job);
  // when the same step comes again
  const again = await handleJob(notifyCustomerWorker, deps(), { ...job, jobKey: nextKey() });
  // then
  expect(again).toEqual({ outcome: 'completed', variables: {} });
  expect(await outboxOf(t.db, complaint.complaintId)).toHaveLength(1);
  expect(await eventsOf(t.db, complaint.complaintId, 'customer_notified')).toHaveLength(1);
});

test('a notice missing one of its values is an incident naming it', async () => {
  // given a result without its description
  const complaint = await fileComplaint(t.db);
  // when
  const answer = await handleJob(notifyCustomerWorker, deps(), {
    variables: { ...refOf(complaint), remedy: 'refund', appealDeadline: '2026-11-19T11:30:00+08:00' },
    headers: { template: 'result' },
  });
  // then
  expect(answer).toMatchObject({
    outcome: 'failed',
    retries: 0,
    errorMessage: expect.stringMatching(/TEMPLATE_PLACEHOLDER_MISSING: .*"remedyDescription"/),
  });
  expect(await outboxOf(t.db, complaint.complaintId)).toEqual([]);
});
