import { expectRejection, type Rule } from './rejection-expectations';

// Each fixture breaks one rule (sometimes in several ways); the rejection lists exactly those problems.
const rules: readonly Rule[] = [
  [
    'timers with several or misplaced kinds, invalid static values, or start timers needing variables',
    'timer-definitions',
    [
      [
        'Timer_TwoKinds',
        'bpmn:IntermediateCatchEvent',
        'Must be exactly one type of timer: timeDuration, timeDate or timeCycle',
      ],
      [
        'Timer_IntermediateCycle',
        'bpmn:IntermediateCatchEvent',
        'Intermediate timer catch event must have either a time duration or a time date',
      ],
      ['Timer_BadDuration', 'bpmn:IntermediateCatchEvent', "Invalid timer duration 'five minutes'"],
      [
        'Timer_InterruptingCycle',
        'bpmn:BoundaryEvent',
        'Interrupting timer event with time cycle is not allowed',
      ],
      ['Timer_BadDate', 'bpmn:BoundaryEvent', "Invalid timer date 'tomorrow'"],
      [
        'Timer_StartNeedsVariable',
        'bpmn:StartEvent',
        "Invalid timer cycle expression '=reportCycle': a process timer start event is scheduled on deployment",
      ],
    ],
  ],
  [
    'boundary events off activities, entered by flows, or non-interrupting errors',
    'boundary-event-attachment',
    [
      [
        'Boundary_OnGateway',
        'bpmn:BoundaryEvent',
        "Must be attached to an activity, but is attached to 'Gateway_Split' (PARALLEL_GATEWAY)",
      ],
      ['Boundary_Floating', 'bpmn:BoundaryEvent', 'Must be attached to an activity'],
      ['Boundary_Entered', 'bpmn:BoundaryEvent', 'Boundary events cannot have incoming sequence flows'],
      [
        'Boundary_ErrorNonInterrupting',
        'bpmn:BoundaryEvent',
        'Non-interrupting error events are not allowed',
      ],
    ],
  ],
  [
    'competing boundary events',
    'competing-boundary-events',
    [
      [
        'Task_Busy',
        'bpmn:ServiceTask',
        "Multiple message event definitions with the same name 'cancel' are not allowed",
      ],
      ['Task_Busy', 'bpmn:ServiceTask', "Multiple error catch events with the same error code 'FAILED'"],
      [
        'Task_AwaitCancel',
        'bpmn:ReceiveTask',
        "Cannot reference the same message name 'cancel' as a boundary event",
      ],
    ],
  ],
  [
    'link throws without catch in their scope, duplicate or nameless link catches',
    'link-events',
    [
      [
        'Link_ThrowNowhere',
        'bpmn:IntermediateThrowEvent',
        "Can't find a catch link event with the name 'nowhere' in the same scope",
      ],
      [
        'Link_ThrowIntoSubProcess',
        'bpmn:IntermediateThrowEvent',
        "Can't find a catch link event with the name 'inside' in the same scope",
      ],
      [
        'Link_CatchAgainToo',
        'bpmn:IntermediateCatchEvent',
        "Multiple intermediate catch link event definitions with the same name 'again'",
      ],
      ['Link_Nameless', 'bpmn:IntermediateCatchEvent', 'Link name must be present and not empty'],
    ],
  ],
  [
    'error end events without error code, error catch events with a FEEL code',
    'error-events',
    [
      [
        'Boundary_FeelCode',
        'bpmn:BoundaryEvent',
        'The errorCode of the error catch event is not allowed to be an expression',
      ],
      ['EndEvent_NoError', 'bpmn:EndEvent', 'Must reference an error'],
      ['EndEvent_NoCode', 'bpmn:EndEvent', "Error 'Error_NoCode' must have an errorCode"],
    ],
  ],
  [
    'process message start events with a non-constant or repeated name',
    'process-start-messages',
    [
      [
        'StartEvent_Dynamic',
        'bpmn:StartEvent',
        `Message name '=prefix + "-order"' must be a constant expression of type string`,
      ],
      [
        'Process_Invalid',
        'bpmn:Process',
        "Multiple message event definitions with the same name 'order' are not allowed",
      ],
    ],
  ],
];

describe('parseBpmn rejects what Zeebe rejects: events', () => {
  it.each(rules)('%s', async (_rule, name, expected) => {
    // given a diagram breaking the rule (fixtures/invalid/<name>.bpmn)
    // when it is parsed
    // then the rejection lists every problem, each with the element id and BPMN type
    await expectRejection(name, expected);
  });
});
