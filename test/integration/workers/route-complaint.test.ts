import { ComplaintsRepository } from '../../../db/repositories/complaints.repository';
import { routeComplaintWorker } from '../../../workers/route-complaint';
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
  t = await openWorkerDatabase('w_route');
});
afterAll(() => t.close());

const deps = () => testWorkerDeps({ db: t.db, now: () => MONDAY_10AM });

test('a transport complaint goes to the storage & transport department, with its groups', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  // when
  const answer = await handleJob(routeComplaintWorker, deps(), {
    variables: { ...refOf(complaint), category: 'transport', subType: 'damage' },
  });
  // then
  expect(answer).toEqual({
    outcome: 'completed',
    variables: {
      departmentId: 'storage_transport',
      departmentGroup: 'dept-storage-transport',
      teamManagerGroup: 'dept-storage-transport-managers',
      directorGroup: 'dept-storage-transport-head',
    },
  });
  const record = await new ComplaintsRepository(t.db.manager).getById(complaint.complaintId);
  expect(record).toMatchObject({ departmentCode: 'storage_transport', state: 'investigating' });
});

test('a department chosen by hand wins over the routing table', async () => {
  // given the complaint centre routed a quality complaint to sales
  const complaint = await fileComplaint(t.db);
  // when
  const answer = await handleJob(routeComplaintWorker, deps(), {
    variables: { ...refOf(complaint), category: 'quality', subType: 'defect', departmentId: 'sales' },
  });
  // then
  expect(answer).toMatchObject({ variables: { departmentId: 'sales', departmentGroup: 'dept-sales' } });
  const [routed] = await eventsOf(t.db, complaint.complaintId, 'routed');
  expect(routed.data).toMatchObject({ department: 'sales', manual: true });
});

test('a category without a routing rule is the BPMN error NO_ROUTE', async () => {
  // given the logistics rules were retired
  const complaint = await fileComplaint(t.db);
  await t.db.query(`UPDATE routing_rule SET active = false WHERE category = 'logistics'`);
  try {
    // when
    const answer = await handleJob(routeComplaintWorker, deps(), {
      variables: { ...refOf(complaint), category: 'logistics', subType: 'delay' },
    });
    // then the complaint centre routes it by hand
    expect(answer).toEqual({
      outcome: 'bpmn-error',
      errorCode: 'NO_ROUTE',
      errorMessage:
        'no routing rule for category "logistics" / sub-type "delay": add one, or route the complaint by hand',
    });
    expect(await eventsOf(t.db, complaint.complaintId, 'not_routed')).toHaveLength(1);
  } finally {
    await t.db.query(`UPDATE routing_rule SET active = true WHERE category = 'logistics'`);
  }
});

test('a department chosen by hand that does not exist is NO_ROUTE, to be chosen again', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  // when
  const answer = await handleJob(routeComplaintWorker, deps(), {
    variables: { ...refOf(complaint), category: 'quality', departmentId: 'marketing' },
  });
  // then
  expect(answer).toMatchObject({ outcome: 'bpmn-error', errorCode: 'NO_ROUTE' });
});

test('the same job handled twice routes once', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  const job = { variables: { ...refOf(complaint), category: 'service' }, elementInstanceKey: nextKey() };
  const first = await handleJob(routeComplaintWorker, deps(), job);
  // when
  const again = await handleJob(routeComplaintWorker, deps(), { ...job, jobKey: nextKey() });
  // then
  expect(again).toEqual(first);
  expect(await eventsOf(t.db, complaint.complaintId, 'routed')).toHaveLength(1);
});
