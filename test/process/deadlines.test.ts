import { at } from './support/calendar';
import {
  approve,
  carryOut,
  followUpSatisfied,
  forms,
  handleUntilResult,
  investigate,
  proposeRefund,
  reviewAsValid,
} from './support/journey';
import { useLifecycle } from './support/lifecycle';
import { staff } from './support/staff';

// Every deadline of the lifecycle (DOMAIN §3: 24 h review, 48 h preliminary reply, 24 h
// investigation, 48 h result, one week to the follow-up; "24 h" = one working day) escalates when it
// is missed — to the team manager, then one more working day later to the centre director (001 试行
// 办法 五) — and the breach is recorded with who held the task, whose delay costs them 2% of their
// performance pay (001 第十条). Each test starts on its own Monday; only the engine clock moves.
const life = useLifecycle();

/** The clerk's and his supervisor's penalties for the loss of CNY 800 (5% / 2%). */
const RESPONSIBILITY_FOR_800 = [
  { staffId: staff.transportClerk, kind: 'responsibility', share: 0.05, amount: 150 },
  { staffId: staff.transportManager, kind: 'responsibility', share: 0.02, amount: 100 },
];

/** One missed deadline costs whoever held the task 2% of a monthly performance pay of 3 000. */
const delayOf = (staffId: string, missed = 1) => ({
  staffId,
  kind: 'delay',
  share: 0.02 * missed,
  amount: 60 * missed,
});

test('a review left too long goes to the team manager, then to the centre director', async () => {
  // given a complaint filed on Monday 2 March, 09:30, taken by an agent who then sits on it
  await life.moveClockTo(at('2026-03-02 09:30'));
  const complaint = await life.fileComplaint();
  await life.claim(await life.taskFor(complaint, 'Task_ReviewValidity'), { as: staff.agent });

  // when Tuesday 09:30 passes (one working day), then Wednesday 09:30 (one more)
  await life.moveClockTo(at('2026-03-03 09:30'));
  await life.moveClockTo(at('2026-03-04 09:30'));

  // then both escalations are recorded against the agent, and management was told each time
  expect((await life.breaches(complaint)).filter((b) => b.deadline === 'review')).toEqual([
    {
      deadline: 'review',
      escalationLevel: 'team_manager',
      dueAt: '2026-03-03 09:30',
      heldByStaffId: staff.agent,
      heldByGroup: 'complaint-centre-agents',
    },
    {
      deadline: 'review',
      escalationLevel: 'centre_director',
      dueAt: '2026-03-03 09:30',
      heldByStaffId: staff.agent,
      heldByGroup: 'complaint-centre-agents',
    },
  ]);
  const escalations = (await life.notifications(complaint)).filter((n) =>
    n.template.startsWith('escalation_'),
  );
  expect(escalations.map((n) => [n.template, n.recipientGroup])).toEqual(
    expect.arrayContaining([
      ['escalation_team_manager', 'complaint-centre-team-managers'],
      ['escalation_centre_director', 'complaint-centre-director'],
    ]),
  );

  // and when the complaint is finally handled and accepted, the agent's delay is penalised: the
  // review (escalated twice, missed once) and the preliminary reply due by then
  await handleUntilResult(life, complaint);
  await life.customerResponds(complaint, 'accept');
  expect(await life.penalties(complaint)).toEqual([...RESPONSIBILITY_FOR_800, delayOf(staff.agent, 2)]);
  await followUpSatisfied(life, complaint);
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});

test('a preliminary reply not sent within two working days goes to the team manager', async () => {
  // given a complaint filed on Monday 9 March, 09:30, that nobody takes
  await life.moveClockTo(at('2026-03-09 09:30'));
  const complaint = await life.fileComplaint();

  // when Wednesday 09:30 passes (48 h = two working days) before anyone answers
  await life.moveClockTo(at('2026-03-11 09:30'));

  // then the breach is recorded against the agents' queue, and their team manager was told
  expect((await life.breaches(complaint)).filter((b) => b.deadline === 'preliminary_reply')).toEqual([
    {
      deadline: 'preliminary_reply',
      escalationLevel: 'team_manager',
      dueAt: '2026-03-11 09:30',
      heldByStaffId: null,
      heldByGroup: 'complaint-centre-agents',
    },
  ]);
  expect(await life.notifications(complaint)).toContainEqual(
    expect.objectContaining({
      template: 'escalation_team_manager',
      recipientGroup: 'complaint-centre-team-managers',
    }),
  );

  // and once handled, nobody pays for a delay nobody held: the task sat in the queue
  await handleUntilResult(life, complaint);
  expect(await life.notified(complaint)).toContain('preliminary_reply');
  await life.customerResponds(complaint, 'accept');
  expect(await life.penalties(complaint)).toEqual(RESPONSIBILITY_FOR_800);
  await followUpSatisfied(life, complaint);
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});

