import { type JobDefinition } from './model';
import { childrenOf, textOf, type ModdleElement } from './moddle-element';
import { checkExpression } from './expression-checks';
import { extensionsOfType, singleExtension } from './read-extensions';
import { type Problems } from './problems';

/** Header keys with this prefix are reserved for the engine (user task headers and the like). */
export const RESERVED_HEADER_PREFIX = 'io.camunda.zeebe:';

/**
 * `zeebe:taskDefinition` of a job-based element: a non-empty job type, retries (default "3").
 * Returns undefined (and reports it) when the element has none.
 */
export function readJob(element: ModdleElement, problems: Problems): JobDefinition | undefined {
  const definitions = extensionsOfType(element, 'zeebe:TaskDefinition');
  if (definitions.length !== 1) {
    problems.at(
      element,
      `Must have exactly one 'zeebe:taskDefinition' extension element (found ${definitions.length})`,
    );
    return undefined;
  }
  const definition = definitions[0];
  const type = checkExpression(
    problems,
    element,
    'Job type (zeebe:taskDefinition type)',
    textOf(definition, 'type'),
    { mandatory: true },
  );
  const rawRetries = textOf(definition, 'retries');
  const retries =
    rawRetries === undefined
      ? { static: '3' }
      : checkExpression(problems, element, 'Job retries (zeebe:taskDefinition retries)', rawRetries, {
          mandatory: true,
        });
  const headers = readHeaders(element, problems);
  return type && retries ? { type, retries, headers } : undefined;
}

/**
 * `zeebe:taskHeaders`: static key/value pairs. Like Zeebe, entries with an empty key or value are
 * dropped; reserved and duplicate keys are problems.
 */
export function readHeaders(element: ModdleElement, problems: Problems): Record<string, string> {
  const headers: Record<string, string> = {};
  const taskHeaders = singleExtension(element, 'zeebe:TaskHeaders', problems);
  for (const header of childrenOf(taskHeaders, 'values')) {
    const key = textOf(header, 'key');
    const value = textOf(header, 'value');
    if (!key || !value) continue;
    if (key.startsWith(RESERVED_HEADER_PREFIX)) {
      problems.at(
        element,
        `Task header key '${key}' is reserved: keys starting with '${RESERVED_HEADER_PREFIX}' are for internal use`,
      );
    } else if (Object.hasOwn(headers, key)) {
      problems.at(element, `Task headers contain duplicate entries for key '${key}'`);
    } else {
      headers[key] = value;
    }
  }
  return headers;
}
