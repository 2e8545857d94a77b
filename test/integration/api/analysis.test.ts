import { registerComplaint } from '../../../db/intake';
import { actors, ComplaintEventsRepository } from '../../../db/repositories/complaint-events.repository';
import {
  type ClosingMetrics,
  ComplaintMetricsRepository,
  type DeadlineOutcome,
  type StepTime,
} from '../../../db/repositories/complaint-metrics.repository';
import type { Deadline } from '../../../domain/vocabulary';
import { startTestApi, type TestApi } from '../../helpers/api';
import { aComplaint } from '../db/complaint-intake.fixture';

const HOUR = 3_600_000;

let api: TestApi;
let manager: string;
beforeAll(async () => {
  api = await startTestApi({ workers: false });
  manager = api.tokenFor('demo.centre.manager', ['manager']);
});
afterAll(async () => {
  await api?.stop();
});

interface Seeded {
  readonly received: string;
  readonly category?: string | null;
  readonly subType?: string | null;
  readonly department?: string | null;
  readonly severity?: number | null;
  readonly channel?: 'web' | 'phone' | 'email' | 'wechat';
  readonly subject?: string;
  readonly state?: string;
}

/** A complaint received at `received` (UTC), then classified and moved on as given. */
async function seedComplaint(c: Seeded): Promise<{ id: string; number: string }> {
  const { complaintId, complaintNumber } = await registerComplaint(
    api.db,
    aComplaint({ channel: c.channel ?? 'web', subject: c.subject ?? '收到的轴承有裂纹', evidence: [] }),
    new Date(c.received),
  );
  await api.db.query(
    `UPDATE complaint SET category = $2, sub_type = $3, department_code = $4, severity = $5, state = $6
     WHERE id = $1`,
    [
      complaintId,
      c.category ?? null,
      c.subType ?? null,
      c.department ?? null,
      c.severity ?? null,
      c.state ?? 'investigating',
    ],
  );
  return { id: complaintId, number: complaintNumber };
}

interface Closing {
  readonly closed: string;
  readonly hours: number;
  readonly businessHours: number;
  readonly satisfaction: number | null;
  readonly resolved: boolean | null;
  readonly deadlines?: ReadonlyArray<[Deadline, number]>; // escalations; 0 = met
  readonly steps?: ReadonlyArray<[string, number]>; // working hours
  /** Remedy events in the order they happened: [event type, remedy]. */
  readonly remedies?: ReadonlyArray<['resolution_proposed' | 'appeal_decided', string | null]>;
  readonly outcome?: 'closed' | 'invalid';
}

/** A complaint archived at `closed` with the closing metrics and remedy history given. */
async function seedClosed(c: Closing): Promise<void> {
  const { id } = await seedComplaint({ received: '2026-06-01T02:00:00Z', state: c.outcome ?? 'closed' });
  const events = new ComplaintEventsRepository(api.db.manager);
  for (const [i, [type, remedy]] of (c.remedies ?? []).entries()) {
    const data =
      type === 'appeal_decided' ? { decision: 'upheld', finalRemedy: remedy } : { remedy, remedyAmount: 100 };
    await events.recordEvent({
      complaintId: id,
      type,
      actor: actors.staff('demo.centre.manager'),
      occurredAt: new Date(Date.parse('2026-06-02T02:00:00Z') + i * HOUR),
      data,
    });
  }
  const deadlines = (c.deadlines ?? []).map(([deadline, escalations]): DeadlineOutcome => ({
    deadline,
    dueAt: '2026-06-03T10:00:00.000Z',
    breached: escalations > 0,
    escalations,
  }));
  const steps = (c.steps ?? []).map(([step, hours]): StepTime => ({
    step,
    endedAt: c.closed,
    durationMs: hours * HOUR,
    businessMs: hours * HOUR,
  }));
  const metrics: ClosingMetrics = {
    complaintId: id,
    outcome: c.outcome ?? 'closed',
    receivedAt: new Date('2026-06-01T02:00:00Z'),
    closedAt: new Date(c.closed),
    handlingMs: c.hours * HOUR,
    businessHandlingMs: c.businessHours * HOUR,
    steps,
    deadlines,
    deadlinesMet: deadlines.filter((d) => !d.breached).length,
    deadlinesBreached: deadlines.filter((d) => d.breached).length,
    resolved: c.resolved,
    satisfaction: c.satisfaction,
  };
  await new ComplaintMetricsRepository(api.db.manager).recordClosingMetrics(metrics);
}

const get = (credential: string | null, url: string) => api.call(credential, { method: 'GET', url });

