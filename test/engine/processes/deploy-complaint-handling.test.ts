import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { processesDir } from '../../../lib/paths';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

// The complaint-handling diagram and its forms, exactly as committed, on the embedded engine.
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

const diagram = path.join(processesDir(), 'complaint-handling.bpmn');

async function formFiles(): Promise<string[]> {
  const dir = path.join(processesDir(), 'forms');
  return (await readdir(dir)).filter((f) => f.endsWith('.form')).map((f) => path.join(dir, f));
}

/** The diagram and every form in one deployment, through the SDK. */
async function deployAll() {
  const forms = await formFiles();
  return t.zeebe.deployResources([
    { processFilename: diagram },
    ...forms.map((formFilename) => ({ formFilename })),
  ]);
}

test('the diagram and all its forms deploy together in one deployment', async () => {
  // given
  const forms = await formFiles();

  // when
  const response = await deployAll();

  // then
  const deployed = response.deployments as {
    process?: { bpmnProcessId: string };
    form?: { formId: string };
  }[];
  expect(deployed.flatMap((d) => (d.process ? [d.process.bpmnProcessId] : []))).toEqual([
    'complaint-handling',
  ]);
  expect(deployed.flatMap((d) => (d.form ? [d.form.formId] : [])).sort()).toEqual(
    forms.map((f) => path.basename(f, '.form')).sort(),
  );
});

test('a complaint-received message starts an instance that asks for the complaint to be registered', async () => {
  // given
  await deployAll();
  const complaint = { complaintId: '0b8f5c1e-3d0a-4a57-9d3e-5a4c2f1e7b90', complaintNumber: '26110007' };

  // when
  await t.zeebe.publishMessage({
    name: 'complaint-received',
    correlationKey: complaint.complaintNumber,
    messageId: complaint.complaintNumber,
    timeToLive: 60_000,
    variables: complaint,
  });

  // then
  const jobs = await t.zeebe.activateJobs({
    type: 'register-complaint',
    worker: 'deploy-test',
    maxJobsToActivate: 1,
    timeout: 60_000,
    requestTimeout: 10_000,
  });
  expect(jobs).toHaveLength(1);
  expect(jobs[0]).toMatchObject({
    bpmnProcessId: 'complaint-handling',
    elementId: 'Task_RegisterComplaint',
    retries: 5,
    variables: complaint,
  });
});