test('an investigation left too long is escalated to the department team manager, then the director', async () => {
  // given a complaint routed on Monday 16 March, 09:30, its investigation taken by the clerk
  await life.moveClockTo(at('2026-03-16 09:30'));
  const complaint = await life.fileComplaint();
  await reviewAsValid(life, complaint);
  await life.claim(await life.taskFor(complaint, 'Task_Investigate'), { as: staff.transportClerk });

  // when Tuesday 09:30 passes (one working day), then Wednesday 09:30 (one more)
  await life.moveClockTo(at('2026-03-17 09:30'));
  await life.moveClockTo(at('2026-03-18 09:30'));

  // then
  expect(await life.breaches(complaint)).toEqual([
    {
      deadline: 'investigation',
      escalationLevel: 'team_manager',
      dueAt: '2026-03-17 09:30',
      heldByStaffId: staff.transportClerk,
      heldByGroup: 'dept-storage-transport',
    },
    {
      deadline: 'investigation',
      escalationLevel: 'centre_director',
      dueAt: '2026-03-17 09:30',
      heldByStaffId: staff.transportClerk,
      heldByGroup: 'dept-storage-transport',
    },
  ]);
  const escalations = (await life.notifications(complaint)).filter((n) =>
    n.template.startsWith('escalation_'),
  );
  expect(escalations.map((n) => [n.template, n.recipientGroup])).toEqual([
    ['escalation_team_manager', 'dept-storage-transport-managers'],
    ['escalation_centre_director', 'complaint-centre-director'],
  ]);

  // and the clerk's delay is penalised with his responsibility
  await investigate(life, complaint);
  await proposeRefund(life, complaint);
  await approve(life, complaint);
  await carryOut(life, complaint);
  await life.customerResponds(complaint, 'accept');
  expect(await life.penalties(complaint)).toEqual([...RESPONSIBILITY_FOR_800, delayOf(staff.transportClerk)]);
  await followUpSatisfied(life, complaint);
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});

test('a result not given within two working days of the investigation is escalated', async () => {
  // given a complaint investigated on Monday 23 March, 09:30, whose proposal the clerk took
  await life.moveClockTo(at('2026-03-23 09:30'));
  const complaint = await life.fileComplaint();
  await reviewAsValid(life, complaint);
  await investigate(life, complaint);
  await life.claim(await life.taskFor(complaint, 'Task_ProposeResolution'), { as: staff.transportClerk });

  // when Wednesday 09:30 passes (two working days), then Thursday 09:30 (one more)
  await life.moveClockTo(at('2026-03-25 09:30'));
  await life.moveClockTo(at('2026-03-26 09:30'));

  // then
  expect(
    (await life.breaches(complaint)).map((b) => [b.deadline, b.escalationLevel, b.dueAt, b.heldByStaffId]),
  ).toEqual([
    ['result', 'team_manager', '2026-03-25 09:30', staff.transportClerk],
    ['result', 'centre_director', '2026-03-25 09:30', staff.transportClerk],
  ]);

  // and the resolution, late, still goes through; the delay is penalised
  await proposeRefund(life, complaint);
  await approve(life, complaint);
  await carryOut(life, complaint);
  await life.customerResponds(complaint, 'accept');
  expect(await life.penalties(complaint)).toEqual([...RESPONSIBILITY_FOR_800, delayOf(staff.transportClerk)]);
  await followUpSatisfied(life, complaint);
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});

test('a follow-up visit not made within a week is escalated, the Qingming holiday not counted', async () => {
  // given a resolution carried out and accepted on Monday 30 March, 09:30; an agent takes the visit
  await life.moveClockTo(at('2026-03-30 09:30'));
  const complaint = await life.fileComplaint();
  await handleUntilResult(life, complaint);
  await life.customerResponds(complaint, 'accept');
  const visit = await life.taskFor(complaint, 'Task_FollowUpVisit');
  await life.claim(visit, { as: staff.agent });

  // when Tuesday 7 April, 09:30 passes — 5 working days, 4–6 April being 清明节 — then Thursday
  await life.moveClockTo(at('2026-04-07 09:30'));
  await life.moveClockTo(at('2026-04-09 09:30'));

  // then
  expect(
    (await life.breaches(complaint)).map((b) => [b.deadline, b.escalationLevel, b.dueAt, b.heldByStaffId]),
  ).toEqual([
    ['follow_up', 'team_manager', '2026-04-07 09:30', staff.agent],
    ['follow_up', 'centre_director', '2026-04-07 09:30', staff.agent],
  ]);
  await life.complete(visit, forms.satisfied, { as: staff.agent });
  expect(await life.closingMetrics(complaint)).toMatchObject({ outcome: 'closed', deadlinesBreached: 1 });
  // and the agent's delay, missed after the penalties were booked, is booked before archiving
  expect(await life.penalties(complaint)).toEqual([...RESPONSIBILITY_FOR_800, delayOf(staff.agent)]);
  expect((await life.history(complaint)).find((s) => s.type === 'delay_penalties_calculated')).toMatchObject({
    data: { lines: [delayOf(staff.agent)] },
  });
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});

test('a late review costs the agent who held it even when the complaint is then found invalid', async () => {
  // given a complaint filed on Monday 1 June, 09:30, that an agent takes and leaves past its deadline
  await life.moveClockTo(at('2026-06-01 09:30'));
  const complaint = await life.fileComplaint({
    subject: '运费太贵',
    description: '运费比别家贵。',
    lossAmount: null,
  });
  const review = await life.taskFor(complaint, 'Task_ReviewValidity');
  await life.claim(review, { as: staff.agent });
  await life.moveClockTo(at('2026-06-02 10:00'));

  // when the agent finally finds it invalid
  await life.complete(
    review,
    { reviewOutcome: 'invalid', reviewReason: '运费按公示价格收取' },
    { as: staff.agent },
  );

  // then the complaint is closed as invalid, and the agent's delay is booked before it is archived
  expect(await life.record(complaint)).toMatchObject({ state: 'invalid' });
  expect(await life.penalties(complaint)).toEqual([delayOf(staff.agent)]);
  const steps = (await life.history(complaint)).map((s) => s.type);
  expect(steps.slice(-2)).toEqual(['delay_penalties_calculated', 'archived']);
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});
