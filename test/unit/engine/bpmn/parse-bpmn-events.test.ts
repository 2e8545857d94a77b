import { parseBpmn } from '../../../../engine/bpmn/parse-bpmn';
import { type ProcessModel } from '../../../../engine/bpmn/model';
import { fixture, nodeOf } from './read-fixture';

// given the collaboration exercising every supported element
let processes: ProcessModel[];
const node = (id: string) => nodeOf(processes[0], id);

beforeAll(async () => {
  // when it is parsed
  processes = await parseBpmn(fixture('complaint-handling-rich.bpmn'), 'complaint-handling-rich.bpmn');
});

describe('parseBpmn: start events', () => {
  it('reads process start events: none, message (no correlation key), timer cycle, signal', () => {
    expect(node('StartEvent_ComplaintReceived')).toMatchObject({
      event: { kind: 'none' },
      outputs: [{ source: { feel: 'now()' }, target: 'receivedAt' }],
    });
    expect(node('StartEvent_ComplaintByMail').event).toEqual({
      kind: 'message',
      messageName: { static: 'complaint-mail' },
    });
    expect(node('StartEvent_DailyDigest').event).toEqual({
      kind: 'timer',
      timerType: 'cycle',
      value: { static: '0 0 9 * * MON-FRI' },
    });
    expect(node('StartEvent_ProductRecall').event).toEqual({
      kind: 'signal',
      signalName: { static: 'product-recall' },
    });
    expect(node('StartEvent_ProductRecall').interrupting).toBeUndefined();
  });

  it('reads event sub-process start events with their interrupting flag', () => {
    expect(node('StartEvent_CustomerCancelled')).toMatchObject({
      interrupting: true,
      event: {
        kind: 'message',
        messageName: { static: 'customer-cancelled' },
        correlationKey: { feel: 'complaintId' },
      },
    });
    expect(node('StartEvent_EscalateAll')).toMatchObject({
      interrupting: false,
      event: { kind: 'signal', signalName: { static: 'escalate-all' } },
    });
    expect(node('StartEvent_AnyError')).toMatchObject({ interrupting: true, event: { kind: 'error' } });
    expect(node('Timer_Audit')).toMatchObject({
      interrupting: false,
      event: { kind: 'timer', timerType: 'cycle', value: { static: 'R/P1D' } },
    });
    expect(node('Timer_InvestigationSlow')).toMatchObject({
      interrupting: false,
      event: { kind: 'timer', timerType: 'duration', value: { feel: 'slowAfter' } },
    });
  });
});

describe('parseBpmn: boundary events', () => {
  it('lists the boundary events of an activity in document order', () => {
    expect(node('Task_ReviewValidity').boundaryEvents).toEqual([
      'Timer_ReviewDeadline',
      'Timer_ReviewReminder',
      'Boundary_CustomerWithdrew',
    ]);
    expect(node('Call_Escalation').boundaryEvents).toEqual(['Boundary_EscalationFailed']);
    expect(node('Task_SendDigest').boundaryEvents).toEqual([]);
  });

  it('reads interrupting and non-interrupting timer, message and signal boundary events', () => {
    expect(node('Timer_ReviewDeadline')).toMatchObject({
      type: 'BOUNDARY_EVENT',
      attachedTo: 'Task_ReviewValidity',
      interrupting: true,
      event: { kind: 'timer', timerType: 'duration', value: { static: 'PT48H' } },
    });
    expect(node('Timer_ReviewReminder')).toMatchObject({
      interrupting: false,
      event: { kind: 'timer', timerType: 'cycle', value: { static: 'R3/PT12H' } },
    });
    expect(node('Boundary_CustomerWithdrew')).toMatchObject({
      interrupting: true,
      event: {
        kind: 'message',
        messageName: { static: 'customer-withdrew' },
        correlationKey: { feel: 'complaintId' },
      },
    });
    expect(node('Boundary_InvestigationHalted')).toMatchObject({
      attachedTo: 'SubProcess_Investigation',
      interrupting: false,
      event: { kind: 'signal' },
    });
  });

  it('reads error boundary events as interrupting, with a code or catching all errors', () => {
    expect(node('Boundary_Unclassifiable')).toMatchObject({
      interrupting: true,
      event: { kind: 'error', errorCode: { static: 'INVALID_COMPLAINT' } },
    });
    expect(node('Boundary_EscalationFailed')).toMatchObject({ interrupting: true, event: { kind: 'error' } });
    expect(node('Boundary_EscalationFailed').event).not.toHaveProperty('errorCode');
  });

  it('accepts a boundary event without outgoing flows, as Zeebe 8.8 does', () => {
    expect(node('Boundary_InvestigationHalted').outgoing).toEqual([]);
  });
});

describe('parseBpmn: throw and end events', () => {
  it('reads intermediate throw events: none, job-based message, signal with a FEEL name, link', () => {
    expect(node('Event_TimedOut')).toMatchObject({
      type: 'INTERMEDIATE_THROW_EVENT',
      event: { kind: 'none' },
    });
    expect(node('Event_PublishResult')).toMatchObject({
      event: { kind: 'message', messageName: { static: 'complaint-result' } },
      job: { type: { static: 'publish-result' }, retries: { static: '3' }, headers: {} },
    });
    expect(node('Event_BroadcastRecall').event).toEqual({
      kind: 'signal',
      signalName: { feel: '"recall-" + product' },
    });
    expect(node('Link_ToArchiveAfterResult').event).toEqual({ kind: 'link', linkName: 'archive' });
  });

  it('indexes link catch events by scope and name', () => {
    expect(processes[0]?.linkCatches).toEqual(
      new Map([['Process_ComplaintHandling', new Map([['archive', 'Link_Archive']])]]),
    );
    expect(node('Link_Archive')).toMatchObject({
      type: 'INTERMEDIATE_CATCH_EVENT',
      event: { kind: 'link', linkName: 'archive' },
    });
  });

  it('reads end events: none, error with a FEEL code, terminate, signal and job-based message', () => {
    expect(node('EndEvent_DigestSent').event).toEqual({ kind: 'none' });
    expect(node('EndEvent_Invalid').event).toEqual({ kind: 'error', errorCode: { feel: 'escalationCode' } });
    expect(node('EndEvent_Withdrawn').event).toEqual({ kind: 'terminate' });
    expect(node('EndEvent_ReviewExpired').event).toEqual({
      kind: 'signal',
      signalName: { static: 'review-expired' },
    });
    expect(node('EndEvent_ComplaintClosed')).toMatchObject({
      event: { kind: 'message', messageName: { static: '' } },
      job: { type: { static: 'send-final-notice' }, retries: { static: '1' } },
    });
  });
});