describe('counts of complaints received', () => {
  beforeAll(async () => {
    // given complaints received around March and April 2026, in Shanghai time
    const quality = { category: 'quality', subType: 'defect', department: 'quality_management' };
    await seedComplaint({ received: '2026-02-28T15:00:00Z', ...quality, severity: 2 }); // 28 Feb 23:00: before
    await seedComplaint({ received: '2026-02-28T16:30:00Z', ...quality, severity: 2 }); // 1 Mar 00:30, a Sunday
    await seedComplaint({ received: '2026-03-10T02:00:00Z', ...quality, severity: 3, channel: 'phone' });
    await seedComplaint({
      received: '2026-03-31T17:00:00Z', // 1 April 01:00
      category: 'service',
      subType: 'attitude',
      department: 'customer_service',
      severity: 1,
    });
    await seedComplaint({ received: '2026-04-15T02:00:00Z', channel: 'email' }); // not classified yet
  });

  test('by category per month: the months are Shanghai months, unclassified complaints last', async () => {
    // when
    const response = await get(
      manager,
      '/api/analysis/counts?by=category&period=month&from=2026-03-01&to=2026-04-30',
    );
    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      from: '2026-03-01',
      to: '2026-04-30',
      by: 'category',
      period: 'month',
      rows: [
        { key: 'quality', period: '2026-03-01', count: 2 },
        { key: 'service', period: '2026-04-01', count: 1 },
        { key: null, period: '2026-04-01', count: 1 },
      ],
    });
  });

  test('by channel per week: weeks start on Monday, even before `from`', async () => {
    // when
    const response = await get(
      manager,
      '/api/analysis/counts?by=channel&period=week&from=2026-03-01&to=2026-04-30',
    );
    // then
    expect(response.json().rows).toEqual([
      { key: 'web', period: '2026-02-23', count: 1 },
      { key: 'phone', period: '2026-03-09', count: 1 },
      { key: 'web', period: '2026-03-30', count: 1 },
      { key: 'email', period: '2026-04-13', count: 1 },
    ]);
  });

  test('by department per day, and by severity per month (the default period)', async () => {
    // when
    const byDepartment = await get(
      manager,
      '/api/analysis/counts?by=department&period=day&from=2026-03-01&to=2026-03-31',
    );
    const bySeverity = await get(manager, '/api/analysis/counts?by=severity&from=2026-03-01&to=2026-03-31');
    // then
    expect(byDepartment.json().rows).toEqual([
      { key: 'quality_management', period: '2026-03-01', count: 1 },
      { key: 'quality_management', period: '2026-03-10', count: 1 },
    ]);
    expect(bySeverity.json()).toMatchObject({
      period: 'month',
      rows: [
        { key: '2', period: '2026-03-01', count: 1 },
        { key: '3', period: '2026-03-01', count: 1 },
      ],
    });
  });

  test('without dates the last 30 days are counted, today included', async () => {
    // given
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const first = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 24 * HOUR).toISOString().slice(0, 10);
    // when
    const response = await get(manager, '/api/analysis/counts?by=channel');
    // then
    expect(response.json()).toMatchObject({ from: first, to: today, rows: [] });
  });
});

