import type { DataSource } from 'typeorm';
import { openDatabase } from '../../../db/data-source';
import { Complaint } from '../../../db/entities/complaint.entity';
import {
  type ComplaintIntake,
  type IdempotentAnswer,
  type IdempotentIntake,
  registerComplaintOnce,
} from '../../../db/intake';
import { IntakeBatches } from '../../../db/intake-batches';
import { intakeValues } from '../../../db/intake-statement';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { aComplaint } from './complaint-intake.fixture';

let db: TestDatabase;
let dataSource: DataSource;
beforeAll(async () => {
  db = await createTestDatabase('db_intake_batches');
  dataSource = await openDatabase(db.url, { poolSize: 10 });
});
afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

let keys = 0;
const owner = 'key:batches';
const answerUnder = (key: string): IdempotentAnswer => ({
  owner,
  key,
  requestHash: `hash-of-${key}`,
  statusCode: 201,
  answer: (number) => ({ number }),
});
const newKey = () => `key-${++keys}`;

/** Intakes sent at once (one tick), each under its own key unless given one. */
function sendAtOnce(
  intakes: readonly { intake?: ComplaintIntake; key?: string }[],
  now: Date,
): Promise<PromiseSettledResult<IdempotentIntake>[]> {
  return Promise.allSettled(
    intakes.map(({ intake = aComplaint(), key = newKey() }) =>
      registerComplaintOnce(dataSource, intake, now, answerUnder(key)),
    ),
  );
}

const numberOf = (result: PromiseSettledResult<IdempotentIntake>) =>
  result.status === 'fulfilled' && result.value.outcome === 'registered'
    ? result.value.complaint.complaintNumber
    : undefined;

/** How many transactions wrote the complaints of these numbers (rows of one transaction share xmin). */
async function transactionsOf(numbers: readonly (string | undefined)[]): Promise<number> {
  const [{ count }] = await dataSource.query(
    `SELECT count(DISTINCT xmin::text)::int AS count FROM complaint WHERE number = ANY($1)`,
    [numbers],
  );
  return count;
}

const consecutive = (yymm: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${yymm}${String(i + 1).padStart(4, '0')}`);

test('intakes that arrive while one commits are committed together, numbered consecutively', async () => {
  // given 20 intakes sent at once: the first finds none committing and goes alone
  const now = new Date('2025-01-10T02:00:00Z');
  // when
  const results = await sendAtOnce(
    Array.from({ length: 20 }, () => ({})),
    now,
  );
  // then the 19 others waited for it and went in one transaction
  const numbers = results.map(numberOf);
  expect([...numbers].sort()).toEqual(consecutive('2501', 20));
  expect(await transactionsOf(numbers)).toBe(2);
});

test('a batch holds at most its limit of intakes; the rest go in the next', async () => {
  // given batches of at most 5, and 11 intakes at once
  const batches = new IntakeBatches(dataSource, 5);
  const now = new Date('2025-02-10T02:00:00Z');
  const sent = Array.from({ length: 11 }, async () => {
    const idempotency = answerUnder(newKey());
    const values = await intakeValues(dataSource, aComplaint(), now, {}, idempotency);
    return batches.register(owner, idempotency.key, values);
  });
  // when
  const results = await Promise.allSettled(sent);
  // then one alone, then 5 and 5
  const numbers = results.map(numberOf);
  expect([...numbers].sort()).toEqual(consecutive('2502', 11));
  expect(await transactionsOf(numbers)).toBe(3);
});

test('an intake the database refuses fails alone: the rest of its batch is registered, with no gap', async () => {
  // given six intakes at once, the fourth with evidence the database refuses (not a SHA-256)
  const now = new Date('2025-03-10T02:00:00Z');
  const broken = aComplaint({
    evidence: [
      { filename: 'x.pdf', contentType: 'application/pdf', sizeBytes: 1, sha256: 'nope', storageKey: 'x' },
    ],
  });
  const intakes = Array.from({ length: 6 }, (_, i) => (i === 3 ? { intake: broken } : {}));
  // when
  const results = await sendAtOnce(intakes, now);
  // then
  expect(results[3]).toMatchObject({ status: 'rejected' });
  const numbers = results.filter((_, i) => i !== 3).map(numberOf);
  expect([...numbers].sort()).toEqual(consecutive('2503', 5));
  expect(await dataSource.manager.countBy(Complaint, { number: '25030006' })).toBe(0);
});

test('a second request with the key of an intake still waiting for its batch is in flight', async () => {
  // given an intake under a key, waiting behind another
  const now = new Date('2025-04-10T02:00:00Z');
  const key = newKey();
  // when the same key comes again before it has committed
  const [first, waiting, again] = await sendAtOnce([{}, { key }, { key }], now);
  // then
  expect(numberOf(first)).toBeDefined();
  expect(numberOf(waiting)).toBeDefined();
  expect(again).toEqual({ status: 'fulfilled', value: { outcome: 'in_flight' } });
  // and once it has committed, the key gives its kept answer
  const [later] = await sendAtOnce([{ key }], now);
  expect(later).toMatchObject({
    status: 'fulfilled',
    value: { outcome: 'answered', requestHash: `hash-of-${key}`, response: { number: numberOf(waiting) } },
  });
});

test('a key answered before gives its kept answer inside a batch, and takes no number', async () => {
  // given a key answered before
  const now = new Date('2025-05-10T02:00:00Z');
  const key = newKey();
  const [earlier] = await sendAtOnce([{ key }], now);
  // when it comes again among others, in one batch
  const [first, ...batch] = await sendAtOnce([{}, {}, { key }, {}], now);
  // then
  expect(batch[1]).toMatchObject({ status: 'fulfilled', value: { outcome: 'answered' } });
  expect(batch[1].status === 'fulfilled' && batch[1].value).toMatchObject({
    response: { number: numberOf(earlier) },
  });
  const numbers = [earlier, first, batch[0], batch[2]].map(numberOf);
  expect([...numbers].sort()).toEqual(consecutive('2505', 4));
  expect(await transactionsOf([batch[0], batch[2]].map(numberOf))).toBe(1);
});
