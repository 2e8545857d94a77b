import { parseBpmn } from '../../../../engine/bpmn/parse-bpmn';
import { type ProcessModel } from '../../../../engine/bpmn/model';
import { fixture, nodeOf } from './read-fixture';

// given a collaboration of three pools exercising every element the embedded engine supports
const xml = fixture('complaint-handling-rich.bpmn');
let processes: ProcessModel[];
let complaints: ProcessModel;

beforeAll(async () => {
  // when it is parsed
  processes = await parseBpmn(xml, 'complaint-handling-rich.bpmn');
  complaints = processes[0] as ProcessModel;
});

const node = (id: string) => nodeOf(complaints, id);

describe('parseBpmn: processes and scopes', () => {
  it('returns every executable process of the collaboration, in document order', () => {
    // then the non-executable customer pool is left out
    expect(processes.map((process) => process.id)).toEqual([
      'Process_ComplaintHandling',
      'Process_Escalation',
    ]);
    expect(complaints.name).toBe('投诉处理 Complaint handling');
    expect(complaints.versionTag).toBe('v2');
    expect(processes[1]?.versionTag).toBeUndefined();
  });

  it('sorts the start events of the process by kind', () => {
    expect(complaints.startEvents).toEqual({
      none: 'StartEvent_ComplaintReceived',
      message: ['StartEvent_ComplaintByMail'],
      timer: ['StartEvent_DailyDigest'],
      signal: ['StartEvent_ProductRecall'],
    });
  });

  it('lists what the process scope contains: flow nodes, boundary events and event sub-processes', () => {
    // then lanes, data objects, annotations and associations are not flow nodes
    expect(complaints.scope.noneStartEvent).toBe('StartEvent_ComplaintReceived');
    expect(complaints.scope.eventSubProcesses).toEqual([
      'EventSubProcess_CustomerCancelled',
      'EventSubProcess_EscalateAll',
      'EventSubProcess_AnyError',
      'EventSubProcess_Audit',
    ]);
    expect(complaints.scope.children).toEqual(
      expect.arrayContaining(['Task_ClassifyComplaint', 'Boundary_Unclassifiable', 'EventSubProcess_Audit']),
    );
    expect(complaints.scope.children).not.toContain('Task_Investigate');
    for (const ignored of [
      'DataObjectReference_Complaint',
      'DataObject_Complaint',
      'TextAnnotation_Classify',
      'Association_Classify',
      'Lane_Quality',
    ]) {
      expect(complaints.nodes.has(ignored)).toBe(false);
    }
  });

  it('gives every node the id of its enclosing flow scope', () => {
    expect(node('Task_ClassifyComplaint').scopeId).toBe('Process_ComplaintHandling');
    expect(node('Task_Investigate').scopeId).toBe('SubProcess_Investigation');
    expect(node('EventSubProcess_InvestigationSlow').scopeId).toBe('SubProcess_Investigation');
    expect(node('Task_NotifyInvestigator').scopeId).toBe('EventSubProcess_InvestigationSlow');
    expect(node('StartEvent_CustomerCancelled').scopeId).toBe('EventSubProcess_CustomerCancelled');
  });

  it('describes sub-processes and event sub-processes with their own scope', () => {
    expect(node('SubProcess_Investigation')).toMatchObject({
      type: 'SUB_PROCESS',
      scope: {
        children: [
          'StartEvent_Investigation',
          'Task_Investigate',
          'EndEvent_Investigation',
          'EventSubProcess_InvestigationSlow',
        ],
        noneStartEvent: 'StartEvent_Investigation',
        eventSubProcesses: ['EventSubProcess_InvestigationSlow'],
      },
    });
    expect(node('EventSubProcess_InvestigationSlow')).toMatchObject({
      type: 'EVENT_SUB_PROCESS',
      scope: {
        children: ['Timer_InvestigationSlow', 'Task_NotifyInvestigator', 'EndEvent_InvestigatorNotified'],
        eventSubProcesses: [],
      },
    });
    expect(node('EventSubProcess_InvestigationSlow').scope?.noneStartEvent).toBeUndefined();
  });

  it('freezes the model', () => {
    expect(Object.isFrozen(complaints)).toBe(true);
    expect(Object.isFrozen(node('Task_ClassifyComplaint'))).toBe(true);
    expect(Object.isFrozen(node('Task_ClassifyComplaint').outgoing)).toBe(true);
    expect(Object.isFrozen(node('Task_ClassifyComplaint').job?.headers)).toBe(true);
  });
});

