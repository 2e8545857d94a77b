import { parseBpmn } from '../../../../engine/bpmn/parse-bpmn';
import { ModelValidationError } from '../../../../engine/bpmn/model';
import { fixture } from './read-fixture';
import { expectRejection, type Rule } from './rejection-expectations';

// Each fixture breaks one rule (sometimes in several ways); the rejection lists exactly those problems.
const rules: readonly Rule[] = [
  [
    'event-based gateways with one flow, other targets, shared targets or conditions',
    'event-based-gateway',
    [
      [
        'Gateway_Await',
        'bpmn:EventBasedGateway',
        'Event-based gateway must have at least 2 outgoing sequence flows',
      ],
      [
        'Gateway_Await',
        'bpmn:EventBasedGateway',
        'other elements than message/timer/signal intermediate catch events (Task_NotAnEvent)',
      ],
      [
        'Gateway_Shared',
        'bpmn:EventBasedGateway',
        'must not have any additional incoming sequence flows (Timer_Shared)',
      ],
      [
        'Gateway_Shared',
        'bpmn:EventBasedGateway',
        'Conditional sequence flows are only supported at exclusive or inclusive gateways',
      ],
    ],
  ],
  [
    'conditions on flows not leaving a gateway',
    'condition-not-at-gateway',
    [
      [
        'Task_Decide',
        'bpmn:ServiceTask',
        'Conditional sequence flows are only supported at exclusive or inclusive gateways',
      ],
    ],
  ],
  [
    'forking gateway flows without condition',
    'gateway-conditions',
    [
      [
        'Flow_NoCondition',
        'bpmn:SequenceFlow',
        "Must have a condition or be the default flow of gateway 'Gateway_Exclusive'",
      ],
      [
        'Flow_InclusiveNoCondition',
        'bpmn:SequenceFlow',
        "Must have a condition or be the default flow of gateway 'Gateway_Inclusive'",
      ],
    ],
  ],
  [
    'default flows with a condition or leaving another element',
    'default-flow',
    [
      [
        'Flow_DefaultWithCondition',
        'bpmn:SequenceFlow',
        "The default flow of gateway 'Gateway_Check' must not have a condition",
      ],
      ['Gateway_Foreign', 'bpmn:ExclusiveGateway', "Default flow 'Flow_1' must start at this element"],
    ],
  ],
  [
    'straight-through processing loops',
    'straight-through-loop',
    [
      [
        'Process_Invalid',
        'bpmn:Process',
        'Processes are not allowed to contain a straight-through processing loop: Task_Count > Gateway_More > Gateway_Again > Task_Count',
      ],
    ],
  ],
  [
    'end events with outgoing flows',
    'end-event-with-outgoing',
    [['EndEvent_Leaky', 'bpmn:EndEvent', 'End events must not have outgoing sequence flows']],
  ],
  [
    'sequence flows between scopes',
    'sequence-flow-across-scopes',
    [['Flow_IntoSubProcess', 'bpmn:SequenceFlow', 'Sequence flow must connect elements of the same scope']],
  ],
];

describe('parseBpmn rejects what Zeebe rejects: sequence flows and gateways', () => {
  it.each(rules)('%s', async (_rule, name, expected) => {
    // given a diagram breaking the rule (fixtures/invalid/<name>.bpmn)
    // when it is parsed
    // then the rejection lists every problem, each with the element id and BPMN type
    await expectRejection(name, expected);
  });
});

describe('parseBpmn: one rejection for all problems', () => {
  it('lists every problem of the resource, not just the first', async () => {
    // given a diagram with an unsupported gateway, a task without job type and a broken condition
    const xml = fixture('invalid/many-problems.bpmn');
    // when it is parsed
    const error = await parseBpmn(xml, 'many-problems.bpmn').catch((caught: unknown) => caught);
    // then one ModelValidationError names the resource and each element
    expect(error).toBeInstanceOf(ModelValidationError);
    const rejection = error as ModelValidationError;
    expect(rejection.resourceName).toBe('many-problems.bpmn');
    expect(rejection.problems.map((problem) => problem.elementId)).toEqual([
      'Gateway_Complex',
      'Task_NoType',
      'Flow_Broken',
    ]);
    expect(rejection.message).toContain(
      "'many-problems.bpmn': - Element: Gateway_Complex (bpmn:ComplexGateway): Element 'Gateway_Complex'",
    );
    expect(rejection.message).toContain('- Element: Task_NoType (bpmn:ServiceTask):');
    expect(rejection.message).toContain('- Element: Flow_Broken (bpmn:SequenceFlow):');
  });
});
