import { type MultiInstanceDefinition } from './model';
import { bodyOf, childOf, flagOf, nonBlankTextOf, type ModdleElement } from './moddle-element';
import { checkExpression } from './expression-checks';
import { extensionsOfType } from './read-extensions';
import { optional } from './optional-fields';
import { type Problems } from './problems';

/**
 * `bpmn:multiInstanceLoopCharacteristics` with its `zeebe:loopCharacteristics`: an input collection
 * (FEEL), optional input element, output collection + output element (both or neither) and an
 * optional completion condition. Standard loops are not supported.
 */
export function readLoop(activity: ModdleElement, problems: Problems): MultiInstanceDefinition | undefined {
  const loop = childOf(activity, 'loopCharacteristics');
  if (!loop) return undefined;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    problems.unsupported(activity, `'${loop.$type}'`);
    return undefined;
  }
  if (extensionsOfType(loop, 'zeebe:ExecutionListeners').length > 0) {
    problems.unsupported(
      activity,
      'execution listeners on its multi-instance body (zeebe:executionListeners)',
    );
  }
  const zeebeLoops = extensionsOfType(loop, 'zeebe:LoopCharacteristics');
  if (zeebeLoops.length !== 1) {
    problems.at(
      activity,
      "Multi-instance must have exactly one 'zeebe:loopCharacteristics' extension element",
    );
    return undefined;
  }
  const zeebeLoop = zeebeLoops[0];
  const inputCollection = checkExpression(
    problems,
    activity,
    'Multi-instance input collection',
    nonBlankTextOf(zeebeLoop, 'inputCollection'),
    {
      mandatory: true,
      nonStatic: true,
    },
  );
  const outputCollection = nonBlankTextOf(zeebeLoop, 'outputCollection');
  const rawOutputElement = nonBlankTextOf(zeebeLoop, 'outputElement');
  if ((outputCollection === undefined) !== (rawOutputElement === undefined)) {
    problems.at(
      activity,
      "Multi-instance attributes 'outputCollection' and 'outputElement' must be set together",
    );
  }
  const outputElement = checkExpression(
    problems,
    activity,
    'Multi-instance output element',
    rawOutputElement,
    { nonStatic: true },
  );
  const completionCondition = checkExpression(
    problems,
    activity,
    'Multi-instance completion condition',
    bodyOf(loop, 'completionCondition'),
  );
  if (!inputCollection) return undefined;
  return {
    sequential: flagOf(loop, 'isSequential') === true,
    inputCollection,
    ...optional('inputElement', nonBlankTextOf(zeebeLoop, 'inputElement')),
    ...optional('outputCollection', outputCollection),
    ...optional('outputElement', outputElement),
    ...optional('completionCondition', completionCondition),
  };
}
