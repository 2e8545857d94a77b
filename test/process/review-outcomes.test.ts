import { useLifecycle } from './support/lifecycle';
import { forms, reviewAsValid } from './support/journey';
import { staff } from './support/staff';

// The initial review (000 三.2; 001 第七、十一条) and what follows it at once: an invalid complaint is
// answered politely and closed, a malicious one flagged, a valid one routed to its department — by
// hand when no routing rule applies. A customer no notice can reach is noted and the flow goes on.
const life = useLifecycle();

test('an invalid complaint is answered politely and closed as invalid', async () => {
  // given a complaint, acknowledged with its number
  const complaint = await life.fileComplaint({
    subject: '价格比别家贵',
    description: '你们的运费比别家贵，我觉得不合理。',
    declaredCategory: 'logistics',
    lossAmount: null,
  });
  const review = await life.taskFor(complaint, 'Task_ReviewValidity');

  // when the agent finds it is not valid
  await life.complete(
    review,
    { reviewOutcome: 'invalid', reviewReason: '运费按公示价格收取，不属于服务过错' },
    { as: staff.agent },
  );

  // then the customer was told its number, then why it is not valid; the record is closed as invalid
  const told = await life.notifications(complaint);
  expect(told.map((n) => n.template)).toEqual(['acknowledgement', 'invalid']);
  expect(told[0].subject).toContain(complaint.complaintNumber);
  expect(told[1].body).toContain('运费按公示价格收取，不属于服务过错');
  expect(await life.record(complaint)).toMatchObject({
    state: 'invalid',
    reviewOutcome: 'invalid',
    malicious: false,
    closedAt: life.now(),
  });
  expect(await life.history(complaint)).toContainEqual(
    expect.objectContaining({
      type: 'reviewed',
      actor: `staff:${staff.agent}`,
      data: expect.objectContaining({ outcome: 'invalid' }),
    }),
  );
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});

test('a malicious complaint is flagged, answered and closed as malicious', async () => {
  // given
  const complaint = await life.fileComplaint({
    subject: '快递全部丢失',
    description: '我寄的十箱货物全部丢失，要求赔偿五万元。',
    lossAmount: 50_000,
  });
  const review = await life.taskFor(complaint, 'Task_ReviewValidity');

  // when the agent finds the complaint false
  await life.complete(
    review,
    { reviewOutcome: 'malicious', reviewReason: '签收记录和监控显示货物已完好交付本人' },
    { as: staff.agent },
  );

  // then
  expect(await life.notified(complaint)).toEqual(['acknowledgement', 'malicious']);
  expect(await life.record(complaint)).toMatchObject({
    state: 'malicious',
    reviewOutcome: 'malicious',
    malicious: true,
  });
  expect(await life.history(complaint)).toContainEqual(
    expect.objectContaining({
      type: 'reviewed',
      actor: `staff:${staff.agent}`,
      data: expect.objectContaining({ outcome: 'malicious' }),
    }),
  );
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
});

test('a valid complaint gets its preliminary reply and goes to the department its category routes to', async () => {
  // given
  const complaint = await life.fileComplaint();

  // when
  await reviewAsValid(life, complaint);

  // then the customer has the preliminary reply; the storage & transport department investigates
  const told = await life.notifications(complaint);
  expect(told.map((n) => n.template)).toEqual([
    'acknowledgement',
    'preliminary_reply',
    'department_assigned',
  ]);
  expect(told[1].body).toContain(forms.valid.preliminaryReply);
  expect(told[2]).toMatchObject({ audience: 'staff', recipientGroup: 'dept-storage-transport' });
  expect(await life.record(complaint)).toMatchObject({
    reviewOutcome: 'valid',
    departmentCode: 'storage_transport',
    category: 'transport',
  });
  expect((await life.taskFor(complaint, 'Task_Investigate')).candidateGroups).toEqual([
    'dept-storage-transport',
  ]);
});

test('a complaint no routing rule covers is routed by hand by the complaint centre', async () => {
  // given the administrator retired the routing rule of finance complaints, and an invoice complaint
  await life.harness().db.query(`UPDATE routing_rule SET active = false WHERE category = 'finance'`);
  const complaint = await life.fileComplaint({
    subject: '发票开错了',
    description: '开具的增值税发票税号错误，要求重新开票。',
    declaredCategory: 'finance',
    lossAmount: null,
  });
  await reviewAsValid(life, complaint);
  const routing = await life.taskFor(complaint, 'Task_RouteManually');

  // when an agent chooses the finance department
  await life.complete(routing, { departmentId: 'finance' }, { as: staff.agent });

  // then the finance department investigates it
  const investigation = await life.taskFor(complaint, 'Task_Investigate');
  expect(investigation.candidateGroups).toEqual(['dept-finance']);
  expect(await life.record(complaint)).toMatchObject({ departmentCode: 'finance' });
  expect(await life.notified(complaint)).toContain('department_assigned');
});

test('a customer who gave no way to reach them is noted as unreachable, and the complaint goes on', async () => {
  // given a complaint by letter, with a name and nothing else
  const complaint = await life.fileComplaint({ channel: 'letter', complainant: { name: '李四' } });

  // then staff were told the acknowledgement could not be sent, and the review waits all the same
  const told = await life.notifications(complaint);
  expect(told.map((n) => [n.template, n.audience])).toEqual([
    ['acknowledgement', 'customer'],
    ['unreachable', 'staff'],
  ]);
  expect(told[1].recipientGroup).toBe('complaint-centre-agents');
  expect(await life.taskFor(complaint, 'Task_ReviewValidity')).toMatchObject({
    candidateGroups: ['complaint-centre-agents'],
  });
});