describe('figures of the complaints closed in June', () => {
  beforeAll(async () => {
    // given four complaints closed in June, one just before midnight on 30 June in Shanghai
    await seedClosed({
      closed: '2026-06-05T02:00:00Z',
      hours: 10,
      businessHours: 4,
      satisfaction: 5,
      resolved: true,
      deadlines: [
        ['review', 0],
        ['investigation', 0],
      ],
      steps: [
        ['review', 1],
        ['investigation', 3],
      ],
      remedies: [['resolution_proposed', 'exchange']],
    });
    await seedClosed({
      closed: '2026-06-10T02:00:00Z',
      hours: 20,
      businessHours: 8,
      satisfaction: 5,
      resolved: true,
      deadlines: [
        ['review', 0],
        ['investigation', 2],
      ],
      steps: [
        ['review', 2],
        ['investigation', 5],
      ],
      remedies: [
        ['resolution_proposed', 'refund'],
        ['resolution_proposed', 'exchange'],
      ], // sent back, changed
    });
    await seedClosed({
      closed: '2026-06-30T15:00:00Z', // 30 June 23:00 in Shanghai
      hours: 50,
      businessHours: 20,
      satisfaction: 2,
      resolved: false,
      deadlines: [
        ['review', 1],
        ['investigation', 0],
        ['follow_up', 0],
      ],
      steps: [['review', 4]],
      remedies: [
        ['resolution_proposed', 'apology'],
        ['appeal_decided', 'compensation'],
      ], // appeal upheld
    });
    await seedClosed({
      closed: '2026-06-12T02:00:00Z',
      hours: 30,
      businessHours: 10,
      satisfaction: 4,
      resolved: false,
      remedies: [
        ['resolution_proposed', 'exchange'],
        ['appeal_decided', null],
      ], // appeal rejected
    });
    await seedClosed({
      outcome: 'invalid',
      closed: '2026-06-02T02:00:00Z',
      hours: 2,
      businessHours: 1,
      satisfaction: null,
      resolved: null,
      deadlines: [['review', 0]],
      steps: [['review', 0.5]],
    });
    // and one closed on 1 July in Shanghai, outside the range
    await seedClosed({
      closed: '2026-06-30T17:00:00Z',
      hours: 1,
      businessHours: 1,
      satisfaction: 1,
      resolved: false,
      deadlines: [['review', 3]],
      steps: [['review', 9]],
      remedies: [['resolution_proposed', 'refund']],
    });
  });
  const june = 'from=2026-06-01&to=2026-06-30';

  test('deadlines met and breached in lifecycle order, and the working time of each step', async () => {
    // when
    const response = await get(manager, `/api/analysis/deadlines?${june}`);
    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      from: '2026-06-01',
      to: '2026-06-30',
      deadlines: [
        { deadline: 'review', met: 3, breached: 1, shareMet: 0.75, escalations: 1 },
        { deadline: 'investigation', met: 2, breached: 1, shareMet: 0.6667, escalations: 2 },
        { deadline: 'follow_up', met: 1, breached: 0, shareMet: 1, escalations: 0 },
      ],
      steps: [
        { step: 'investigation', count: 2, medianBusinessHours: 4, averageBusinessHours: 4 },
        { step: 'review', count: 4, medianBusinessHours: 1.5, averageBusinessHours: 1.88 },
      ],
    });
  });

  test('handling time against satisfaction, one row per score', async () => {
    // when
    const response = await get(manager, `/api/analysis/handling-time?${june}`);
    // then
    const none = {
      count: 0,
      medianHours: null,
      averageHours: null,
      medianBusinessHours: null,
      averageBusinessHours: null,
    };
    expect(response.json().rows).toEqual([
      { satisfaction: 1, ...none },
      {
        satisfaction: 2,
        count: 1,
        medianHours: 50,
        averageHours: 50,
        medianBusinessHours: 20,
        averageBusinessHours: 20,
      },
      { satisfaction: 3, ...none },
      {
        satisfaction: 4,
        count: 1,
        medianHours: 30,
        averageHours: 30,
        medianBusinessHours: 10,
        averageBusinessHours: 10,
      },
      {
        satisfaction: 5,
        count: 2,
        medianHours: 15,
        averageHours: 15,
        medianBusinessHours: 6,
        averageBusinessHours: 6,
      },
    ]);
  });

  test('remedies: the last one proposed, or the final remedy of an upheld appeal', async () => {
    // when
    const response = await get(manager, `/api/analysis/remedies?${june}`);
    // then
    expect(response.json().remedies).toEqual([
      {
        remedy: 'exchange',
        complaints: 3,
        rated: 3,
        averageSatisfaction: 4.67,
        followedUp: 3,
        shareResolved: 0.6667,
      },
      {
        remedy: 'compensation',
        complaints: 1,
        rated: 1,
        averageSatisfaction: 2,
        followedUp: 1,
        shareResolved: 0,
      },
    ]);
  });
});

