import { startTestEngine, type TestEngine } from '../helpers/engine';
import {
  activateNow,
  activateOne,
  Code,
  deploy,
  elementsWith,
  processEnd,
  rejectionOf,
  type Variables,
} from './support/conformance';

// SEMANTICS.md §3 Boundary message events; §1.2 (boundary event variables).
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await deploy(t, 'message-boundary.bpmn');
});
afterAll(() => t.stop());

/** An instance whose review job (of type `jobType`) is activated. */
async function inReview(complaintId: string, jobType: string) {
  await t.zeebe.createProcessInstance({
    bpmnProcessId: 'message-boundary',
    variables: { complaintId, jobType },
  });
  return activateOne(t, jobType);
}

function publish(name: string, correlationKey: string, variables: Variables = {}) {
  return t.zeebe.publishMessage({ name, correlationKey, variables, timeToLive: 0 });
}

test('an interrupting message boundary event terminates the activity and takes its own path', async () => {
  // given
  const review = await inReview('D-1', 'boundary-interrupting');
  // when
  await publish('complaint-withdrawn', 'D-1');
  // then
  expect(await processEnd(t, review.processInstanceKey)).toBe('ELEMENT_COMPLETED');
  expect(await elementsWith(t, review.processInstanceKey, 'ELEMENT_TERMINATED')).toEqual(['Task_Review']);
  expect(await elementsWith(t, review.processInstanceKey, 'ELEMENT_COMPLETED')).toEqual(
    expect.arrayContaining(['Boundary_Withdrawn', 'End_Withdrawn']),
  );
  const late = await rejectionOf(t.zeebe.completeJob({ jobKey: review.key, variables: {} }));
  expect(late.code).toBe(Code.NOT_FOUND);
});

test('a non-interrupting message boundary event branches off once per message while the activity goes on', async () => {
  // given
  const review = await inReview('D-2', 'boundary-non-interrupting');
  // when
  await publish('reminder', 'D-2', { round: 1 });
  const first = await activateNow(t, 'boundary-non-interrupting-reminder');
  await publish('reminder', 'D-2', { round: 2 });
  const second = await activateNow(t, 'boundary-non-interrupting-reminder');
  // then
  expect([...first, ...second].map((job) => job.variables.round)).toEqual([1, 2]);
  for (const job of [...first, ...second]) await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
  await t.zeebe.completeJob({ jobKey: review.key, variables: {} });
  expect(await processEnd(t, review.processInstanceKey)).toBe('ELEMENT_COMPLETED');
  const completed = await elementsWith(t, review.processInstanceKey, 'ELEMENT_COMPLETED');
  expect(completed.filter((id) => id === 'Boundary_Reminder')).toHaveLength(2);
  expect(completed).toContain('End_Reviewed');
});

test('the message variables of a boundary event reach the process scope', async () => {
  // given
  const review = await inReview('D-3', 'boundary-variables');
  // when
  await publish('reminder', 'D-3', { remindedBy: 'supervisor' });
  // then
  const reminder = await activateOne(t, 'boundary-variables-reminder');
  await t.zeebe.completeJob({ jobKey: reminder.key, variables: {} });
  await t.zeebe.failJob({ jobKey: review.key, retries: 1, errorMessage: 'look again', retryBackOff: 0 });
  const again = await activateOne(t, 'boundary-variables');
  expect(again.variables).toMatchObject({ remindedBy: 'supervisor' });
});

test('once the activity completed, its boundary events no longer take messages', async () => {
  // given
  const review = await inReview('D-4', 'boundary-closed');
  await t.zeebe.completeJob({ jobKey: review.key, variables: {} });
  // when
  await publish('complaint-withdrawn', 'D-4');
  // then
  expect(await processEnd(t, review.processInstanceKey)).toBe('ELEMENT_COMPLETED');
  expect(await elementsWith(t, review.processInstanceKey, 'ELEMENT_ACTIVATED')).not.toContain(
    'Boundary_Withdrawn',
  );
});
