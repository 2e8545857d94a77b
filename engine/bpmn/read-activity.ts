import { type CallActivityDefinition } from './model';
import {
  childOf,
  explicitTextOf,
  flagOf,
  nonBlankTextOf,
  textOf,
  type ModdleElement,
} from './moddle-element';
import { checkExpression } from './expression-checks';
import { extensionsOfType } from './read-extensions';
import { readMessage } from './read-event-triggers';
import { readJob } from './read-job';
import { readLoop } from './read-loop';
import { isCamundaUserTask, readCamundaUserTask } from './read-user-task';
import { readJobWorkerUserTask } from './read-job-worker-user-task';
import { type NodeDraft } from './process-draft';
import { type Problems } from './problems';

/** What each kind of activity needs: a job, a script, a user task, a message, a called process; multi-instance. */
export function readActivity(element: ModdleElement, node: NodeDraft, problems: Problems): void {
  if (flagOf(element, 'isForCompensation') === true)
    problems.unsupported(element, 'compensation (isForCompensation)');
  node.multiInstance = readLoop(element, problems);
  switch (node.type) {
    case 'SERVICE_TASK':
    case 'SEND_TASK':
      node.job = readJob(element, problems);
      break;
    case 'BUSINESS_RULE_TASK':
      // zeebe:calledDecision (DMN) is reported as unsupported with the other extensions.
      if (extensionsOfType(element, 'zeebe:CalledDecision').length === 0)
        node.job = readJob(element, problems);
      break;
    case 'SCRIPT_TASK':
      readScriptTask(element, node, problems);
      break;
    case 'USER_TASK':
      if (isCamundaUserTask(element)) node.userTask = readCamundaUserTask(element, problems);
      else node.job = readJobWorkerUserTask(element, problems);
      break;
    case 'RECEIVE_TASK':
      node.event = readMessage(element, childOf(element, 'messageRef'), 'catch', problems);
      break;
    case 'CALL_ACTIVITY':
      node.callActivity = readCallActivity(element, problems);
      break;
    default:
  }
}

/** Either `zeebe:script` (FEEL expression + result variable, evaluated by the engine) or a job. */
function readScriptTask(element: ModdleElement, node: NodeDraft, problems: Problems): void {
  const scripts = extensionsOfType(element, 'zeebe:Script');
  const jobs = extensionsOfType(element, 'zeebe:TaskDefinition');
  if (scripts.length + jobs.length !== 1) {
    problems.at(
      element,
      "Must have either one 'zeebe:script' or one 'zeebe:taskDefinition' extension element",
    );
    return;
  }
  if (jobs.length === 1) {
    node.job = readJob(element, problems);
    return;
  }
  const script = scripts[0];
  const expression = checkExpression(problems, element, 'Script expression', textOf(script, 'expression'), {
    mandatory: true,
    nonStatic: true,
  });
  const resultVariable = nonBlankTextOf(script, 'resultVariable');
  if (resultVariable === undefined)
    problems.at(element, "Attribute 'resultVariable' of zeebe:script must be present and not empty");
  if (expression && resultVariable !== undefined) node.script = { expression, resultVariable };
}

/** `zeebe:calledElement`: the process id (static or FEEL) and the variable propagation flags (default true). */
function readCallActivity(element: ModdleElement, problems: Problems): CallActivityDefinition | undefined {
  const calledElements = extensionsOfType(element, 'zeebe:CalledElement');
  if (calledElements.length !== 1) {
    problems.at(element, "Must have exactly one 'zeebe:calledElement' extension element");
    return undefined;
  }
  const calledElement = calledElements[0];
  const bindingType = explicitTextOf(calledElement, 'bindingType');
  if (bindingType !== undefined && bindingType !== 'latest') {
    problems.unsupported(
      element,
      `called element binding type '${bindingType}'`,
      'the latest version of the called process is always used',
    );
  }
  const processId = checkExpression(
    problems,
    element,
    'Called process id (zeebe:calledElement processId)',
    textOf(calledElement, 'processId'),
    {
      mandatory: true,
    },
  );
  if (!processId) return undefined;
  return {
    processId,
    propagateAllChildVariables: flagOf(calledElement, 'propagateAllChildVariables') !== false,
    propagateAllParentVariables: flagOf(calledElement, 'propagateAllParentVariables') !== false,
  };
}
