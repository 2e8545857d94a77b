import { deploy, nextJob, start, useEngine, waitForIncident } from './conformance';

const engine = useEngine();

describe('uncaught BPMN errors', () => {
  beforeAll(async () => {
    await deploy(
      engine(),
      'error-uncaught.bpmn',
      'error-nested.bpmn',
      'error-two-codes.bpmn',
      'error-end-uncaught.bpmn',
    );
  });

  test('an error nobody catches raises UNHANDLED_ERROR_EVENT with Zeebe’s message', async () => {
    // given
    const t = engine();
    const key = await start(t, 'error-uncaught');
    const job = await nextJob(t, 'error-uncaught-charge', key);
    // when
    await t.zeebe.throwError({ jobKey: job.key, errorCode: 'PAYMENT_FAILED', errorMessage: 'card declined' });
    // then
    const incident = await waitForIncident(t, key);
    expect(incident).toMatchObject({
      errorType: 'UNHANDLED_ERROR_EVENT',
      elementId: 'Task_Charge',
      errorMessage:
        "Expected to throw an error event with the code 'PAYMENT_FAILED' with message 'card declined', but it was not caught. No error events are available in the scope.",
    });
  });

  test('the incident names the error catch events that are available but do not match', async () => {
    // given
    const t = engine();
    const key = await start(t, 'error-nested');
    const job = await nextJob(t, 'error-nested-charge', key);
    // when
    await t.zeebe.throwError({ jobKey: job.key, errorCode: 'CARD_EXPIRED', errorMessage: '' });
    // then
    const incident = await waitForIncident(t, key);
    expect(incident.errorMessage).toBe(
      "Expected to throw an error event with the code 'CARD_EXPIRED', but it was not caught. Available error events are [PAYMENT_FAILED]",
    );
  });

  test('the available error codes of one scope are listed in descending order, as Zeebe sorts them', async () => {
    // given
    const t = engine();
    const key = await start(t, 'error-two-codes');
    const job = await nextJob(t, 'error-two-codes-ship', key);
    // when
    await t.zeebe.throwError({ jobKey: job.key, errorCode: 'CARRIER_DOWN', errorMessage: '' });
    // then
    const incident = await waitForIncident(t, key);
    expect(incident.errorMessage).toBe(
      "Expected to throw an error event with the code 'CARRIER_DOWN', but it was not caught. Available error events are [STOCK_MISSING, ADDRESS_INVALID]",
    );
  });

  test('an uncaught error end event raises UNHANDLED_ERROR_EVENT again when its incident is resolved', async () => {
    // given
    const t = engine();
    const key = await start(t, 'error-end-uncaught');
    const first = await waitForIncident(t, key);
    // when
    await t.zeebe.resolveIncident({ incidentKey: first.key });
    // then
    const second = await waitForIncident(t, key, 2);
    expect(second.key).not.toBe(first.key);
    expect([first.errorType, second.errorType]).toEqual(['UNHANDLED_ERROR_EVENT', 'UNHANDLED_ERROR_EVENT']);
    expect(second.errorMessage).toBe(
      "Expected to throw an error event with the code 'NOT_CAUGHT', but it was not caught. No error events are available in the scope.",
    );
  });

  test('the job of an uncaught error can no longer be completed until the incident is resolved', async () => {
    // given
    const t = engine();
    const key = await start(t, 'error-uncaught');
    const job = await nextJob(t, 'error-uncaught-charge', key);
    await t.zeebe.throwError({ jobKey: job.key, errorCode: 'PAYMENT_FAILED', errorMessage: 'card declined' });
    const incident = await waitForIncident(t, key);
    // when
    const whileOpen = t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    // then
    await expect(whileOpen).rejects.toThrow(
      `Expected to complete job with key '${job.key}', but it is in state 'ERROR_THROWN'`,
    );
    await t.zeebe.resolveIncident({ incidentKey: incident.key });
    const again = await nextJob(t, 'error-uncaught-charge', key);
    expect(again.key).toBe(job.key);
  });
});
