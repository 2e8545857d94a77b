import { createLogger } from '../../../lib/logger';
import { computeDeadlineWorker } from '../../../workers/compute-deadline';
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
  t = await openWorkerDatabase('w_deadline');
});
afterAll(() => t.close());

const at = (iso: string) => () => new Date(iso);

test('the review deadline counts from receipt: one working day, escalated one working day later', async () => {
  // given a complaint received on Monday at 10:00, whose process reaches the step a little later
  const complaint = await fileComplaint(t.db);
  // when
  const answer = await handleJob(
    computeDeadlineWorker,
    testWorkerDeps({ db: t.db, now: at('2026-11-09T10:20:00+08:00') }),
    {
      variables: refOf(complaint),
      headers: { deadline: 'review' },
    },
  );
  // then
  expect(answer).toEqual({
    outcome: 'completed',
    variables: { reviewDueAt: '2026-11-10T10:00:00+08:00', reviewEscalateAt: '2026-11-11T10:00:00+08:00' },
  });
});

test('the preliminary reply is due two working days after receipt', async () => {
  // given a complaint received on Friday 13 November at 17:00
  const complaint = await fileComplaint(t.db, {}, new Date('2026-11-13T09:00:00Z'));
  // when
  const answer = await handleJob(
    computeDeadlineWorker,
    testWorkerDeps({ db: t.db, now: at('2026-11-13T17:01:00+08:00') }),
    {
      variables: refOf(complaint),
      headers: { deadline: 'preliminary_reply' },
    },
  );
  // then the weekend does not count
  expect(answer).toMatchObject({ variables: { preliminaryReplyDueAt: '2026-11-17T17:00:00+08:00' } });
});

test('the investigation deadline counts from now, the moment of routing', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  // when routed on Tuesday at 15:00
  const answer = await handleJob(
    computeDeadlineWorker,
    testWorkerDeps({ db: t.db, now: at('2026-11-10T15:00:00+08:00') }),
    {
      variables: refOf(complaint),
      headers: { deadline: 'investigation' },
    },
  );
  // then
  expect(answer).toMatchObject({
    variables: {
      investigationDueAt: '2026-11-11T15:00:00+08:00',
      investigationEscalateAt: '2026-11-12T15:00:00+08:00',
    },
  });
});

test('the appeal window writes appealDeadline: seven calendar days from the notice of the result', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  // when
  const answer = await handleJob(
    computeDeadlineWorker,
    testWorkerDeps({ db: t.db, now: at('2026-11-12T11:30:00+08:00') }),
    {
      variables: refOf(complaint),
      headers: { deadline: 'appeal_window' },
    },
  );
  // then
  expect(answer).toEqual({
    outcome: 'completed',
    variables: { appealDeadline: '2026-11-19T11:30:00+08:00' },
  });
});

test('the follow-up counts from the moment the resolution was carried out, as the form gave it', async () => {
  // given the resolution carried out on Tuesday at 16:00 (a form's date-time, without seconds)
  const complaint = await fileComplaint(t.db);
  // when the step runs on Wednesday
  const answer = await handleJob(
    computeDeadlineWorker,
    testWorkerDeps({ db: t.db, now: at('2026-11-11T09:00:00+08:00') }),
    {
      variables: { ...refOf(complaint), resolutionCarriedOutAt: '2026-11-10T16:00+08:00' },
      headers: { deadline: 'follow_up' },
    },
  );
  // then one week = five working days later, escalated two working days after that
  expect(answer).toMatchObject({
    variables: {
      followUpDueAt: '2026-11-17T16:00:00+08:00',
      followUpEscalateAt: '2026-11-19T16:00:00+08:00',
    },
  });
});

test('the same job handled again later keeps the deadline computed the first time', async () => {
  // given the investigation deadline computed on Tuesday at 15:00
  const complaint = await fileComplaint(t.db);
  const job = {
    variables: refOf(complaint),
    headers: { deadline: 'investigation' },
    elementInstanceKey: nextKey(),
  };
  const first = await handleJob(
    computeDeadlineWorker,
    testWorkerDeps({ db: t.db, now: at('2026-11-10T15:00:00+08:00') }),
    job,
  );
  // when the job comes back two minutes later (a timed-out job handed out again)
  const again = await handleJob(
    computeDeadlineWorker,
    testWorkerDeps({ db: t.db, now: at('2026-11-10T15:02:00+08:00') }),
    { ...job, jobKey: nextKey() },
  );
  // then
  expect(again).toEqual(first);
  expect(await eventsOf(t.db, complaint.complaintId, 'deadline_set')).toHaveLength(1);
});

test('a deadline beyond the years the calendar lists is computed with weekends only, and a warning says so', async () => {
  // given the calendar lists 2026 only, and the investigation starts on the last working day of 2026
  const complaint = await fileComplaint(t.db);
  const lines: string[] = [];
  const log = createLogger({
    level: 'warn',
    pretty: false,
    destination: { write: (line: string) => lines.push(line) },
  });
  // when
  const answer = await handleJob(
    computeDeadlineWorker,
    testWorkerDeps({ db: t.db, now: at('2026-12-31T17:00:00+08:00'), log }),
    {
      variables: refOf(complaint),
      headers: { deadline: 'investigation' },
    },
  );
  // then 1 January 2027 counts as a working day, and the warning and the history say why
  expect(answer).toMatchObject({ variables: { investigationDueAt: '2027-01-01T17:00:00+08:00' } });
  expect(lines.join('\n')).toContain('add the holidays of that year');
  const [set] = await eventsOf(t.db, complaint.complaintId, 'deadline_set');
  expect(set.data).toMatchObject({ deadline: 'investigation', calendarCovered: false });
});

test('a deadline the contract does not know is an incident', async () => {
  // given
  const complaint = await fileComplaint(t.db);
  // when
  const answer = await handleJob(
    computeDeadlineWorker,
    testWorkerDeps({ db: t.db, now: () => MONDAY_10AM }),
    {
      variables: refOf(complaint),
      headers: { deadline: 'lunch' },
    },
  );
  // then
  expect(answer).toMatchObject({
    outcome: 'failed',
    retries: 0,
    errorMessage: expect.stringContaining('header /deadline'),
  });
});
