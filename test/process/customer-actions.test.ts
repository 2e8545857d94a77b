import { PHOTO_OF_DAMAGE } from './support/complaints';
import { forms, investigate, reviewAsValid } from './support/journey';
import { useLifecycle } from './support/lifecycle';
import { staff } from './support/staff';

// What the customer may do at any time while the complaint is handled (DOMAIN §3, 001 第六条 and
// 第八条): withdraw it, which stops the handling wherever it stands, or add evidence, which the
// people working on it are told of without interrupting them.
const life = useLifecycle();

test('a complaint withdrawn during the investigation stops there, is confirmed and archived as withdrawn', async () => {
  // given a valid complaint under investigation in the storage & transport department
  const complaint = await life.fileComplaint();
  await reviewAsValid(life, complaint);
  await life.taskFor(complaint, 'Task_Investigate');

  // when the customer withdraws it
  await life.withdraw(complaint, '已与快递公司协商解决');

  // then nothing is left to do: the investigation is gone, the customer is told, the record closed
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
  expect(await life.record(complaint)).toMatchObject({ state: 'withdrawn' });
  expect((await life.notified(complaint)).at(-1)).toBe('withdrawn');
  const history = await life.history(complaint);
  expect(history.map((s) => s.type)).not.toContain('investigated');
  expect(history.at(-1)).toMatchObject({
    type: 'archived',
    data: expect.objectContaining({ outcome: 'withdrawn', withdrawalReason: '已与快递公司协商解决' }),
  });
  expect(await life.closingMetrics(complaint)).toMatchObject({ outcome: 'withdrawn' });
  expect(await life.penalties(complaint)).toEqual([]);
});

test('a complaint withdrawn before its review is not reviewed at all', async () => {
  // given a complaint just registered, its review still open
  const complaint = await life.fileComplaint();
  await life.taskFor(complaint, 'Task_ReviewValidity');

  // when
  await life.withdraw(complaint);

  // then
  expect(await life.instanceState(complaint)).toBe('COMPLETED');
  expect(await life.record(complaint)).toMatchObject({ state: 'withdrawn' });
  expect((await life.history(complaint)).map((s) => s.type)).not.toContain('reviewed');
});

test('evidence added during the investigation is attached and the department told, the work going on', async () => {
  // given a complaint under investigation in the storage & transport department
  const complaint = await life.fileComplaint();
  await reviewAsValid(life, complaint);
  const investigation = await life.taskFor(complaint, 'Task_Investigate');

  // when the customer sends two photos of the damage
  const evidenceIds = await life.addEvidence(complaint, [
    { ...PHOTO_OF_DAMAGE, filename: 'box.jpg', storageKey: 'evidence/box.jpg' },
    { ...PHOTO_OF_DAMAGE, filename: 'label.jpg', storageKey: 'evidence/label.jpg' },
  ]);

  // then the history notes it, the department's group is told, and the same investigation task is open
  expect((await life.history(complaint)).find((s) => s.type === 'evidence_attached')).toMatchObject({
    actor: 'worker:attach-evidence',
    data: { evidenceIds, count: 2, notified: 'dept-storage-transport' },
  });
  const notice = (await life.notifications(complaint)).find((n) => n.template === 'evidence_added');
  expect(notice).toMatchObject({ audience: 'staff', recipientGroup: 'dept-storage-transport' });
  expect(notice?.body).toContain('2');
  expect((await life.taskFor(complaint, 'Task_Investigate')).userTaskKey).toBe(investigation.userTaskKey);

  // and the complaint goes on as before
  await investigate(life, complaint);
  await life.taskFor(complaint, 'Task_ProposeResolution');
});

test('evidence added before the complaint is routed goes to the complaint centre agents', async () => {
  // given a complaint awaiting its review
  const complaint = await life.fileComplaint();
  await life.taskFor(complaint, 'Task_ReviewValidity');

  // when
  await life.addEvidence(complaint, [
    { ...PHOTO_OF_DAMAGE, storageKey: 'evidence/receipt.jpg', filename: 'receipt.jpg' },
  ]);

  // then
  expect((await life.notifications(complaint)).find((n) => n.template === 'evidence_added')).toMatchObject({
    recipientGroup: 'complaint-centre-agents',
  });
  await life.complete(await life.taskFor(complaint, 'Task_ReviewValidity'), forms.valid, { as: staff.agent });
  await life.taskFor(complaint, 'Task_Investigate');
});
