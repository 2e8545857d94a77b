import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { DepartmentRecord } from '../../../db/entities/department.entity';
import { registerComplaint } from '../../../db/intake';
import { ComplaintsRepository } from '../../../db/repositories/complaints.repository';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { aComplaint } from './complaint-intake.fixture';

let db: TestDatabase;
let dataSource: DataSource;
let complaints: ComplaintsRepository;
beforeAll(async () => {
  db = await createTestDatabase('db_complaints');
  dataSource = await openDatabase(db.url, { poolSize: 4 });
  complaints = new ComplaintsRepository(dataSource.manager);
  await dataSource.manager.insert(DepartmentRecord, {
    code: 'quality',
    nameZh: '质量管理部',
    nameEn: 'Quality management',
    candidateGroup: 'dept-quality',
    teamManagerGroup: 'dept-quality-managers',
    directorGroup: 'complaint-centre-directors',
  });
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

const at = new Date('2026-11-22T09:00:00Z');
const register = (overrides = {}, now = new Date('2026-11-22T08:00:00Z')) =>
  registerComplaint(dataSource, aComplaint(overrides), now);

test('loading for classification counts the complainant’s other complaints within the window', async () => {
  // given three earlier complaints by the same person (same phone written differently, or same e-mail)
  await register({ complainant: { name: '王小明', phone: '13800138000' } }, new Date('2026-10-01T08:00:00Z'));
  await register(
    { complainant: { name: 'W. Xiaoming', email: 'wang.xm@EXAMPLE.com ' } },
    new Date('2026-11-01T08:00:00Z'),
  );
  await register(
    { complainant: { name: '王小明', phone: '0086 138 0013 8000' } },
    new Date('2026-11-20T08:00:00Z'),
  );
  await register({ complainant: { name: '李四', phone: '13900000000' } }, new Date('2026-11-21T08:00:00Z'));
  const { complaintId } = await register();
  // when
  const loaded = await complaints.loadForClassification(complaintId, {
    withinDays: 30,
    countUpTo: 100,
    now: at,
  });
  // then the complaint of 1 October is outside the 30 days, 李四 is someone else
  expect(loaded.complaint.id).toBe(complaintId);
  expect(loaded.recentComplaintsByComplainant).toBe(2);
});

test('a complainant’s recent complaints are counted up to the limit, each contact detail alike', async () => {
  // given five earlier complaints by one phone, and one more by that person's e-mail alone
  const person = { name: '赵六', phone: '13700000000', email: 'zhao6@example.com' };
  for (let day = 10; day < 15; day++) {
    await register(
      { complainant: { name: '赵六', phone: person.phone } },
      new Date(`2026-11-${day}T08:00:00Z`),
    );
  }
  await register({ complainant: { name: '赵六', email: person.email } }, new Date('2026-11-16T08:00:00Z'));
  const { complaintId } = await register({ complainant: person });
  // when
  const options = { withinDays: 30, now: at };
  const upToThree = await complaints.loadForClassification(complaintId, { ...options, countUpTo: 3 });
  const upToTen = await complaints.loadForClassification(complaintId, { ...options, countUpTo: 10 });
  // then
  expect(upToThree.recentComplaintsByComplainant).toBe(3);
  expect(upToTen.recentComplaintsByComplainant).toBe(6);
});

test('loading an unknown complaint fails with COMPLAINT_NOT_FOUND', async () => {
  // given no such complaint
  // when
  const loading = complaints.loadForClassification('00000000-0000-4000-8000-000000000000', {
    withinDays: 30,
    countUpTo: 100,
    now: at,
  });
  // then
  await expect(loading).rejects.toMatchObject({ code: 'COMPLAINT_NOT_FOUND', status: 404 });
});

test('recording the classification stores it with its explanation and increments the version', async () => {
  // given
  const { complaintId } = await register();
  // when
  await complaints.recordClassification(
    complaintId,
    {
      category: 'quality',
      subType: 'defect',
      severity: 2,
      priority: 'high',
      taskPriority: 75,
      explanation: { keywords: ['裂纹'] },
    },
    at,
    1,
  );
  // then
  expect(await complaints.getById(complaintId)).toMatchObject({
    category: 'quality',
    subType: 'defect',
    severity: 2,
    priority: 'high',
    taskPriority: 75,
    classification: { keywords: ['裂纹'] },
    classifiedAt: at,
    version: 2,
  });
});

test('an update against a stale version fails with COMPLAINT_CHANGED and changes nothing', async () => {
  // given a complaint someone else updated since we read version 1
  const { complaintId } = await register();
  await complaints.changeState(complaintId, 'in_review', at);
  // when
  const stale = complaints.changeState(complaintId, 'investigating', at, 1);
  // then
  await expect(stale).rejects.toMatchObject({ code: 'COMPLAINT_CHANGED', status: 409 });
  expect(await complaints.getById(complaintId)).toMatchObject({ state: 'in_review', version: 2 });
});

test('a malicious review outcome flags the complaint as malicious', async () => {
  // given
  const { complaintId } = await register();
  // when
  await complaints.recordReview(complaintId, { outcome: 'malicious', reason: '捏造事实' }, at);
  // then
  expect(await complaints.getById(complaintId)).toMatchObject({
    reviewOutcome: 'malicious',
    reviewReason: '捏造事实',
    reviewedAt: at,
    malicious: true,
  });
});

test('a final state stamps the closing time', async () => {
  // given
  const { complaintId } = await register();
  // when
  await complaints.changeState(complaintId, 'closed', at);
  // then
  expect(await complaints.getById(complaintId)).toMatchObject({ state: 'closed', closedAt: at });
});

test('the open complaints of a department are those assigned to it and not finished', async () => {
  // given one open and one closed complaint of the quality department, and one unassigned
  const open = await register();
  const closed = await register();
  await register();
  await complaints.assignDepartment(open.complaintId, 'quality', at);
  await complaints.assignDepartment(closed.complaintId, 'quality', at);
  await complaints.changeState(closed.complaintId, 'closed', at);
  // when
  const found = await complaints.findOpenByDepartment('quality');
  // then
  expect(found.map((c) => c.id)).toEqual([open.complaintId]);
});

test('the nature found by the investigation is recorded', async () => {
  // given
  const { complaintId } = await register();
  // when
  await complaints.recordNature(complaintId, 'shared', at);
  // then
  expect((await complaints.getById(complaintId)).nature).toBe('shared');
});

test('a complaint is awaiting its process until the process start is marked', async () => {
  // given two complaints, one of which has its process
  const waiting = await register({}, new Date('2020-01-01T00:00:00Z'));
  const started = await register({}, new Date('2020-01-01T00:00:01Z'));
  await complaints.markProcessStarted(started.complaintId, '2251799813685249', at);
  // when
  const awaiting = await complaints.findComplaintsAwaitingProcess({
    receivedBefore: new Date('2020-01-02T00:00:00Z'),
  });
  // then
  expect(awaiting).toEqual([
    {
      complaintId: waiting.complaintId,
      complaintNumber: waiting.complaintNumber,
      receivedAt: new Date('2020-01-01T00:00:00Z'),
    },
  ]);
});

test('complaints received after the cut-off are not reported as awaiting their process', async () => {
  // given a complaint received just now
  const { complaintId } = await register({}, new Date('2026-11-22T08:59:59Z'));
  // when
  const awaiting = await complaints.findComplaintsAwaitingProcess({
    receivedBefore: new Date('2026-11-22T08:59:00Z'),
  });
  // then
  expect(awaiting.map((a) => a.complaintId)).not.toContain(complaintId);
});

test('marking the same process start twice is harmless; another instance is refused', async () => {
  // given
  const { complaintId } = await register();
  await complaints.markProcessStarted(complaintId, '2251799813685300', at);
  // when
  const again = await complaints.markProcessStarted(complaintId, '2251799813685300', at);
  const other = await complaints.markProcessStarted(complaintId, '2251799813699999', at);
  // then
  expect([again, other]).toEqual([true, false]);
  expect(await complaints.getById(complaintId)).toMatchObject({
    processInstanceKey: '2251799813685300',
    processStartedAt: at,
  });
});
