import { type TestEngine } from '../../helpers/engine';
import { completedElements, deploy, nextJob, start, useEngine, waitForEnd } from './conformance';

const engine = useEngine();

/** Starts the fixture's process, takes the job of its one task, completes it and waits for the end. */
async function runJobTask(t: TestEngine, processId: string, jobType: string) {
  await deploy(t, `${processId}.bpmn`);
  const key = await start(t, processId, { orderId: 'A-1' });
  const job = await nextJob(t, jobType, key);
  const waitingBeforeCompletion = !completedElements(await t.engine.records(key)).includes('Task_Under_Test');
  await t.zeebe.completeJob({ jobKey: job.key, variables: { done: true } });
  const { state, records } = await waitForEnd(t, key);
  return { job, waitingBeforeCompletion, state, completed: completedElements(records) };
}

describe('job-based tasks', () => {
  test('a service task creates a job with its type, retries and headers, and waits for it', async () => {
    // given
    const t = engine();
    // when
    const run = await runJobTask(t, 'tasks-service', 'charge-card');
    // then
    expect(run.job).toMatchObject({
      type: 'charge-card',
      elementId: 'Task_Under_Test',
      bpmnProcessId: 'tasks-service',
      retries: 5,
      customHeaders: { channel: 'card' },
      variables: { orderId: 'A-1' },
    });
    expect(run.waitingBeforeCompletion).toBe(true);
    expect(run.state).toBe('COMPLETED');
    expect(run.completed).toEqual(['StartEvent_1', 'Task_Under_Test', 'EndEvent_Done', 'tasks-service']);
  });

  test('a job gets 3 retries when the task definition names none', async () => {
    // given
    const t = engine();
    // when
    const run = await runJobTask(t, 'tasks-send', 'send-confirmation');
    // then
    expect(run.job.retries).toBe(3);
  });

  test('a send task is job-based like a service task', async () => {
    // given
    const t = engine();
    // when
    const run = await runJobTask(t, 'tasks-send', 'send-confirmation');
    // then
    expect(run.job.elementId).toBe('Task_Under_Test');
    expect(run.waitingBeforeCompletion).toBe(true);
    expect(run.state).toBe('COMPLETED');
  });

  test('a business rule task with a task definition is job-based', async () => {
    // given
    const t = engine();
    // when
    const run = await runJobTask(t, 'tasks-business-rule', 'evaluate-discount-rule');
    // then
    expect(run.job.elementId).toBe('Task_Under_Test');
    expect(run.waitingBeforeCompletion).toBe(true);
    expect(run.state).toBe('COMPLETED');
  });

  test('a script task with a task definition is job-based', async () => {
    // given
    const t = engine();
    // when
    const run = await runJobTask(t, 'tasks-script-job', 'run-pricing-script');
    // then
    expect(run.job.elementId).toBe('Task_Under_Test');
    expect(run.waitingBeforeCompletion).toBe(true);
    expect(run.state).toBe('COMPLETED');
  });

  test('a user task without zeebe:userTask is a job of type io.camunda.zeebe:userTask with its assignment in headers', async () => {
    // given
    const t = engine();
    // when
    const run = await runJobTask(t, 'tasks-job-worker-user-task', 'io.camunda.zeebe:userTask');
    // then
    expect(run.job.customHeaders).toMatchObject({
      priority: 'high',
      'io.camunda.zeebe:assignee': 'demo',
      'io.camunda.zeebe:candidateGroups': '["sales","support"]',
    });
    expect(run.job.customHeaders).toHaveProperty(['io.camunda.zeebe:dueDate']);
    expect(run.job.retries).toBe(1);
    expect(run.state).toBe('COMPLETED');
  });
});
