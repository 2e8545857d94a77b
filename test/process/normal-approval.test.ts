import { beijing } from './support/calendar';
import { forms } from './support/journey';
import { useLifecycle } from './support/lifecycle';
import { staff } from './support/staff';

// The whole way of a justified complaint (DOMAIN §3, 000 三 and 002 三): registered and acknowledged,
// found valid, routed, investigated, a resolution proposed and approved at the level its amount
// requires (核决权限), carried out, the result told with the appeal deadline, accepted; the staff
// responsible and their supervisor penalised; a follow-up visit; archived with its closing metrics.
const life = useLifecycle();

test('a justified complaint goes the whole way: resolved, accepted, penalised, followed up and archived', async () => {
  // given Zhang San complains on Monday 2 March, 09:30, about goods damaged in transit
  const complaint = await life.fileComplaint({ lossAmount: 5000 });
  const review = await life.taskFor(complaint, 'Task_ReviewValidity');
  expect(beijing(review.dueAt)).toBe('2026-03-03 09:30'); // 24 h = one working day

  // when an agent finds it valid, the department investigates and proposes a refund of CNY 5 000,
  await life.complete(review, forms.valid, { as: staff.agent });
  const investigation = await life.taskFor(complaint, 'Task_Investigate');
  expect(investigation.candidateGroups).toEqual(['dept-storage-transport']);
  await life.complete(
    investigation,
    { ...forms.companyAtFault, lossAmount: 5000 },
    { as: staff.transportClerk },
  );
  const proposal = await life.taskFor(complaint, 'Task_ProposeResolution');
  expect(beijing(proposal.dueAt)).toBe('2026-03-04 09:30'); // 48 h after the investigation
  await life.complete(proposal, forms.refund(5000, life.now()), { as: staff.transportClerk });
  // the head of the department approves (up to CNY 10 000 is theirs to approve), it is carried out,
  const approval = await life.taskFor(complaint, 'Task_ApproveResolution');
  expect(approval.candidateGroups).toEqual(['dept-storage-transport-head']);
  await life.complete(approval, forms.approve, { as: staff.transportHead });
  await life.complete(
    await life.taskFor(complaint, 'Task_CarryOutResolution'),
    forms.carriedOut(life.now()),
    {
      as: staff.transportClerk,
    },
  );
  // the customer accepts the result, and an agent visits them a few days later
  await life.customerResponds(complaint, 'accept');
  const followUp = await life.taskFor(complaint, 'Task_FollowUpVisit');
  expect(beijing(followUp.dueAt)).toBe('2026-03-09 09:30'); // one week (5 working days) after carrying out
  await life.complete(followUp, forms.satisfied, { as: staff.agent });

  // then the history says who decided what
  const steps = (await life.history(complaint)).map((s) => [s.type, s.actor]);
  expect(steps).toEqual(
    expect.arrayContaining([
      ['registered', 'client:process-tests'],
      ['reviewed', `staff:${staff.agent}`],
      ['routed', 'worker:route-complaint'],
      ['investigated', `staff:${staff.transportClerk}`],
      ['resolution_proposed', `staff:${staff.transportClerk}`],
      ['approval_level_determined', 'worker:determine-approval-level'],
      ['resolution_approved', `staff:${staff.transportHead}`],
      ['resolution_carried_out', `staff:${staff.transportClerk}`],
      ['customer_responded', 'customer'],
      ['penalties_calculated', 'worker:calculate-penalty'],
      ['followed_up', `staff:${staff.agent}`],
      ['archived', 'worker:archive-complaint'],
    ]),
  );
  // the customer was told the number, the preliminary reply, the result with the appeal deadline;
  // the department was told of its complaint, the leadership of a severe internal problem
  const told = await life.notifications(complaint);
  expect(told.map((n) => n.template)).toEqual([
    'acknowledgement',
    'preliminary_reply',
    'department_assigned',
    'report_to_leadership',
    'result',
  ]);
  expect(told[0].body).toContain(complaint.complaintNumber);
  expect(told[4].body).toContain('2026年3月9日'); // appeal within 7 calendar days
  // the clerk directly responsible and his supervisor lose a share of their performance pay
  expect(await life.penalties(complaint)).toEqual([
    { staffId: staff.transportClerk, kind: 'responsibility', share: 0.1, amount: 300 },
    { staffId: staff.transportManager, kind: 'responsibility', share: 0.05, amount: 250 },
  ]);
  expect(await life.breaches(complaint)).toEqual([]);
  // the record is closed with what the follow-up found, and the archive keeps the metrics
  expect(await life.record(complaint)).toMatchObject({
    state: 'closed',
    departmentCode: 'storage_transport',
    nature: 'justified',
  });
  expect(await life.closingMetrics(complaint)).toMatchObject({
    outcome: 'closed',
    deadlinesBreached: 0,
    resolved: true,
    satisfaction: 5,
  });
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});
