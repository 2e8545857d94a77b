import { type Mapping } from './model';
import { childrenOf, textOf, type ModdleElement } from './moddle-element';
import { checkExpression, checkVariablePath } from './expression-checks';
import { singleExtension } from './read-extensions';
import { type Problems } from './problems';

export interface Mappings {
  readonly inputs: Mapping[];
  readonly outputs: Mapping[];
}

/**
 * `zeebe:ioMapping`. Input sources may be static (a string literal) and, since Camunda 8.8, absent
 * (the target is set to null); output sources must be FEEL. Targets are variable names or paths.
 */
export function readMappings(element: ModdleElement, problems: Problems): Mappings {
  const ioMapping = singleExtension(element, 'zeebe:IoMapping', problems);
  const inputs: Mapping[] = [];
  const outputs: Mapping[] = [];
  for (const input of childrenOf(ioMapping, 'inputParameters')) {
    const target = checkVariablePath(problems, element, 'Input mapping target', textOf(input, 'target'));
    const rawSource = textOf(input, 'source');
    const source =
      rawSource === undefined || rawSource.trim() === ''
        ? { feel: 'null' }
        : checkExpression(problems, element, 'Input mapping source', rawSource);
    if (target !== undefined && source !== undefined) inputs.push({ source, target });
  }
  for (const output of childrenOf(ioMapping, 'outputParameters')) {
    const target = checkVariablePath(problems, element, 'Output mapping target', textOf(output, 'target'));
    const source = checkExpression(problems, element, 'Output mapping source', textOf(output, 'source'), {
      mandatory: true,
      nonStatic: true,
    });
    if (target !== undefined && source !== undefined) outputs.push({ source, target });
  }
  return { inputs, outputs };
}
