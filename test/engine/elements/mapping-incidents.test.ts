import { deploy, history, jobsNow, nextJob, start, useEngine, waitForIncident } from './conformance';

const engine = useEngine();

/**
 * FEEL is null-friendly (a missing variable is null), so Zeebe's own tests make a mapping fail with
 * `assert(x, x != null)`, the documented way to require a variable (camunda/camunda
 * MappingIncidentTest; docs "FEEL error handling": assert()).
 */
describe('incidents on variable mappings', () => {
  beforeAll(async () => {
    await deploy(engine(), 'mapping-input-incident.bpmn', 'mapping-output-incident.bpmn');
  });

  test('a failing input mapping raises IO_MAPPING_ERROR and the element is not activated', async () => {
    // given
    const t = engine();
    // when
    const key = await start(t, 'mapping-input-incident');
    // then
    const incident = await waitForIncident(t, key);
    expect(incident).toMatchObject({ errorType: 'IO_MAPPING_ERROR', elementId: 'Task_CheckCredit' });
    expect(incident.errorMessage).toContain('assert(limit, limit != null)');
    const records = await history(t, key);
    expect(records.some((r) => r.valueType === 'JOB')).toBe(false);
  });

  test('resolving an input mapping incident after SetVariables maps again and activates the element', async () => {
    // given
    const t = engine();
    const key = await start(t, 'mapping-input-incident');
    const incident = await waitForIncident(t, key);
    // when
    await t.zeebe.setVariables({ elementInstanceKey: String(key), variables: { limit: 1000 }, local: false });
    await t.zeebe.resolveIncident({ incidentKey: incident.key });
    // then
    const job = await nextJob(t, 'mapping-check-credit', key);
    expect(job.variables).toEqual({ limit: 1000, creditLimit: 1000 });
  });

  test('a failing output mapping raises IO_MAPPING_ERROR; resolving it after SetVariables completes the element', async () => {
    // given
    const t = engine();
    const key = await start(t, 'mapping-output-incident');
    const job = await nextJob(t, 'mapping-score', key);
    await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    const incident = await waitForIncident(t, key);
    const whileOpen = (await jobsNow(t, 'mapping-use-score')).filter(
      (j) => Number(j.processInstanceKey) === key,
    );
    // when
    await t.zeebe.setVariables({ elementInstanceKey: String(key), variables: { score: 720 }, local: false });
    await t.zeebe.resolveIncident({ incidentKey: incident.key });
    // then
    expect(incident).toMatchObject({ errorType: 'IO_MAPPING_ERROR', elementId: 'Task_Score' });
    expect(whileOpen).toEqual([]);
    const next = await nextJob(t, 'mapping-use-score', key);
    expect(next.variables).toEqual({ score: 720, creditScore: 720 });
  });
});
