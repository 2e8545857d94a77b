import type { LightMyRequestResponse } from 'fastify';
import { type ComplaintIntake, registerComplaint } from '../../../db/intake';
import { KnowledgeRepository } from '../../../db/repositories/knowledge.repository';
import { startComplaintProcess } from '../../../processes/start-complaint-process';
import { startTestApi, type TestApi } from '../../helpers/api';
import { DAMAGED_IN_TRANSIT } from '../../process/support/complaints';
import { staff } from '../../process/support/staff';
import { NotYet, waitUntil } from '../../process/support/wait';

/** A task as `GET /api/tasks` lists it (the fields these tests read). */
interface ListedTask {
  readonly userTaskKey: string;
  readonly elementId: string;
  readonly assignee: string | null;
  readonly complaintNumber: string | null;
  readonly [field: string]: unknown;
}

let api: TestApi;
let agent: string;
let otherAgent: string;
let transportClerk: string;

beforeAll(async () => {
  api = await startTestApi();
  agent = api.tokenFor(staff.agent, ['agent']);
  otherAgent = api.tokenFor(staff.otherAgent, ['agent']);
  transportClerk = api.tokenFor(staff.transportClerk, ['department_staff']);
});
afterAll(() => api.stop());

/** A complaint registered as the intake API does, its process started. */
async function fileComplaint(intake: Partial<ComplaintIntake> = {}): Promise<string> {
  const { complaintId, complaintNumber } = await registerComplaint(
    api.db,
    { ...DAMAGED_IN_TRANSIT, ...intake },
    new Date(),
  );
  await startComplaintProcess(api.t.zeebe, { complaintId, complaintNumber });
  return complaintNumber;
}

async function listTasks(credential: string | null, query = ''): Promise<LightMyRequestResponse> {
  return api.call(credential, { method: 'GET', url: `/api/tasks?limit=100${query}` });
}

/** Waits until `credential` sees the complaint's open task `elementId` in its list. */
async function taskOf(credential: string, complaintNumber: string, elementId: string): Promise<ListedTask> {
  return waitUntil(`${elementId} of complaint ${complaintNumber}`, async () => {
    const items = (await listTasks(credential)).json<{ items: ListedTask[] }>().items;
    const task = items.find(
      (item) => item.complaintNumber === complaintNumber && item.elementId === elementId,
    );
    if (!task) throw new NotYet(`not listed among ${items.length} tasks`);
    return task;
  });
}

const post = (credential: string | null, url: string, payload?: object) =>
  api.call(credential, { method: 'POST', url, ...(payload ? { payload } : {}) });

/** Seafood spoilt in a cold-chain truck: a transport complaint unlike the damaged parcels of the other tests. */
const COLD_CHAIN_SPOILAGE: Partial<ComplaintIntake> = {
  subject: '冷链运输中海鲜变质',
  description: '冷链车温度失控，海鲜到货时已经变质，无法食用。',
};

const GOOD_REVIEW = {
  reviewOutcome: 'valid',
  reviewReason: '货物破损属实，有照片为证',
  preliminaryReply: '您好，您的投诉已受理，我们将尽快调查并答复。',
};

