import { ModelValidationError, type ProcessModel } from './model';
import { childrenOf, flagOf } from './moddle-element';
import { readDefinitions } from './load-moddle';
import { buildProcess } from './build-process';
import { validateProcesses } from './validate-process';
import { toProcessModel } from './to-model';
import { Problems } from './problems';

/**
 * Turns a deployed BPMN resource into the executable model of each of its executable processes
 * (pools of a collaboration included), validated as Zeebe (Camunda 8.8) validates a deployment.
 *
 * @throws ModelValidationError listing every problem found: malformed XML, unknown elements or
 *   attributes, unresolved references, elements the embedded engine does not support, and
 *   violations of Zeebe's deployment rules.
 */
export async function parseBpmn(xml: string, resourceName: string): Promise<ProcessModel[]> {
  const { definitions, warnings } = await readDefinitions(xml, resourceName);
  const problems = new Problems();
  warnings.forEach((warning) => problems.add(warning));
  const processes = childrenOf(definitions, 'rootElements').filter(
    (element) => element.$type === 'bpmn:Process' && flagOf(element, 'isExecutable') === true,
  );
  if (processes.length === 0) problems.file('Must contain at least one executable process');
  const drafts = processes.map((process) => buildProcess(process, problems));
  validateProcesses(drafts, problems);
  if (!problems.isEmpty) throw new ModelValidationError(resourceName, problems.list);
  return drafts.map(toProcessModel);
}
