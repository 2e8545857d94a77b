import path from 'node:path';
import { startComplaintProcess } from '../../../processes/start-complaint-process';
import { eventually, startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await t.zeebe.deployResource({ processFilename: path.join(__dirname, 'fixtures/complaint-received.bpmn') });
});
afterAll(() => t.stop());

/** The variables of the instances started for a complaint number (each has one job of its first task). */
function instancesStartedFor(complaintNumber: string): Promise<Record<string, unknown>[]> {
  return eventually(async () => {
    const jobs = await t.zeebe.activateJobs({
      type: 'received-start',
      worker: 'test',
      maxJobsToActivate: 10,
      timeout: 60_000,
      requestTimeout: 1_000,
    });
    const mine = jobs.filter((j) => j.variables.complaintNumber === complaintNumber);
    return mine.length > 0 ? mine.map((j) => ({ ...j.variables })) : undefined;
  });
}

test('a stored complaint starts its process with its id and number', async () => {
  // given
  const complaint = { complaintId: '5f0c3c1e-6a0e-4a53-9b1c-2d5d4b9d7a10', complaintNumber: '26110001' };
  // when
  const outcome = await startComplaintProcess(t.zeebe, complaint);
  // then
  expect(outcome).toEqual({ published: true, messageKey: expect.stringMatching(/^\d+$/) });
  expect(await instancesStartedFor('26110001')).toEqual([complaint]);
});

test('starting the same complaint again is harmless: the broker refuses the duplicate, and it counts as done', async () => {
  // given a complaint whose message was published
  const complaint = { complaintId: '7f9c2a4e-1b7d-4c51-9a55-2f64d7a0c001', complaintNumber: '26110002' };
  await startComplaintProcess(t.zeebe, complaint);
  // when it is published again (after a crash, by the retry of complaints awaiting their process)
  const again = await startComplaintProcess(t.zeebe, complaint);
  // then
  expect(again).toEqual({ published: false, reason: 'already_published' });
  expect(await instancesStartedFor('26110002')).toHaveLength(1);
});
