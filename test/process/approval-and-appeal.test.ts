import { plusMinutes } from './support/calendar';
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

// Approval sent back (000 三.6), the customer's answer to the result — acceptance, appeal upheld or
// rejected by the complaint centre (001 第八条.4-5), silence taken as acceptance — and a complaint
// the customer alone caused, which costs nobody anything (001 第十条).
const life = useLifecycle();

/** What the clerk directly responsible and his supervisor lose for a loss of CNY 800 (≤ 1 000: 5% / 2%). */
const PENALTIES_FOR_800 = [
  { staffId: staff.transportClerk, kind: 'responsibility', share: 0.05, amount: 150 },
  { staffId: staff.transportManager, kind: 'responsibility', share: 0.02, amount: 100 },
];

test('a resolution sent back is proposed again, then approved and carried out', async () => {
  // given a refund of CNY 800 awaiting the department's team manager
  const complaint = await life.fileComplaint();
  await reviewAsValid(life, complaint);
  await investigate(life, complaint);
  await proposeRefund(life, complaint, 800);

  // when the manager sends it back, the clerk proposes CNY 600, and the manager approves that
  await life.complete(await life.taskFor(complaint, 'Task_ApproveResolution'), forms.sendBack, {
    as: staff.transportManager,
  });
  await proposeRefund(life, complaint, 600);
  await approve(life, complaint, staff.transportManager);
  await carryOut(life, complaint);

  // then the history shows both rounds, each decided by the manager with his comment
  const steps = (await life.history(complaint)).filter((s) => s.type.startsWith('resolution_'));
  expect(steps.map((s) => [s.type, s.actor, s.data.remedyAmount ?? s.data.comment ?? null])).toEqual([
    ['resolution_proposed', `staff:${staff.transportClerk}`, 800],
    ['resolution_sent_back', `staff:${staff.transportManager}`, forms.sendBack.approvalComment],
    ['resolution_proposed', `staff:${staff.transportClerk}`, 600],
    ['resolution_approved', `staff:${staff.transportManager}`, forms.approve.approvalComment],
    ['resolution_carried_out', `staff:${staff.transportClerk}`, null],
  ]);
  expect((await life.notifications(complaint)).find((n) => n.template === 'result')?.body).toContain('600');

  // and it ends as usual once accepted and followed up
  await life.customerResponds(complaint, 'accept');
  await followUpSatisfied(life, complaint);
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});

test('an appeal upheld by the complaint centre has its final remedy carried out', async () => {
  // given a complaint whose result, a refund of CNY 800, was sent
  const complaint = await life.fileComplaint();
  await handleUntilResult(life, complaint);

  // when the customer appeals, a supervisor upholds it with a compensation of CNY 1 200, carried out
  await life.customerResponds(complaint, 'appeal', '退款不足以弥补损失，要求赔偿');
  const appeal = await life.taskFor(complaint, 'Task_ReviewAppeal');
  expect(appeal.candidateGroups).toEqual(['complaint-centre-supervisors']);
  await life.complete(
    appeal,
    {
      appealDecision: 'upheld',
      finalRemedy: 'compensation',
      finalRemedyAmount: 1200,
      finalDecisionText: '经复核，申诉成立，改为赔偿 1200 元。',
    },
    { as: staff.centreManager },
  );
  const finalRemedy = await life.taskFor(complaint, 'Task_CarryOutFinalRemedy');
  await life.complete(finalRemedy, forms.carriedOut(life.now()), { as: staff.transportClerk });
  await followUpSatisfied(life, complaint);

  // then the customer was told the final decision; the appeal and the final remedy are on record
  const finalDecision = (await life.notifications(complaint)).find((n) => n.template === 'final_decision');
  expect(finalDecision?.body).toContain('经复核，申诉成立，改为赔偿 1200 元。');
  const history = await life.history(complaint);
  expect(history).toContainEqual(
    expect.objectContaining({
      type: 'customer_responded',
      actor: 'customer',
      data: expect.objectContaining({ response: 'appeal' }),
    }),
  );
  expect(history).toContainEqual(
    expect.objectContaining({
      type: 'appeal_decided',
      actor: `staff:${staff.centreManager}`,
      data: expect.objectContaining({
        decision: 'upheld',
        finalRemedy: 'compensation',
        finalRemedyAmount: 1200,
      }),
    }),
  );
  expect(history).toContainEqual(
    expect.objectContaining({
      type: 'resolution_carried_out',
      data: expect.objectContaining({ finalRemedy: true }),
    }),
  );
  expect(await life.penalties(complaint)).toEqual(PENALTIES_FOR_800);
  expect(await life.record(complaint)).toMatchObject({ state: 'closed' });
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});

test('an appeal rejected by the complaint centre leaves the resolution as it was', async () => {
  // given
  const complaint = await life.fileComplaint();
  await handleUntilResult(life, complaint);
  await life.customerResponds(complaint, 'appeal', '要求额外赔偿运费');

  // when the supervisor rejects the appeal
  await life.complete(
    await life.taskFor(complaint, 'Task_ReviewAppeal'),
    { appealDecision: 'rejected', finalDecisionText: '经复核，原处理方案合理，维持原决定。' },
    { as: staff.centreManager },
  );

  // then the customer is told, nothing more is carried out, and the follow-up comes next
  expect((await life.notifications(complaint)).map((n) => n.template)).toContain('final_decision');
  await followUpSatisfied(life, complaint);
  const history = await life.history(complaint);
  expect(history).toContainEqual(
    expect.objectContaining({
      type: 'appeal_decided',
      actor: `staff:${staff.centreManager}`,
      data: expect.objectContaining({ decision: 'rejected' }),
    }),
  );
  expect(history.filter((s) => s.type === 'resolution_carried_out')).toHaveLength(1);
  expect(await life.penalties(complaint)).toEqual(PENALTIES_FOR_800);
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});

test('a customer who does not answer within the appeal window accepts the result', async () => {
  // given the result was sent; the customer may appeal for 7 calendar days
  const complaint = await life.fileComplaint();
  await handleUntilResult(life, complaint);
  const appealDeadline = new Date(String(await life.variable(complaint, 'appealDeadline')));
  expect(appealDeadline).toEqual(plusMinutes(life.now(), 7 * 24 * 60));

  // when the window closes without a word from the customer
  await life.moveClockTo(appealDeadline);

  // then the complaint goes on as accepted: penalties booked, the follow-up visit due
  expect(await life.penalties(complaint)).toEqual(PENALTIES_FOR_800);
  expect((await life.history(complaint)).map((s) => s.type)).not.toContain('customer_responded');
  await followUpSatisfied(life, complaint);
  expect(await life.record(complaint)).toMatchObject({ state: 'closed' });
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});

test('when the customer alone caused the loss, nobody is penalised', async () => {
  // given a complaint the department finds the customer responsible for
  const complaint = await life.fileComplaint();
  await handleUntilResult(life, complaint, forms.customerAtFault);

  // when the customer accepts the answer
  await life.customerResponds(complaint, 'accept');

  // then no penalty is booked, and the complaint ends as usual
  expect(await life.penalties(complaint)).toEqual([]);
  expect(await life.record(complaint)).toMatchObject({ nature: 'unjustified' });
  await followUpSatisfied(life, complaint);
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});