describe('alerts for repeated similar complaints', () => {
  const numbers: Record<string, string[]> = { damage: [], payment: [] };
  beforeAll(async () => {
    // given three transport damages within a week, then two more a week apart with a malicious one between
    const damage = { category: 'transport', subType: 'damage' };
    for (const [received, subject] of [
      ['2026-08-03T02:00:00Z', '纸箱压坏，货物破损'],
      ['2026-08-05T02:00:00Z', '运输途中玻璃碎了'],
      ['2026-08-08T02:00:00Z', '托盘倒塌导致设备变形'],
    ]) {
      numbers.damage.push((await seedComplaint({ received, subject, ...damage })).number);
    }
    await seedComplaint({ received: '2026-08-20T02:00:00Z', subject: '木箱破裂', ...damage });
    await seedComplaint({
      received: '2026-08-21T02:00:00Z',
      subject: '外包装严重变形',
      ...damage,
      state: 'malicious',
    });
    await seedComplaint({ received: '2026-08-22T02:00:00Z', subject: '叉车撞坏货物', ...damage });
    // and quality defects spread over the month
    for (const day of ['01', '12', '25']) {
      await seedComplaint({ received: `2026-08-${day}T02:00:00Z`, category: 'quality', subType: 'defect' });
    }
    // and the same payment problem in three wordings, classified differently
    for (const [received, subject, category, subType] of [
      ['2026-08-14T02:00:00Z', 'APP下单后无法支付', 'finance', 'other'],
      ['2026-08-15T02:00:00Z', 'APP下单后一直无法支付', 'finance', 'invoice'],
      ['2026-08-16T02:00:00Z', 'APP下单后总是无法支付', null, null],
    ] as const) {
      numbers.payment.push((await seedComplaint({ received, subject, category, subType })).number);
    }
  });

  test('the same sub-type and alike subjects within the window are flagged, nothing else', async () => {
    // when
    const response = await get(
      manager,
      '/api/analysis/alerts?from=2026-08-01&to=2026-08-31&windowDays=7&minCount=3',
    );
    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      from: '2026-08-01',
      to: '2026-08-31',
      windowDays: 7,
      minCount: 3,
      alerts: [
        {
          kind: 'same_sub_type',
          category: 'transport',
          subType: 'damage',
          subject: '纸箱压坏，货物破损',
          count: 3,
          complaintNumbers: numbers.damage,
          firstReceivedAt: '2026-08-03T02:00:00.000Z',
          lastReceivedAt: '2026-08-08T02:00:00.000Z',
        },
        {
          kind: 'similar_subject',
          category: 'finance',
          subType: null,
          subject: 'APP下单后无法支付',
          count: 3,
          complaintNumbers: numbers.payment,
          firstReceivedAt: '2026-08-14T02:00:00.000Z',
          lastReceivedAt: '2026-08-16T02:00:00.000Z',
        },
      ],
    });
  });

  test('a wider window or a lower count flags more', async () => {
    // when
    const response = await get(
      manager,
      '/api/analysis/alerts?from=2026-08-01&to=2026-08-31&windowDays=30&minCount=3',
    );
    // then: every damage but the malicious one, the quality defects of the month
    expect(
      response.json().alerts.map((a: { subType: string | null; count: number }) => [a.subType, a.count]),
    ).toEqual([
      ['damage', 5],
      ['defect', 3],
      [null, 3],
    ]);
  });
});

describe('who may see the analysis', () => {
  test.each([
    ['a manager', 200, () => api.tokenFor('demo.centre.manager', ['manager'])],
    ['a process owner', 200, () => api.tokenFor('demo.centre.director', ['process_owner'])],
    ['an administrator', 200, () => api.keys.admin],
    ['an agent', 403, () => api.tokenFor('demo.centre.agent1', ['agent'])],
    ['department staff', 403, () => api.tokenFor('demo.quality_management.staff1', ['department_staff'])],
    ['an integrator', 403, () => api.keys.crm],
    ['nobody', 401, () => null],
  ])('%s → %i', async (_who, status, credential) => {
    // when
    const responses = await Promise.all(
      ['counts?by=category', 'deadlines', 'handling-time', 'remedies', 'alerts'].map((path) =>
        get(credential(), `/api/analysis/${path}`),
      ),
    );
    // then
    expect(responses.map((r) => r.statusCode)).toEqual(Array(5).fill(status));
  });

  test('a caller without the role is refused before its query is looked at', async () => {
    // when
    const response = await get(
      api.tokenFor('demo.centre.agent1', ['agent']),
      '/api/analysis/counts?by=colour',
    );
    // then
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'ROLE_REQUIRED' });
  });
});

describe('bad input is a 400 problem naming every bad field', () => {
  test.each([
    ['counts?by=colour', [['querystring.by', 'must be one of: category, department, channel or severity']]],
    ['counts', [['querystring.by', 'is required']]],
    ['counts?by=channel&period=year', [['querystring.period', 'must be one of: day, week or month']]],
    ['deadlines?from=2026-06-30&to=2026-06-01', [['querystring.to', 'must not be before from (2026-06-30)']]],
    [
      'remedies?from=2025-01-01&to=2026-06-01',
      [['querystring.to', 'must make a range of at most 366 days, from and to included']],
    ],
    ['handling-time?from=30.06.2026', [['querystring.from', 'must match format "date"']]],
    ['remedies?since=2026-01-01', [['querystring.since', 'is not allowed']]],
    [
      'alerts?windowDays=0&minCount=1',
      [
        ['querystring.windowDays', 'must be >= 1'],
        ['querystring.minCount', 'must be >= 2'],
      ],
    ],
  ])('%s', async (path, fields) => {
    // when
    const response = await get(manager, `/api/analysis/${path}`);
    // then
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: fields.map(([field, problem]) => ({ field, problem })),
    });
  });
});
