import { Zeebe } from '@camunda8/sdk';
import pg from 'pg';
import { idempotencyLockKey } from '../../../db/intake';
import { ComplaintsRepository } from '../../../db/repositories/complaints.repository';
import { ForegroundGate } from '../../../lib/foreground-gate';
import { ProcessStarter } from '../../../server/complaints/process-starter';
import { startTestApi, type TestApi } from '../../helpers/api';
import { clientConfig } from '../../helpers/engine';
import { freePort } from '../../helpers/ports';
import { forms } from '../../process/support/journey';
import {
  DAMAGED_GOODS,
  eventually,
  fileComplaint,
  multipart,
  newKey,
  problemOf,
  waitForStep,
} from './support';

// POST /api/complaints and what follows it: the answer carries the number; the process starts and
// its open steps show on GET; the customer's answer, evidence and withdrawal go to the process.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
}, 60_000);
afterAll(() => api.stop());

test('a complaint is registered with its number, state and links, and its handling starts', async () => {
  // when
  const response = await api.call(api.keys.crm, {
    method: 'POST',
    url: '/api/complaints',
    headers: { 'idempotency-key': newKey() },
    payload: DAMAGED_GOODS,
  });
  // then
  expect(response.statusCode).toBe(201);
  const body = response.json();
  expect(body).toMatchObject({ state: 'registered', process: 'queued' });
  expect(body.number).toMatch(/^\d{4}\d{4}$/);
  expect(response.headers.location).toBe(`/api/complaints/${body.number}`);
  expect(body.links).toEqual({
    self: `/api/complaints/${body.number}`,
    responses: `/api/complaints/${body.number}/responses`,
    evidence: `/api/complaints/${body.number}/evidence`,
  });
  // and the process reaches the initial review, due one working day later
  const detail = await waitForStep(api, api.keys.crm, body.number, 'Task_ReviewValidity');
  expect(detail).toMatchObject({ number: body.number, category: 'transport', process: 'started' });
  expect(detail.currentSteps[0]).toMatchObject({
    candidateGroups: ['complaint-centre-agents'],
    assigned: false,
  });
  expect((detail as unknown as { timeline: Array<{ type: string }> }).timeline.map((e) => e.type)).toContain(
    'classified',
  );
});

test('the same Idempotency-Key and body replay the first answer; no second complaint is made', async () => {
  // given
  const key = newKey();
  const first = await api.call(api.keys.crm, {
    method: 'POST',
    url: '/api/complaints',
    headers: { 'idempotency-key': key },
    payload: DAMAGED_GOODS,
  });
  // when the integrator retries (fields in another order)
  const { complainant, ...rest } = DAMAGED_GOODS;
  const again = await api.call(api.keys.crm, {
    method: 'POST',
    url: '/api/complaints',
    headers: { 'idempotency-key': key },
    payload: { complainant, ...rest },
  });
  // then
  expect(again.statusCode).toBe(201);
  expect(again.headers['idempotency-replayed']).toBe('true');
  expect(again.json().number).toBe(first.json().number);
  const [{ count }] = await api.db.query(
    `SELECT count(*)::int AS count FROM idempotency_record WHERE key = $1`,
    [key],
  );
  expect(count).toBe(1);
});

