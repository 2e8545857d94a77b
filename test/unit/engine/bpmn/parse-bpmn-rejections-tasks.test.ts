import { expectRejection, type Rule } from './rejection-expectations';

// Each fixture breaks one rule (sometimes in several ways); the rejection lists exactly those problems.
const rules: readonly Rule[] = [
  [
    'call activities without a called process',
    'call-activity-without-process-id',
    [
      [
        'Call_Nothing',
        'bpmn:CallActivity',
        'Called process id (zeebe:calledElement processId): expected an expression but found none',
      ],
      [
        'Call_NoElement',
        'bpmn:CallActivity',
        "Must have exactly one 'zeebe:calledElement' extension element",
      ],
    ],
  ],
  [
    'multi-instance without a FEEL input collection, or with half an output',
    'multi-instance',
    [
      [
        'Task_NoCollection',
        'bpmn:ServiceTask',
        'Multi-instance input collection: expected an expression but found none',
      ],
      [
        'Task_StaticCollection',
        'bpmn:ServiceTask',
        "Multi-instance input collection: expected an expression but found static value 'items'",
      ],
      [
        'Task_OutputWithoutElement',
        'bpmn:ServiceTask',
        "'outputCollection' and 'outputElement' must be set together",
      ],
      [
        'Task_NoZeebeLoop',
        'bpmn:ServiceTask',
        "Multi-instance must have exactly one 'zeebe:loopCharacteristics' extension element",
      ],
    ],
  ],
  [
    'script tasks without a complete zeebe:script or a job',
    'script-task',
    [
      [
        'Task_NoResult',
        'bpmn:ScriptTask',
        "Attribute 'resultVariable' of zeebe:script must be present and not empty",
      ],
      [
        'Task_StaticScript',
        'bpmn:ScriptTask',
        "Script expression: expected an expression but found static value '1 + 1'",
      ],
      [
        'Task_Both',
        'bpmn:ScriptTask',
        "Must have either one 'zeebe:script' or one 'zeebe:taskDefinition' extension element",
      ],
      [
        'Task_Neither',
        'bpmn:ScriptTask',
        "Must have either one 'zeebe:script' or one 'zeebe:taskDefinition' extension element",
      ],
    ],
  ],
  [
    'FEEL that does not parse',
    'invalid-feel',
    [
      ['Flow_BrokenCondition', 'bpmn:SequenceFlow', "Condition '=amount >' is not a valid FEEL expression"],
      [
        'Task_BrokenMappings',
        'bpmn:ServiceTask',
        "Input mapping source '=if x then' is not a valid FEEL expression",
      ],
      [
        'Task_BrokenMappings',
        'bpmn:ServiceTask',
        "Output mapping source '=)' is not a valid FEEL expression",
      ],
      [
        'Task_BrokenMappings',
        'bpmn:ServiceTask',
        "Multi-instance input collection '=[1, 2' is not a valid FEEL expression",
      ],
      [
        'Task_BrokenMappings',
        'bpmn:ServiceTask',
        "Multi-instance output element '=}' is not a valid FEEL expression",
      ],
      [
        'Task_BrokenMappings',
        'bpmn:ServiceTask',
        `Job type (zeebe:taskDefinition type) '="unclosed' is not a valid FEEL expression`,
      ],
    ],
  ],
  [
    'mapping targets that are not variable paths, static output sources',
    'mapping-targets',
    [
      [
        'Task_BadTargets',
        'bpmn:ServiceTask',
        "Input mapping target 'my-var' is not a valid variable name or path",
      ],
      ['Task_BadTargets', 'bpmn:ServiceTask', "Input mapping target 'then' is a reserved word"],
      [
        'Task_BadTargets',
        'bpmn:ServiceTask',
        "Output mapping target 'order..total' is not a valid variable name or path",
      ],
      [
        'Task_BadTargets',
        'bpmn:ServiceTask',
        "Output mapping source: expected an expression but found static value 'static'",
      ],
    ],
  ],
  [
    'reserved or duplicate task header keys',
    'task-headers',
    [
      ['Task_Headers', 'bpmn:ServiceTask', "Task header key 'io.camunda.zeebe:assignee' is reserved"],
      ['Task_Headers', 'bpmn:ServiceTask', "Task headers contain duplicate entries for key 'region'"],
    ],
  ],
  [
    'invalid Camunda user task properties',
    'camunda-user-task',
    [
      ['Task_FormKey', 'bpmn:UserTask', "Exactly one of the attributes 'formId, externalReference'"],
      [
        'Task_FormKey',
        'bpmn:UserTask',
        "Attribute 'formKey' of zeebe:formDefinition is not supported on Camunda user tasks",
      ],
      ['Task_Priority', 'bpmn:UserTask', "Priority must be a number between 0 and 100, but was '101'"],
      [
        'Task_DueDate',
        'bpmn:UserTask',
        "Due date must be an ISO 8601 date-time with offset, e.g. '2023-03-02T15:35+02:00', but found 'next friday'",
      ],
      [
        'Task_Candidates',
        'bpmn:UserTask',
        "Candidate groups must be a list of comma-separated values, e.g. 'a,b,c', but found 'sales,,support'",
      ],
      [
        'Task_Binding',
        'bpmn:UserTask',
        "with form binding type 'deployment' is not supported by the embedded engine",
      ],
    ],
  ],
  [
    'FEEL assignment and linked forms on job worker user tasks',
    'job-worker-user-task',
    [
      [
        'Task_FeelAssignee',
        'bpmn:UserTask',
        'with a FEEL assignee on a job worker user task is not supported by the embedded engine; add zeebe:userTask',
      ],
      [
        'Task_LinkedForm',
        'bpmn:UserTask',
        'with a linked form (formId) on a job worker user task is not supported',
      ],
    ],
  ],
];

describe('parseBpmn rejects what Zeebe rejects: tasks and expressions', () => {
  it.each(rules)('%s', async (_rule, name, expected) => {
    // given a diagram breaking the rule (fixtures/invalid/<name>.bpmn)
    // when it is parsed
    // then the rejection lists every problem, each with the element id and BPMN type
    await expectRejection(name, expected);
  });
});