describe('listing tasks', () => {
  test('an agent sees the initial review of a new complaint, with its summary; others do not', async () => {
    // given
    const number = await fileComplaint();
    // when
    const task = await taskOf(agent, number, 'Task_ReviewValidity');
    const asClerk = await listTasks(transportClerk);
    const asIntegrator = await listTasks(api.keys.crm);
    const anonymous = await listTasks(null);
    // then
    expect(task).toMatchObject({
      name: expect.any(String),
      candidateGroups: ['complaint-centre-agents'],
      assignee: null,
      dueDate: expect.any(String),
      priority: expect.any(Number),
      formId: 'review-validity',
      complaint: {
        number,
        subject: DAMAGED_IN_TRANSIT.subject,
        category: 'transport',
        severity: expect.any(Number),
        receivedAt: expect.any(String),
      },
    });
    const clerkSees = asClerk.json<{ items: ListedTask[] }>().items.map((item) => item.complaintNumber);
    expect(clerkSees).not.toContain(number);
    expect([asIntegrator.statusCode, asIntegrator.json().code]).toEqual([403, 'ROLE_REQUIRED']);
    expect(anonymous.statusCode).toBe(401);
  });

  test('pages follow the cursor until every task has been listed once', async () => {
    // given
    const numbers = [await fileComplaint(), await fileComplaint(), await fileComplaint()];
    for (const number of numbers) await taskOf(agent, number, 'Task_ReviewValidity');
    // when
    const seen: ListedTask[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page: LightMyRequestResponse = await api.call(agent, {
        method: 'GET',
        url: `/api/tasks?limit=2${query}`,
      });
      const body = page.json<{ items: ListedTask[]; nextCursor: string | null }>();
      seen.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    // then
    const keys = seen.map((task) => task.userTaskKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(seen.map((task) => task.complaintNumber)).toEqual(expect.arrayContaining(numbers));
  });

  test('a limit above 100 and a cursor not given out are refused', async () => {
    // when
    const tooMany = await api.call(agent, { method: 'GET', url: '/api/tasks?limit=101' });
    const forged = await api.call(agent, { method: 'GET', url: '/api/tasks?cursor=bm90LWEtY3Vyc29y' });
    // then
    expect(tooMany.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({
      status: 400,
      errors: [{ field: 'querystring.cursor', problem: 'is not a cursor this API gave out' }],
    });
  });
});

describe('claiming and giving back', () => {
  test('a task held by one agent cannot be claimed or given back by another, only by its holder or a manager', async () => {
    // given
    const number = await fileComplaint();
    const { userTaskKey } = await taskOf(agent, number, 'Task_ReviewValidity');
    // when
    const claimed = await post(agent, `/api/tasks/${userTaskKey}/claim`);
    const claimedAgain = await post(agent, `/api/tasks/${userTaskKey}/claim`);
    const stolen = await post(otherAgent, `/api/tasks/${userTaskKey}/claim`);
    const releasedByOther = await post(otherAgent, `/api/tasks/${userTaskKey}/unclaim`);
    const mine = (await listTasks(agent, '&assigned=me')).json<{ items: ListedTask[] }>().items;
    const free = (await listTasks(otherAgent, '&assigned=unassigned')).json<{ items: ListedTask[] }>().items;
    const releasedByAdministrator = await post(api.keys.admin, `/api/tasks/${userTaskKey}/unclaim`);
    const claimedByOther = await post(otherAgent, `/api/tasks/${userTaskKey}/claim`);
    const releasedByHolder = await post(otherAgent, `/api/tasks/${userTaskKey}/unclaim`);
    // then
    expect([claimed.statusCode, claimedAgain.statusCode]).toEqual([204, 204]);
    expect([stolen.statusCode, stolen.json().code]).toEqual([409, 'TASK_CLAIMED']);
    expect([releasedByOther.statusCode, releasedByOther.json().code]).toEqual([403, 'TASK_HELD_BY_OTHER']);
    expect(mine.find((task) => task.userTaskKey === userTaskKey)).toMatchObject({ assignee: staff.agent });
    expect(free.map((task) => task.userTaskKey)).not.toContain(userTaskKey);
    expect(releasedByAdministrator.statusCode).toBe(204);
    expect([claimedByOther.statusCode, releasedByHolder.statusCode]).toEqual([204, 204]);
    expect((await taskOf(agent, number, 'Task_ReviewValidity')).assignee).toBeNull();
  });

  test('a task of other groups is forbidden, an unknown one is not found', async () => {
    // given
    const number = await fileComplaint();
    const { userTaskKey } = await taskOf(agent, number, 'Task_ReviewValidity');
    // when
    const read = await api.call(transportClerk, { method: 'GET', url: `/api/tasks/${userTaskKey}` });
    const claim = await post(transportClerk, `/api/tasks/${userTaskKey}/claim`);
    const unknown = await api.call(agent, { method: 'GET', url: '/api/tasks/2251799813999999' });
    // then
    expect([read.statusCode, read.json().code]).toEqual([403, 'TASK_NOT_FOR_YOU']);
    expect(claim.statusCode).toBe(403);
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'TASK_NOT_FOUND']);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('completing a task', () => {
  test('the form is checked field by field; a good review moves the complaint on to its department', async () => {
    // given
    const number = await fileComplaint();
    const { userTaskKey } = await taskOf(agent, number, 'Task_ReviewValidity');
    const url = `/api/tasks/${userTaskKey}/completion`;
    // when
    const unclaimed = await post(agent, url, { variables: GOOD_REVIEW });
    await post(agent, `/api/tasks/${userTaskKey}/claim`);
    const bad = await post(agent, url, {
      variables: { reviewOutcome: 'perhaps', reviewReason: 'ok', approvedBy: 'me' },
    });
    const good = await post(agent, url, { variables: GOOD_REVIEW });
    // then
    expect([unclaimed.statusCode, unclaimed.json().code]).toEqual([409, 'TASK_NOT_CLAIMED']);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { field: 'body.variables.approvedBy', problem: 'is not a field of the form review-validity' },
        { field: 'body.variables.reviewOutcome', problem: 'must be one of: valid, invalid, malicious' },
        { field: 'body.variables.reviewReason', problem: 'must be at least 5 characters long' },
      ],
    });
    expect(good.statusCode).toBe(204);
    const investigation = await taskOf(transportClerk, number, 'Task_Investigate');
    expect(investigation).toMatchObject({
      candidateGroups: ['dept-storage-transport'],
      formId: 'investigate-complaint',
    });
    const agentSees = (await listTasks(agent)).json<{ items: ListedTask[] }>().items;
    expect(agentSees.map((task) => task.userTaskKey)).not.toContain(userTaskKey);
  });

  test('a body with anything but variables is refused before the form is read', async () => {
    // given
    const number = await fileComplaint();
    const { userTaskKey } = await taskOf(agent, number, 'Task_ReviewValidity');
    // when
    const answer = await post(agent, `/api/tasks/${userTaskKey}/completion`, { variables: {}, extra: 1 });
    // then
    expect(answer.json()).toMatchObject({
      status: 400,
      errors: [{ field: 'body.extra', problem: 'is not allowed' }],
    });
  });
});

describe('reading a task', () => {
  test('beside the task: its form, the complaint, similar past complaints and matching articles', async () => {
    // given
    await new KnowledgeRepository(api.db.manager).addArticle({
      title: '冷链运输货物变质的处理',
      body: '冷链车温度异常导致货物变质时，先调取温度记录和签收照片，再按货值赔偿。',
      tags: ['变质', '冷链'],
      category: 'transport',
      at: new Date(),
    });
    const earlier = await fileComplaint(COLD_CHAIN_SPOILAGE);
    await taskOf(agent, earlier, 'Task_ReviewValidity');
    const number = await fileComplaint({
      ...COLD_CHAIN_SPOILAGE,
      subject: '冷链运输海鲜到货变质',
      description: '冷链车温度没控制好，海鲜到货时已经变质发臭，要求赔偿。',
    });
    const { userTaskKey } = await taskOf(agent, number, 'Task_ReviewValidity');
    // when
    const answer = await api.call(agent, { method: 'GET', url: `/api/tasks/${userTaskKey}` });
    // then
    expect(answer.statusCode).toBe(200);
    const details = answer.json();
    expect(details.task).toMatchObject({
      userTaskKey,
      elementId: 'Task_ReviewValidity',
      complaintNumber: number,
    });
    expect(details.form).toMatchObject({ id: 'review-validity', components: expect.any(Array) });
    expect(details.complaint).toMatchObject({
      number,
      description: '冷链车温度没控制好，海鲜到货时已经变质发臭，要求赔偿。',
      contactDetailsMasked: false,
      complainant: { name: '张三', phone: '13812345678', email: 'zhang.san@example.com' },
    });
    expect(details.similarComplaints).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ number: earlier, category: 'transport', similarity: expect.any(Number) }),
      ]),
    );
    expect(details.similarComplaints.map((similar: { number: string }) => similar.number)).not.toContain(
      number,
    );
    expect(details.knowledgeArticles).toEqual([
      expect.objectContaining({
        title: '冷链运输货物变质的处理',
        tags: ['变质', '冷链'],
        score: expect.any(Number),
      }),
    ]);
  });

  test('department staff see the complainant masked, agents in full', async () => {
    // given
    const number = await fileComplaint();
    const review = await taskOf(agent, number, 'Task_ReviewValidity');
    await post(agent, `/api/tasks/${review.userTaskKey}/claim`);
    await post(agent, `/api/tasks/${review.userTaskKey}/completion`, { variables: GOOD_REVIEW });
    const { userTaskKey } = await taskOf(transportClerk, number, 'Task_Investigate');
    // when
    const asClerk = await api.call(transportClerk, { method: 'GET', url: `/api/tasks/${userTaskKey}` });
    const asAdministrator = await api.call(api.keys.admin, {
      method: 'GET',
      url: `/api/tasks/${userTaskKey}`,
    });
    // then
    expect(asClerk.json().complaint).toMatchObject({
      contactDetailsMasked: true,
      complainant: { name: '张*', phone: '138****5678', email: 'z***n@example.com' },
    });
    expect(asAdministrator.json().complaint).toMatchObject({
      contactDetailsMasked: false,
      complainant: { name: '张三', phone: '13812345678' },
    });
  });
});

describe('the API document', () => {
  test('lists every task route under the tag tasks', async () => {
    // when
    const document = (await api.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { tags?: string[] }>>;
    }>();
    // then
    const taskRoutes = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/tasks'))
      .flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => [`${method} ${path}`, operation.tags]),
      );
    expect(Object.fromEntries(taskRoutes)).toEqual({
      'get /api/tasks': ['tasks'],
      'get /api/tasks/{userTaskKey}': ['tasks'],
      'post /api/tasks/{userTaskKey}/claim': ['tasks'],
      'post /api/tasks/{userTaskKey}/unclaim': ['tasks'],
      'post /api/tasks/{userTaskKey}/completion': ['tasks'],
    });
  });
});
