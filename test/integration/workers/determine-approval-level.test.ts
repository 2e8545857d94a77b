import { determineApprovalLevelWorker } from '../../../workers/determine-approval-level';
import { handleJob, nextKey, testWorkerDeps } from '../../helpers/job-context';
import {
  eventsOf,
  fileComplaint,
  MONDAY_10AM,
  openWorkerDatabase,
  refOf,
  type WorkerDatabase,
} from './support';

let t: WorkerDatabase;
beforeAll(async () => {
  t = await openWorkerDatabase('w_approval');
});
afterAll(() => t.close());

const deps = () => testWorkerDeps({ db: t.db, now: () => MONDAY_10AM });
const qualityGroups = { teamManagerGroup: 'dept-quality-managers', directorGroup: 'dept-quality-head' };

async function approvalFor(variables: Record<string, unknown>) {
  const complaint = await fileComplaint(t.db);
  return handleJob(determineApprovalLevelWorker, deps(), {
    variables: {
      ...refOf(complaint),
      severity: 2,
      responsibility: 'company',
      ...qualityGroups,
      ...variables,
    },
  });
}

test("up to CNY 1,000 the department's team manager approves", async () => {
  // when
  const answer = await approvalFor({ remedyAmount: 1000 });
  // then
  expect(answer).toEqual({
    outcome: 'completed',
    variables: {
      approvalLevel: 'team_manager',
      approverGroup: 'dept-quality-managers',
      reportToLeadership: false,
    },
  });
});

test("up to CNY 10,000 the department's head approves", async () => {
  // when
  const answer = await approvalFor({ remedyAmount: 3600.5 });
  // then
  expect(answer).toMatchObject({
    variables: { approvalLevel: 'department_head', approverGroup: 'dept-quality-head' },
  });
});

test('above CNY 50,000 leadership approves, and the internal problem is reported to it', async () => {
  // when
  const answer = await approvalFor({ remedyAmount: 68000 });
  // then
  expect(answer).toMatchObject({
    variables: { approvalLevel: 'leadership', approverGroup: 'company-leadership', reportToLeadership: true },
  });
});

test('a severe loss the company caused is reported to leadership whatever the amount', async () => {
  // when
  const answer = await approvalFor({ remedyAmount: 500, severity: 3 });
  // then
  expect(answer).toMatchObject({ variables: { approvalLevel: 'team_manager', reportToLeadership: true } });
});

test("the customer's own fault is never reported to leadership", async () => {
  // when
  const answer = await approvalFor({ remedyAmount: 500, severity: 3, responsibility: 'customer' });
  // then
  expect(answer).toMatchObject({ variables: { reportToLeadership: false } });
});

test('the same job handled twice records one determination', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  const job = {
    variables: {
      ...refOf(complaint),
      remedyAmount: 200,
      severity: 1,
      responsibility: 'shared',
      ...qualityGroups,
    },
    elementInstanceKey: nextKey(),
  };
  const first = await handleJob(determineApprovalLevelWorker, deps(), job);
  // when
  const again = await handleJob(determineApprovalLevelWorker, deps(), { ...job, jobKey: nextKey() });
  // then
  expect(again).toEqual(first);
  expect(await eventsOf(t.db, complaint.complaintId, 'approval_level_determined')).toHaveLength(1);
});

test('a negative amount is an incident naming the variable', async () => {
  // when
  const answer = await approvalFor({ remedyAmount: -5 });
  // then
  expect(answer).toMatchObject({
    outcome: 'failed',
    retries: 0,
    errorMessage: expect.stringContaining('variable /remedyAmount'),
  });
});
