import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { processesDir } from '../../lib/paths';
import { userTaskFormIds } from '../../processes/diagram-facts';
import { type CamundaForm, loadForms } from '../forms/camunda-form';

/** Which form each user task shows, and the forms themselves, as deployed from processes/. */
export interface TaskForms {
  /** The `formId` linked by the task's element (`zeebe:formDefinition`), or null when none is. */
  formIdOf(task: { readonly processDefinitionId: string; readonly elementId: string }): string | null;
  formOf(formId: string): CamundaForm | undefined;
}

/**
 * Reads the diagrams (file name = process id) and the forms of `dir` once: the same files the
 * system deploys at start-up (lib/deploy-resources.ts), so a task's form is the one it was deployed with.
 */
export async function loadTaskForms(dir = processesDir()): Promise<TaskForms> {
  const diagrams = (await readdir(dir)).filter((file) => file.endsWith('.bpmn'));
  const formIds = new Map<string, Record<string, string | undefined>>();
  for (const file of diagrams) {
    const xml = await readFile(path.join(dir, file), 'utf8');
    formIds.set(path.basename(file, '.bpmn'), await userTaskFormIds(xml));
  }
  const forms = await loadForms(path.join(dir, 'forms'));
  return {
    formIdOf: (task) => formIds.get(task.processDefinitionId)?.[task.elementId] ?? null,
    formOf: (formId) => forms.get(formId),
  };
}
