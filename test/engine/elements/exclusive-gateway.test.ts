import {
  completedElements,
  deploy,
  history,
  start,
  useEngine,
  waitForEnd,
  waitForIncident,
} from './conformance';

const engine = useEngine();

/** The end event the instance took (the gateway routes to one end event per flow). */
async function endReached(processId: string, amount?: number): Promise<string> {
  const t = engine();
  const result = await t.zeebe.createProcessInstanceWithResult({
    bpmnProcessId: processId,
    variables: amount === undefined ? {} : { amount },
  });
  const records = await history(t, Number(result.processInstanceKey));
  return completedElements(records).filter((id) => id.startsWith('EndEvent_'))[0];
}

describe('exclusive gateway', () => {
  beforeAll(async () => {
    await deploy(engine(), 'gateway-exclusive.bpmn', 'gateway-exclusive-no-default.bpmn');
  });

  test('conditions are evaluated in flow order and the first true one wins', async () => {
    // given amount 500: both 'amount > 100' and 'amount > 10' are true
    // when
    const end = await endReached('gateway-exclusive', 500);
    // then
    expect(end).toBe('EndEvent_High');
  });

  test('a later condition is taken when the earlier ones are false', async () => {
    // when
    const end = await endReached('gateway-exclusive', 50);
    // then
    expect(end).toBe('EndEvent_Medium');
  });

  test('the default flow is taken when no condition is true', async () => {
    // when
    const end = await endReached('gateway-exclusive', 5);
    // then
    expect(end).toBe('EndEvent_Low');
  });

  test('no true condition and no default flow raise a CONDITION_ERROR incident', async () => {
    // given
    const t = engine();
    // when
    const key = await start(t, 'gateway-exclusive-no-default', { amount: 5 });
    // then
    const incident = await waitForIncident(t, key);
    expect(incident).toMatchObject({
      errorType: 'CONDITION_ERROR',
      elementId: 'Gateway_Amount',
      errorMessage: 'Expected at least one condition to evaluate to true, or to have a default flow',
    });
  });

  test('a condition that is not a boolean raises an EXTRACT_VALUE_ERROR incident, even with a default flow', async () => {
    // given
    const t = engine();
    // when: 'amount > 100' is null without an amount
    const key = await start(t, 'gateway-exclusive', {});
    // then
    const incident = await waitForIncident(t, key);
    expect(incident.errorType).toBe('EXTRACT_VALUE_ERROR');
    expect(incident.elementId).toBe('Gateway_Amount');
    expect(incident.errorMessage).toMatch(
      /^Expected result of the expression 'amount > 100' to be 'BOOLEAN', but was 'NULL'\./,
    );
  });

  test('resolving the incident after SetVariables evaluates the conditions again and continues', async () => {
    // given
    const t = engine();
    const key = await start(t, 'gateway-exclusive-no-default', { amount: 5 });
    const incident = await waitForIncident(t, key);
    // when
    await t.zeebe.setVariables({ elementInstanceKey: String(key), variables: { amount: 500 }, local: false });
    await t.zeebe.resolveIncident({ incidentKey: incident.key });
    // then
    const { state, records } = await waitForEnd(t, key);
    expect(state).toBe('COMPLETED');
    expect(completedElements(records)).toContain('EndEvent_High');
    expect(records.filter((r) => r.valueType === 'INCIDENT').map((r) => r.intent)).toEqual([
      'CREATED',
      'RESOLVED',
    ]);
  });
});
