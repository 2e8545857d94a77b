import {
  denseRuns,
  type ReceivedComplaint,
  repeatAlerts,
} from '../../../../domain/analysis/repeated-complaints';

const at = (day: number, hour = 2) => new Date(Date.UTC(2026, 7, day, hour));
let serial = 0;
const complaint = (
  day: number,
  category: string | null,
  subType: string | null,
  subject = `subject ${day}`,
): ReceivedComplaint => {
  serial += 1;
  return {
    id: `id-${serial}`,
    number: `2608${String(serial).padStart(4, '0')}`,
    category,
    subType,
    subject,
    receivedAt: at(day),
  };
};
const days = (run: ReadonlyArray<{ receivedAt: Date }>) => run.map((c) => c.receivedAt.getUTCDate());

describe('dense runs', () => {
  const rule = { windowDays: 7, minCount: 3 };

  test('three within seven days make a run; the window is half open', () => {
    // given
    const items = [at(1), at(3), at(7, 23), at(8, 2)].map((receivedAt) => ({ receivedAt }));
    // when
    const runs = denseRuns(items, rule);
    // then: 1, 3 and 7 fit in [1st 02:00, 8th 02:00); the 8th at 02:00 is just outside, but 3, 7, 8 fit too
    expect(runs.map(days)).toEqual([[1, 3, 7, 8]]);
  });

  test('overlapping hot windows are one run; separate ones are separate runs', () => {
    // given
    const items = [1, 2, 3, 5, 20, 21, 22, 30].map((d) => ({ receivedAt: at(d) }));
    // when
    const runs = denseRuns(items, rule);
    // then
    expect(runs.map(days)).toEqual([
      [1, 2, 3, 5],
      [20, 21, 22],
    ]);
  });

  test('complaints spread out make no run, in whatever order they come', () => {
    // given
    const items = [25, 1, 12].map((d) => ({ receivedAt: at(d) }));
    // when / then
    expect(denseRuns(items, rule)).toEqual([]);
  });
});

describe('repeat alerts', () => {
  test('the same category and sub-type, and similar subjects, each make an alert, largest first', () => {
    // given
    const damaged = [
      complaint(3, 'transport', 'damage'),
      complaint(5, 'transport', 'damage'),
      complaint(8, 'transport', 'damage'),
    ];
    const payment = [
      complaint(14, 'finance', 'other', 'APP下单后无法支付'),
      complaint(15, 'finance', 'invoice', 'APP下单后一直无法支付'),
      complaint(16, null, null, 'APP下单后总是无法支付'),
      complaint(17, 'service', 'skill', 'APP下单后还是无法支付'),
    ];
    const spread = [
      complaint(1, 'quality', 'defect'),
      complaint(12, 'quality', 'defect'),
      complaint(25, 'quality', 'defect'),
    ];
    const pairs: [string, string][] = [
      [payment[0].id, payment[1].id],
      [payment[2].id, payment[1].id],
      [payment[3].id, payment[0].id],
    ];
    // when
    const alerts = repeatAlerts([...spread, ...damaged, ...payment], pairs, { windowDays: 7, minCount: 3 });
    // then
    expect(alerts).toEqual([
      {
        kind: 'similar_subject',
        category: 'finance',
        subType: null,
        subject: 'APP下单后无法支付',
        count: 4,
        complaintNumbers: payment.map((c) => c.number),
        firstReceivedAt: '2026-08-14T02:00:00.000Z',
        lastReceivedAt: '2026-08-17T02:00:00.000Z',
      },
      {
        kind: 'same_sub_type',
        category: 'transport',
        subType: 'damage',
        subject: 'subject 3',
        count: 3,
        complaintNumbers: damaged.map((c) => c.number),
        firstReceivedAt: '2026-08-03T02:00:00.000Z',
        lastReceivedAt: '2026-08-08T02:00:00.000Z',
      },
    ]);
  });

  test('similar subjects already flagged as one sub-type are not flagged twice', () => {
    // given
    const same = [1, 2, 3].map((d) => complaint(d, 'logistics', 'delay', '快递延误'));
    const pairs: [string, string][] = [
      [same[0].id, same[1].id],
      [same[1].id, same[2].id],
    ];
    // when
    const alerts = repeatAlerts(same, pairs, { windowDays: 7, minCount: 3 });
    // then
    expect(alerts.map((a) => a.kind)).toEqual(['same_sub_type']);
  });
});