test('the same Idempotency-Key with another body is 422; a key still in flight is 409', async () => {
  // given
  const key = newKey();
  await api.call(api.keys.crm, {
    method: 'POST',
    url: '/api/complaints',
    headers: { 'idempotency-key': key },
    payload: DAMAGED_GOODS,
  });
  // when
  const other = await api.call(api.keys.crm, {
    method: 'POST',
    url: '/api/complaints',
    headers: { 'idempotency-key': key },
    payload: { ...DAMAGED_GOODS, lossAmount: 9000 },
  });
  // then
  expect(other.statusCode).toBe(422);
  expect(problemOf(other).code).toBe('IDEMPOTENCY_KEY_REUSED');

  // given a request with this key that is being registered (it holds the key's lock until it commits)
  const inFlight = newKey();
  const owner = `key:${/^ck_(\w{8})_/.exec(api.keys.crm)?.[1]}`;
  const request = {
    method: 'POST' as const,
    url: '/api/complaints',
    headers: { 'idempotency-key': inFlight },
    payload: DAMAGED_GOODS,
  };
  const registering = await api.db.createQueryRunner();
  await registering.startTransaction();
  try {
    await registering.query('SELECT pg_advisory_xact_lock($1::bigint)', [
      idempotencyLockKey(owner, inFlight),
    ]);
    // when
    const busy = await api.call(api.keys.crm, request);
    // then
    expect(busy.statusCode).toBe(409);
    expect(problemOf(busy).code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
  } finally {
    await registering.rollbackTransaction();
    await registering.release();
  }
  // and once that request has failed, the key is free again: nothing was left behind
  const retried = await api.call(api.keys.crm, request);
  expect(retried.statusCode).toBe(201);
  expect(retried.headers['idempotency-replayed']).toBeUndefined();
});

test('two requests racing with one key make one complaint: the other is replayed or told it is in flight', async () => {
  // given
  const key = newKey();
  const post = () =>
    api.call(api.keys.crm, {
      method: 'POST',
      url: '/api/complaints',
      headers: { 'idempotency-key': key },
      payload: DAMAGED_GOODS,
    });
  // when
  const answers = await Promise.all([post(), post(), post(), post()]);
  // then
  const created = answers.filter((a) => a.statusCode === 201 && !a.headers['idempotency-replayed']);
  expect(created).toHaveLength(1);
  for (const other of answers.filter((a) => a !== created[0])) {
    if (other.statusCode === 201) expect(other.json().number).toBe(created[0].json().number);
    else expect(problemOf(other).code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
  }
  const [{ count }] = await api.db.query(`SELECT count(*)::int AS count FROM complaint WHERE number = $1`, [
    created[0].json().number,
  ]);
  expect(count).toBe(1);
});

test('a complaint without an Idempotency-Key is refused', async () => {
  const response = await api.call(api.keys.crm, {
    method: 'POST',
    url: '/api/complaints',
    payload: DAMAGED_GOODS,
  });
  expect(response.statusCode).toBe(400);
  expect(problemOf(response).errors).toContainEqual({
    field: 'headers.idempotency-key',
    problem: 'is required',
  });
});

test('every bad field of a complaint is named; unknown fields and state are refused, not dropped', async () => {
  // when
  const response = await api.call(api.keys.crm, {
    method: 'POST',
    url: '/api/complaints',
    headers: { 'idempotency-key': newKey() },
    payload: {
      ...DAMAGED_GOODS,
      channel: 'pigeon',
      lossAmount: 'lots',
      state: 'closed',
      complainant: { phone: 'x' },
    },
  });
  // then
  expect(response.statusCode).toBe(400);
  const fields = problemOf(response).errors?.map((e) => e.field) ?? [];
  expect(fields).toEqual(
    expect.arrayContaining([
      'body.state',
      'body.channel',
      'body.lossAmount',
      'body.complainant.name',
      'body.complainant.phone',
    ]),
  );
});

test('a body over 1 MiB is 413, malformed JSON is 400', async () => {
  const huge = await api.call(api.keys.crm, {
    method: 'POST',
    url: '/api/complaints',
    headers: { 'idempotency-key': newKey() },
    payload: { ...DAMAGED_GOODS, description: 'x'.repeat(1024 * 1024 + 10) },
  });
  expect(huge.statusCode).toBe(413);
  const broken = await api.call(api.keys.crm, {
    method: 'POST',
    url: '/api/complaints',
    headers: { 'idempotency-key': newKey(), 'content-type': 'application/json' },
    payload: '{"channel": "web",',
  });
  expect(broken.statusCode).toBe(400);
  expect(problemOf(broken).code).toBe('FST_ERR_CTP_INVALID_JSON_BODY');
});

test('an unknown complaint number is 404, a malformed one 400', async () => {
  expect((await api.call(api.keys.crm, { method: 'GET', url: '/api/complaints/99990001' })).statusCode).toBe(
    404,
  );
  const bad = await api.call(api.keys.crm, { method: 'GET', url: '/api/complaints/abc' });
  expect(bad.statusCode).toBe(400);
});

test('complaints are listed newest first, filtered, and paged with a cursor', async () => {
  // given three complaints of the web shop, one of them by phone
  const numbers = [
    await fileComplaint(api, api.keys.shop),
    await fileComplaint(api, api.keys.shop, { ...DAMAGED_GOODS, channel: 'phone' }),
    await fileComplaint(api, api.keys.shop),
  ];
  // when paging two by two
  const first = await api.call(api.keys.shop, { method: 'GET', url: '/api/complaints?limit=2' });
  const second = await api.call(api.keys.shop, {
    method: 'GET',
    url: `/api/complaints?limit=2&cursor=${first.json().nextCursor}`,
  });
  // then
  expect(first.json().items.map((c: { number: string }) => c.number)).toEqual([numbers[2], numbers[1]]);
  expect(second.json().items.map((c: { number: string }) => c.number)).toEqual([numbers[0]]);
  expect(second.json().nextCursor).toBeNull();
  const byPhone = await api.call(api.keys.shop, { method: 'GET', url: '/api/complaints?channel=phone' });
  expect(byPhone.json().items.map((c: { number: string }) => c.number)).toEqual([numbers[1]]);
  const oldestFirst = await api.call(api.keys.shop, {
    method: 'GET',
    url: '/api/complaints?sort=receivedAt&limit=1',
  });
  expect(oldestFirst.json().items[0].number).toBe(numbers[0]);
  // and bad filters are named
  const bad = await api.call(api.keys.shop, {
    method: 'GET',
    url: '/api/complaints?limit=1000&colour=red&cursor=zzz',
  });
  expect(bad.statusCode).toBe(400);
  expect(problemOf(bad).errors?.map((e) => e.field)).toEqual(
    expect.arrayContaining(['querystring.limit', 'querystring.colour']),
  );
});

test('evidence is uploaded as multipart, stored with its hash, and handed to the process', async () => {
  // given a complaint under review
  const number = await fileComplaint(api, api.keys.crm);
  await waitForStep(api, api.keys.crm, number, 'Task_ReviewValidity');
  // when
  const photo = Buffer.from('\xff\xd8\xff\xe0 a photo of the damaged box', 'latin1');
  const response = await api.call(api.keys.crm, {
    method: 'POST',
    url: `/api/complaints/${number}/evidence`,
    ...multipart([{ filename: 'box.jpg', contentType: 'image/jpeg', content: photo }]),
  });
  // then
  expect(response.statusCode).toBe(201);
  expect(response.json().evidence).toEqual([
    expect.objectContaining({ filename: 'box.jpg', contentType: 'image/jpeg', sizeBytes: photo.length }),
  ]);
  const detail = await eventually('the evidence to be attached', async () => {
    const body = (await api.call(api.keys.crm, { method: 'GET', url: `/api/complaints/${number}` })).json();
    return body.timeline.some((e: { type: string }) => e.type === 'evidence_attached') ? body : undefined;
  });
  expect(detail.evidence).toHaveLength(1);
});

test('evidence of a type not accepted is 400, over the size limit 413', async () => {
  const number = await fileComplaint(api, api.keys.crm);
  const script = await api.call(api.keys.crm, {
    method: 'POST',
    url: `/api/complaints/${number}/evidence`,
    ...multipart([{ filename: 'run.sh', contentType: 'application/x-sh', content: Buffer.from('rm -rf /') }]),
  });
  expect(script.statusCode).toBe(400);
  expect(problemOf(script).detail).toContain('application/x-sh');
  const huge = await api.call(api.keys.crm, {
    method: 'POST',
    url: `/api/complaints/${number}/evidence`,
    ...multipart([
      { filename: 'big.pdf', contentType: 'application/pdf', content: Buffer.alloc(1024 * 1024 + 1) },
    ]),
  });
  expect(huge.statusCode).toBe(413);
  expect(problemOf(huge).code).toBe('EVIDENCE_TOO_LARGE');
});

test('a response is only taken while the result awaits the customer', async () => {
  const number = await fileComplaint(api, api.keys.crm);
  const response = await api.call(api.keys.crm, {
    method: 'POST',
    url: `/api/complaints/${number}/responses`,
    payload: { response: 'accept' },
  });
  expect(response.statusCode).toBe(409);
  expect(problemOf(response).code).toBe('NOT_AWAITING_RESPONSE');
  const bad = await api.call(api.keys.crm, {
    method: 'POST',
    url: `/api/complaints/${number}/responses`,
    payload: { response: 'maybe' },
  });
  expect(bad.statusCode).toBe(400);
});

test('a withdrawn complaint ends as withdrawn; withdrawing it again is 409', async () => {
  // given
  const number = await fileComplaint(api, api.keys.crm);
  await waitForStep(api, api.keys.crm, number, 'Task_ReviewValidity');
  // when
  const response = await api.call(api.keys.crm, {
    method: 'POST',
    url: `/api/complaints/${number}/withdrawal`,
    payload: { reason: '已与快递公司协商解决' },
  });
  // then
  expect(response.statusCode).toBe(202);
  await eventually('the complaint to be withdrawn', async () => {
    const complaint = await new ComplaintsRepository(api.db.manager).findByNumber(number);
    return complaint?.state === 'withdrawn' ? complaint : undefined;
  });
  const again = await api.call(api.keys.crm, {
    method: 'POST',
    url: `/api/complaints/${number}/withdrawal`,
    payload: {},
  });
  expect(again.statusCode).toBe(409);
  expect(problemOf(again).code).toBe('COMPLAINT_FINISHED');
});

test('with the engine unreachable the complaint is kept and queued, and its process starts once it is back', async () => {
  // given the process starter talking to an engine that does not answer
  await api.starter?.stop();
  const port = await freePort();
  const deadEngine = new Zeebe.ZeebeGrpcClient({
    config: clientConfig({
      grpcAddress: `grpc://127.0.0.1:${port}`,
      restAddress: `http://127.0.0.1:${port}`,
    }),
  });
  const starterFor = (zeebe: typeof api.t.zeebe) =>
    new ProcessStarter({
      db: api.db,
      databaseUrl: api.t.db.url,
      zeebe,
      log: api.deps.log,
      now: () => new Date(),
      intervalMs: 60_000,
    });
  const unreachable = starterFor(deadEngine);
  await unreachable.start();
  let starter: ProcessStarter | undefined;
  try {
    // when a complaint comes in
    const response = await api.call(api.keys.crm, {
      method: 'POST',
      url: '/api/complaints',
      headers: { 'idempotency-key': newKey() },
      payload: DAMAGED_GOODS,
    });
    // then it is registered, and the answer says its handling is queued
    expect(response.statusCode).toBe(201);
    const { number, process } = response.json();
    expect(process).toBe('queued');
    expect(await unreachable.runOnce({ graceMs: 0 })).toBe(0);
    const queued = await api.call(api.keys.crm, { method: 'GET', url: `/api/complaints/${number}` });
    expect(queued.json()).toMatchObject({ number, process: 'queued', currentSteps: [] });
    await unreachable.stop();

    // and when a starter runs with the engine back, the process starts, once
    starter = starterFor(api.t.zeebe);
    await starter.start();
    await waitForStep(api, api.keys.crm, number, 'Task_ReviewValidity');
    await starter.runOnce({ graceMs: 0 });
    const instances = await api.t.rest.searchProcessInstances({
      filter: { processDefinitionId: 'complaint-handling' },
      page: { from: 0, limit: 1000 },
    } as never);
    const complaint = await new ComplaintsRepository(api.db.manager).findByNumber(number);
    expect(complaint?.processInstanceKey).toBeTruthy();
    expect(
      instances.items.filter(
        (i: { processInstanceKey: string }) => i.processInstanceKey === complaint?.processInstanceKey,
      ),
    ).toHaveLength(1);
    const events = await api.db.query(
      `SELECT count(*)::int AS n FROM complaint_event WHERE complaint_id = $1 AND type = 'process_started'`,
      [complaint?.id],
    );
    expect(events[0].n).toBe(1);
  } finally {
    await unreachable.stop();
    await starter?.stop();
    await deadEngine.close();
    await api.starter?.start();
  }
});

test("while the HTTP server is busy, the starter holds a complaint's start, and starts it once the server is quiet", async () => {
  // given the starter told that the HTTP server is busy
  await api.starter?.stop();
  const gate = new ForegroundGate(30_000);
  gate.setBusy(true);
  const starter = new ProcessStarter({
    db: api.db,
    databaseUrl: api.t.db.url,
    zeebe: api.t.zeebe,
    log: api.deps.log,
    now: () => new Date(),
    intervalMs: 60_000,
    gate,
  });
  await starter.start();
  try {
    // when a complaint comes in
    const number = await fileComplaint(api, api.keys.crm);
    // then it is registered, and its process waits
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const held = await api.call(api.keys.crm, { method: 'GET', url: `/api/complaints/${number}` });
    expect(held.json()).toMatchObject({ number, process: 'queued', currentSteps: [] });
    // when the server is quiet again
    gate.setBusy(false);
    // then its process starts
    await waitForStep(api, api.keys.crm, number, 'Task_ReviewValidity');
  } finally {
    gate.close();
    await starter.stop();
    await api.starter?.start();
  }
});

test('when the connection the starter listens on is lost, it reconnects and starts what it missed', async () => {
  // given the starter's listening connection cut by the database
  const [cut] = await api.db.query(
    `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND query = 'LISTEN complaint_registered'`,
  );
  expect(cut.n).toBe(1);
  // when a complaint comes in before it listens again (its announcement reaches nobody)
  const number = await fileComplaint(api, api.keys.crm);
  // then its process starts all the same
  const detail = await waitForStep(api, api.keys.crm, number, 'Task_ReviewValidity');
  expect(detail).toMatchObject({ number, process: 'started' });
});

test('while the database refuses connections, the starter keeps trying to listen again', async () => {
  // given a database that takes no new connections, and the starter's listening connection cut
  const warn = jest.spyOn(api.deps.log, 'warn');
  const [{ name }] = await api.db.query('SELECT current_database() AS name');
  const admin = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  await admin.connect();
  const allowConnections = (allow: boolean) =>
    admin.query(`ALTER DATABASE ${pg.escapeIdentifier(name)} WITH ALLOW_CONNECTIONS ${allow}`);
  await allowConnections(false);
  try {
    await api.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query = 'LISTEN complaint_registered'`,
    );
    // when its first attempt to listen again has failed
    await eventually('a failed attempt to listen again', async () =>
      warn.mock.calls.some(([, message]) => message === 'process start: could not listen again; retrying')
        ? true
        : undefined,
    );
  } finally {
    await allowConnections(true);
    await admin.end();
    warn.mockRestore();
  }
  // then a later attempt succeeds, and complaints filed now start
  const number = await fileComplaint(api, api.keys.crm);
  const detail = await waitForStep(api, api.keys.crm, number, 'Task_ReviewValidity');
  expect(detail).toMatchObject({ number, process: 'started' });
});

/** Completes the complaint's open `elementId` task with these variables, as the inbox would. */
async function completeStep(
  number: string,
  elementId: string,
  variables: Record<string, unknown>,
): Promise<void> {
  const complaint = await new ComplaintsRepository(api.db.manager).findByNumber(number);
  const task = await eventually(`${elementId} of ${number}`, async () => {
    const found = await api.t.rest.searchUserTasks({
      filter: { processInstanceKey: complaint?.processInstanceKey, elementId, state: 'CREATED' },
    } as never);
    return found.items[0];
  });
  await api.t.rest.assignUserTask({
    userTaskKey: task.userTaskKey,
    assignee: 'demo.storage_transport.manager',
    allowOverride: true,
  });
  await api.t.rest.completeUserTask({ userTaskKey: task.userTaskKey, variables: variables as never });
}

test("the customer's appeal of the result goes to the complaint centre's appeal review", async () => {
  // given a complaint whose result (a refund of CNY 800) was sent
  const number = await fileComplaint(api, api.keys.crm);
  await waitForStep(api, api.keys.crm, number, 'Task_ReviewValidity');
  await completeStep(number, 'Task_ReviewValidity', forms.valid);
  await completeStep(number, 'Task_Investigate', forms.companyAtFault);
  await completeStep(number, 'Task_ProposeResolution', forms.refund(800, new Date()));
  await completeStep(number, 'Task_ApproveResolution', forms.approve);
  await completeStep(number, 'Task_CarryOutResolution', forms.carriedOut(new Date()));
  await eventually('the result to await the customer', async () => {
    const complaint = await new ComplaintsRepository(api.db.manager).findByNumber(number);
    return complaint?.state === 'awaiting_customer' ? complaint : undefined;
  });
  // when the customer appeals through the integrator
  const response = await api.call(api.keys.crm, {
    method: 'POST',
    url: `/api/complaints/${number}/responses`,
    payload: { response: 'appeal', appealReason: '退款不足以弥补损失' },
  });
  // then
  expect(response.statusCode).toBe(202);
  const detail = await waitForStep(api, api.keys.crm, number, 'Task_ReviewAppeal');
  expect(detail).toMatchObject({ state: 'appeal_review' });
  // and a second response is refused
  const again = await api.call(api.keys.crm, {
    method: 'POST',
    url: `/api/complaints/${number}/responses`,
    payload: { response: 'accept' },
  });
  expect(again.statusCode).toBe(409);
});