describe('parseBpmn: sequence flows and gateways', () => {
  it('connects each node to its incoming and outgoing flows in document order', () => {
    expect(node('Task_ClassifyComplaint')).toMatchObject({
      incoming: ['Flow_ReceivedToClassify', 'Flow_MailToClassify'],
      outgoing: ['Flow_ClassifiedToGateway'],
    });
    expect(node('Gateway_JoinWork').incoming).toEqual(['Flow_ReviewToJoin', 'Flow_PenaltyToJoin']);
    expect(complaints.flows.get('Flow_InvestigationStart')).toEqual({
      id: 'Flow_InvestigationStart',
      sourceId: 'StartEvent_Investigation',
      targetId: 'Task_Investigate',
    });
    expect(complaints.flows.size).toBe(50);
  });

  it('keeps the default flow and the FEEL conditions of an exclusive gateway', () => {
    expect(node('Gateway_ComplaintValid')).toMatchObject({
      type: 'EXCLUSIVE_GATEWAY',
      defaultFlow: 'Flow_Invalid',
      outgoing: ['Flow_Valid', 'Flow_Invalid'],
    });
    expect(complaints.flows.get('Flow_Valid')).toEqual({
      id: 'Flow_Valid',
      name: '有效 valid',
      sourceId: 'Gateway_ComplaintValid',
      targetId: 'Gateway_SplitWork',
      condition: { feel: 'valid = true' },
    });
    expect(complaints.flows.get('Flow_Invalid')?.condition).toBeUndefined();
  });

  it('keeps the default flow and the conditions of an inclusive gateway', () => {
    expect(node('Gateway_Remedies')).toMatchObject({
      type: 'INCLUSIVE_GATEWAY',
      defaultFlow: 'Flow_NoRemedy',
      outgoing: ['Flow_Refund', 'Flow_Investigate', 'Flow_NoRemedy'],
    });
    expect(complaints.flows.get('Flow_Refund')?.condition).toEqual({ feel: 'penalty > 0' });
    expect(node('Gateway_RemediesDone').incoming).toEqual([
      'Flow_NoRemedy',
      'Flow_RefundDone',
      'Flow_InvestigationDone',
    ]);
  });

  it('leads an event-based gateway to message, timer and signal catch events', () => {
    const targets = node('Gateway_AwaitCustomer').outgoing.map((id) => complaints.flows.get(id)?.targetId);
    expect(targets).toEqual(['Event_CustomerReply', 'Event_ReplyTimeout', 'Event_RecallAnnounced']);
    expect(node('Event_CustomerReply')).toMatchObject({
      type: 'INTERMEDIATE_CATCH_EVENT',
      event: {
        kind: 'message',
        messageName: { static: 'customer-reply' },
        correlationKey: { feel: 'complaintId' },
      },
      outputs: [{ source: { feel: 'reply' }, target: 'customerReply' }],
    });
    expect(node('Event_ReplyTimeout').event).toEqual({
      kind: 'timer',
      timerType: 'date',
      value: { static: '2030-01-01T00:00:00+08:00[Asia/Shanghai]' },
    });
    expect(node('Event_RecallAnnounced').event).toEqual({
      kind: 'signal',
      signalName: { static: 'recall-announced' },
    });
  });
});
