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

describe('parseBpmn: job-based tasks', () => {
  it('reads a service task job: type, retries and headers (entries with an empty key dropped)', () => {
    expect(node('Task_ClassifyComplaint')).toMatchObject({
      type: 'SERVICE_TASK',
      name: '分类投诉 Classify complaint',
      job: {
        type: { static: 'classify-complaint' },
        retries: { static: '5' },
        headers: { model: 'rules-v3', language: 'zh-CN' },
      },
    });
  });

  it('defaults job retries to the static value "3" and keeps FEEL type and retries', () => {
    expect(node('Task_SendDigest').job).toEqual({
      type: { static: 'send-digest' },
      retries: { static: '3' },
      headers: {},
    });
    expect(node('Task_RemindReviewer').job).toEqual({
      type: { feel: '"remind-" + channel' },
      retries: { feel: 'maxRetries' },
      headers: {},
    });
  });

  it('reads input and output mappings: static, FEEL, and a missing input source as null', () => {
    expect(node('Task_ClassifyComplaint').inputs).toEqual([
      { source: { feel: 'complaint.text' }, target: 'text' },
      { source: { static: 'web' }, target: 'channel' },
      { source: { feel: 'null' }, target: 'classification' },
    ]);
    expect(node('Task_ClassifyComplaint').outputs).toEqual([
      { source: { feel: 'category' }, target: 'complaint.category' },
      { source: { feel: 'valid' }, target: 'valid' },
    ]);
  });

  it('reads business rule, send and job-based script tasks as jobs', () => {
    expect(node('Task_DetermineApprovalLevel')).toMatchObject({
      type: 'BUSINESS_RULE_TASK',
      job: { type: { static: 'determine-approval-level' }, retries: { static: '2' } },
    });
    expect(node('Task_NotifyCustomer')).toMatchObject({
      type: 'SEND_TASK',
      job: { type: { static: 'notify-customer' } },
    });
    expect(node('Task_RenderLetters')).toMatchObject({
      type: 'SCRIPT_TASK',
      job: { type: { static: 'render-letter' } },
    });
    expect(node('Task_RenderLetters').script).toBeUndefined();
  });

  it('reads a FEEL script task: expression and result variable, no job', () => {
    expect(node('Task_CalculatePenalty').script).toEqual({
      expression: { feel: 'amount * 0.1' },
      resultVariable: 'penalty',
    });
    expect(node('Task_CalculatePenalty').job).toBeUndefined();
  });

  it('reads manual, undefined and receive tasks', () => {
    expect(node('Task_CallCustomer').type).toBe('MANUAL_TASK');
    expect(node('Task_WriteNote').type).toBe('TASK');
    expect(node('Task_AwaitPayment')).toMatchObject({
      type: 'RECEIVE_TASK',
      event: {
        kind: 'message',
        messageName: { feel: '"payment-" + currency' },
        correlationKey: { feel: 'string(complaintNumber)' },
      },
    });
  });
});

describe('parseBpmn: user tasks', () => {
  it('reads a Camunda user task (zeebe:userTask): assignment, schedule, priority, form and headers', () => {
    const task = node('Task_ReviewValidity');
    expect(task.job).toBeUndefined();
    expect(task.userTask).toEqual({
      assignee: { feel: 'reviewer' },
      candidateGroups: { static: 'quality, support' },
      candidateUsers: { feel: '["li.wei", manager]' },
      dueDate: { feel: 'now() + duration("P2D")' },
      followUpDate: { static: '2030-01-01T09:00:00+08:00' },
      priority: { static: '70' },
      formId: 'review-validity',
      headers: { checklist: 'v1' },
    });
  });

  it('reads an external form reference of a Camunda user task', () => {
    expect(nodeOf(processes[1], 'Task_ManagerDecision').userTask).toEqual({
      externalFormReference: { feel: '"https://forms.example.com/escalation/" + complaintId' },
      headers: {},
    });
  });

  it('makes a user task without zeebe:userTask a job of type io.camunda.zeebe:userTask with Zeebe headers', () => {
    const task = node('Task_ApproveRefund');
    expect(task.userTask).toBeUndefined();
    expect(task.job).toEqual({
      type: { static: 'io.camunda.zeebe:userTask' },
      retries: { static: '1' },
      headers: {
        kind: 'refund',
        'io.camunda.zeebe:assignee': 'manager',
        'io.camunda.zeebe:candidateGroups': '["managers","board"]',
        'io.camunda.zeebe:dueDate': '2030-06-01T12:00:00Z',
        'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:approve-refund',
      },
    });
  });
});

describe('parseBpmn: call activities and multi-instance', () => {
  it('reads a call activity, propagating all parent variables by default', () => {
    expect(node('Call_Escalation').callActivity).toEqual({
      processId: { static: 'Process_Escalation' },
      propagateAllChildVariables: false,
      propagateAllParentVariables: true,
    });
  });

  it('reads a parallel multi-instance sub-process with output collection and completion condition', () => {
    expect(node('SubProcess_Investigation').multiInstance).toEqual({
      sequential: false,
      inputCollection: { feel: 'departments' },
      inputElement: 'item',
      outputCollection: 'findings',
      outputElement: { feel: 'finding' },
      completionCondition: { feel: 'numberOfCompletedInstances >= 2' },
    });
    expect(node('SubProcess_Investigation').inputs).toEqual([
      { source: { feel: 'item.department' }, target: 'department' },
    ]);
  });

  it('reads a sequential multi-instance task with only an input collection', () => {
    expect(node('Task_RenderLetters').multiInstance).toEqual({
      sequential: true,
      inputCollection: { feel: 'letters' },
    });
    expect(node('Task_ClassifyComplaint').multiInstance).toBeUndefined();
  });
});
