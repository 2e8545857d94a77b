import { expectRejection, notSupported, type Rule } from './rejection-expectations';

// Each fixture breaks one rule (sometimes in several ways); the rejection lists exactly those problems.
const rules: readonly Rule[] = [
  [
    'malformed XML',
    'malformed-xml',
    [[undefined, undefined, 'Malformed BPMN XML: unparsable content </bpmn:process>']],
  ],
  [
    'no executable process',
    'no-executable-process',
    [[undefined, undefined, 'Must contain at least one executable process']],
  ],
  [
    'unknown elements, attributes and duplicate ids (moddle warnings)',
    'unknown-element-and-attribute',
    [
      ['Task_Unknown', 'bpmn:ServiceTask', 'unknown attribute <priority>'],
      [undefined, undefined, 'unknown type <zeebe:Bogus>'],
      [undefined, undefined, 'duplicate ID <Task_Unknown>'],
    ],
  ],
  [
    'unresolved references',
    'unresolved-reference',
    [
      ['Flow_ToNowhere', 'bpmn:SequenceFlow', 'unresolved reference <Task_Missing>'],
      ['Flow_ToNowhere', 'bpmn:SequenceFlow', 'must have a source (sourceRef) and a target (targetRef)'],
    ],
  ],
  ['complex gateways', 'complex-gateway', [notSupported('Gateway_Complex', 'bpmn:ComplexGateway')]],
  ['transactions', 'transaction', [notSupported('Transaction_Payment', 'bpmn:Transaction')]],
  ['ad-hoc sub-processes', 'ad-hoc-sub-process', [notSupported('AdHoc_Research', 'bpmn:AdHocSubProcess')]],
  [
    'compensation',
    'compensation',
    [
      [
        'Boundary_Compensate',
        'bpmn:BoundaryEvent',
        "with 'bpmn:CompensateEventDefinition' is not supported by the embedded engine",
      ],
      ['Task_Refund', 'bpmn:ServiceTask', 'with compensation (isForCompensation) is not supported'],
    ],
  ],
  [
    'escalation events',
    'escalation',
    [['EndEvent_Escalate', 'bpmn:EndEvent', "with 'bpmn:EscalationEventDefinition' is not supported"]],
  ],
  [
    'conditional events',
    'conditional-event',
    [
      [
        'Event_Condition',
        'bpmn:IntermediateCatchEvent',
        "with 'bpmn:ConditionalEventDefinition' is not supported",
      ],
    ],
  ],
  [
    'DMN business rule tasks',
    'business-rule-task-dmn',
    [['Task_Decide', 'bpmn:BusinessRuleTask', 'with a DMN decision (zeebe:calledDecision) is not supported']],
  ],
  [
    'execution listeners',
    'execution-listeners',
    [
      [
        'Task_Listened',
        'bpmn:ServiceTask',
        'with execution listeners (zeebe:executionListeners) is not supported',
      ],
    ],
  ],
  [
    'task listeners',
    'task-listeners',
    [['Task_Review', 'bpmn:UserTask', 'with task listeners (zeebe:taskListeners) is not supported']],
  ],
  [
    'embedded forms',
    'embedded-user-task-form',
    [['Process_Invalid', 'bpmn:Process', 'with an embedded form (zeebe:userTaskForm) is not supported']],
  ],
  [
    'standard loops',
    'standard-loop',
    [['Task_Repeat', 'bpmn:ServiceTask', "with 'bpmn:StandardLoopCharacteristics' is not supported"]],
  ],
  [
    'more than one none start event',
    'multiple-none-start-events',
    [
      [
        'Process_Invalid',
        'bpmn:Process',
        'Multiple none start events are not allowed (StartEvent_Begin, StartEvent_Other)',
      ],
    ],
  ],
  [
    'a process without start event',
    'no-start-event',
    [['Process_Invalid', 'bpmn:Process', 'Must have at least one start event']],
  ],
  [
    'sub-processes without exactly one none start event',
    'sub-process-start-events',
    [
      ['StartEvent_Timer', 'bpmn:StartEvent', 'Start events in subprocesses must be of type none'],
      ['SubProcess_TwoStarts', 'bpmn:SubProcess', 'Must have exactly one start event (found 2)'],
    ],
  ],
  [
    'event sub-process start events that are none, non-interrupting errors or interrupting cycles',
    'event-sub-process-start-events',
    [
      [
        'StartEvent_None',
        'bpmn:StartEvent',
        'Start events in event subprocesses must be one of: message, timer, error, signal',
      ],
      ['StartEvent_ErrorNonInterrupting', 'bpmn:StartEvent', 'Non-interrupting error events are not allowed'],
      [
        'StartEvent_InterruptingCycle',
        'bpmn:StartEvent',
        'Interrupting timer event with time cycle is not allowed',
      ],
      ['EventSubProcess_Empty', 'bpmn:SubProcess', 'Must have exactly one start event (found 0)'],
    ],
  ],
  [
    'competing event sub-processes',
    'event-sub-process-competition',
    [
      [
        'Process_Invalid',
        'bpmn:Process',
        "Multiple message event definitions with the same name 'cancel' are not allowed",
      ],
      [
        'Process_Invalid',
        'bpmn:Process',
        'can not contain more than one error catch event without error code',
      ],
    ],
  ],
  [
    'job-based elements without a job type',
    'missing-job-type',
    [
      [
        'Task_NoDefinition',
        'bpmn:ServiceTask',
        "Must have exactly one 'zeebe:taskDefinition' extension element (found 0)",
      ],
      [
        'Task_EmptyType',
        'bpmn:ServiceTask',
        'Job type (zeebe:taskDefinition type): expected an expression but found none',
      ],
      ['Task_SendNothing', 'bpmn:SendTask', "Must have exactly one 'zeebe:taskDefinition'"],
      ['EndEvent_Message', 'bpmn:EndEvent', "Must have exactly one 'zeebe:taskDefinition'"],
    ],
  ],
  [
    'message catches without message, name or correlation key',
    'message-catch-requirements',
    [
      [
        'Event_NoSubscription',
        'bpmn:IntermediateCatchEvent',
        "Message 'Message_NoSubscription' must have exactly one zeebe:subscription",
      ],
      ['Task_ReceiveNothing', 'bpmn:ReceiveTask', 'Must reference a message'],
      ['Boundary_Nameless', 'bpmn:BoundaryEvent', "Message 'Message_Nameless' must have a name"],
    ],
  ],
  [
    'static correlation keys',
    'static-correlation-key',
    [
      [
        'Event_StaticKey',
        'bpmn:IntermediateCatchEvent',
        "expected an expression but found static value 'orderId'",
      ],
    ],
  ],
];

describe('parseBpmn rejects what Zeebe rejects: unsupported elements, start events, jobs and messages', () => {
  it.each(rules)('%s', async (_rule, name, expected) => {
    // given a diagram breaking the rule (fixtures/invalid/<name>.bpmn)
    // when it is parsed
    // then the rejection lists every problem, each with the element id and BPMN type
    await expectRejection(name, expected);
  });
});
