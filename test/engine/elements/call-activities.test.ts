import {
  completedElements,
  deploy,
  nextJob,
  nextJobWhere,
  start,
  terminatedElements,
  useEngine,
  waitForEnd,
  waitForIncident,
} from './conformance';

const engine = useEngine();

/** The called process's job of the instance whose `caseId` is given. */
const childJob = (caseId: string) =>
  nextJobWhere(engine(), 'call-child-work', (job) => job.variables.caseId === caseId);

describe('call activities', () => {
  beforeAll(async () => {
    await deploy(
      engine(),
      'call-child.bpmn',
      'call-parent.bpmn',
      'call-parent-mapped.bpmn',
      'call-parent-local.bpmn',
    );
  });

  test('by default the child gets every variable of the parent and the parent gets every variable of the child', async () => {
    // given
    const t = engine();
    const parent = await start(t, 'call-parent', { caseId: 'c1', customer: { name: 'Ada' } });
    // when
    const child = await childJob('c1');
    await t.zeebe.completeJob({ jobKey: child.key, variables: { decision: 'approved' } });
    // then
    expect(child.variables).toEqual({ caseId: 'c1', customer: { name: 'Ada' } });
    expect(Number(child.processInstanceKey)).not.toBe(parent);
    const after = await nextJob(t, 'call-parent-after', parent);
    expect(after.variables).toEqual({ caseId: 'c1', customer: { name: 'Ada' }, decision: 'approved' });
  });

  test('without propagation only input mappings go in and only output mappings come back', async () => {
    // given
    const t = engine();
    const result = t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'call-parent-mapped',
      variables: { caseId: 'c2', customer: { name: 'Grace' } },
    });
    // when
    const child = await nextJobWhere(t, 'call-child-work', (job) => job.variables.customerName === 'Grace');
    await t.zeebe.completeJob({ jobKey: child.key, variables: { decision: 'rejected', internalNote: 'x' } });
    // then
    expect(child.variables).toEqual({ customerName: 'Grace' });
    expect((await result).variables).toEqual({
      caseId: 'c2',
      customer: { name: 'Grace' },
      childDecision: 'rejected',
    });
  });

  test('a child variable named like a local of the call activity updates that local and goes no further', async () => {
    // given
    const t = engine();
    const result = t.zeebe.createProcessInstanceWithResult({
      bpmnProcessId: 'call-parent-local',
      variables: { caseId: 'c5' },
    });
    const child = await childJob('c5');
    // when
    await t.zeebe.completeJob({ jobKey: child.key, variables: { status: 'approved', decidedBy: 'child' } });
    // then
    expect(child.variables).toEqual({ caseId: 'c5', status: 'draft' });
    expect((await result).variables).toEqual({ caseId: 'c5', decidedBy: 'child' });
  });

  test('an error thrown in the child is caught by a boundary event on the call activity; the child is terminated', async () => {
    // given
    const t = engine();
    const parent = await start(t, 'call-parent', { caseId: 'c3' });
    const child = await childJob('c3');
    // when
    await t.zeebe.throwError({ jobKey: child.key, errorCode: 'CHILD_FAILED', errorMessage: 'no stock' });
    // then
    const parentEnd = await waitForEnd(t, parent);
    expect(parentEnd.state).toBe('COMPLETED');
    expect(terminatedElements(parentEnd.records)).toEqual(['CallActivity_Child']);
    expect(completedElements(parentEnd.records)).toContain('EndEvent_ChildFailed');
    const childEnd = await waitForEnd(t, Number(child.processInstanceKey));
    expect(childEnd.state).toBe('TERMINATED');
    expect(terminatedElements(childEnd.records)).toEqual(['Task_ChildWork', 'call-child']);
  });

  test('cancelling the parent instance terminates the called instance and its jobs', async () => {
    // given
    const t = engine();
    const parent = await start(t, 'call-parent', { caseId: 'c4' });
    const child = await childJob('c4');
    // when
    await t.zeebe.cancelProcessInstance(String(parent));
    // then
    expect((await waitForEnd(t, parent)).state).toBe('TERMINATED');
    expect((await waitForEnd(t, Number(child.processInstanceKey))).state).toBe('TERMINATED');
    await expect(t.zeebe.completeJob({ jobKey: child.key, variables: {} })).rejects.toThrow(/NOT_FOUND/);
  });

  test('a called process that is not deployed raises CALLED_ELEMENT_ERROR; resolving it after deploying calls it', async () => {
    // given
    const t = engine();
    await deploy(t, 'call-missing-parent.bpmn');
    const parent = await start(t, 'call-missing-parent');
    const incident = await waitForIncident(t, parent);
    // when
    await deploy(t, 'call-missing-child.bpmn');
    await t.zeebe.resolveIncident({ incidentKey: incident.key });
    // then
    expect(incident).toMatchObject({
      errorType: 'CALLED_ELEMENT_ERROR',
      elementId: 'CallActivity_Later',
      errorMessage:
        "Expected process with BPMN process id 'call-missing-child' to be deployed, but not found.",
    });
    const { state, records } = await waitForEnd(t, parent);
    expect(state).toBe('COMPLETED');
    expect(completedElements(records)).toContain('CallActivity_Later');
  });
});
