import { parseBpmn } from '../../../../engine/bpmn/parse-bpmn';
import { ModelValidationError, type ModelProblem } from '../../../../engine/bpmn/model';
import { fixture } from './read-fixture';

/** [element id, BPMN type, part of the message]; no id for problems of the whole resource. */
export type Expected = readonly [string | undefined, string | undefined, string];

/** [what the rule forbids, fixture name in fixtures/invalid/, every problem the rejection lists]. */
export type Rule = readonly [string, string, readonly Expected[]];

export async function problemsOf(name: string): Promise<readonly ModelProblem[]> {
  const outcome = await parseBpmn(fixture(`invalid/${name}.bpmn`), `${name}.bpmn`).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof ModelValidationError))
    throw new Error(`expected ${name}.bpmn to be rejected with a ModelValidationError`);
  return outcome.problems;
}

export function problem([elementId, elementType, message]: Expected): Partial<ModelProblem> {
  return elementId === undefined
    ? { message: expect.stringContaining(message) }
    : { elementId, elementType, message: expect.stringContaining(message) };
}

export const notSupported = (id: string, type: string): Expected => [
  id,
  type,
  `Element '${id}' of type '${type}' is not supported by the embedded engine`,
];

/** given a diagram breaking the rule, when it is parsed, then exactly these problems are listed. */
export async function expectRejection(name: string, expected: readonly Expected[]): Promise<void> {
  const problems = await problemsOf(name);
  expect(problems).toEqual(expect.arrayContaining(expected.map(problem)));
  expect(problems).toHaveLength(expected.length);
}
