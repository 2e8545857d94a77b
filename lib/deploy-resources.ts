import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Zeebe } from '@camunda8/sdk';
import type { Logger } from './logger';

type Resource = Parameters<Zeebe.ZeebeGrpcClient['deployResources']>[0][number];

export interface DeployedResources {
  /** `processId` → version, as the engine numbered them. */
  readonly processes: Readonly<Record<string, number>>;
  /** `formId` → version. */
  readonly forms: Readonly<Record<string, number>>;
}

const KINDS = { '.bpmn': 'processFilename', '.form': 'formFilename' } as const;

/** Every .bpmn and .form file under `dir` (recursively), sorted; none when the folder is missing. */
export async function findDeployableResources(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile() && path.extname(entry.name) in KINDS)
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Deploys every diagram and form under `dir` in one deployment (atomic: all or none, so a user task
 * always finds its form). An unchanged resource keeps its version: deploying at every start is safe.
 */
export async function deployResources(
  zeebe: Zeebe.ZeebeGrpcClient,
  dir: string,
  log: Logger,
): Promise<DeployedResources> {
  const files = await findDeployableResources(dir);
  if (files.length === 0) {
    log.info({ dir }, 'deploy: no .bpmn or .form files, nothing to deploy');
    return { processes: {}, forms: {} };
  }
  const resources = files.map(
    (file) => ({ [KINDS[path.extname(file) as keyof typeof KINDS]]: file }) as Resource,
  );
  const response = await zeebe.deployResources(resources);
  const deployed = summarize(response.deployments as DeploymentEntry[]);
  log.info({ dir, deploymentKey: response.key, ...deployed }, 'deploy: resources deployed');
  return deployed;
}

/** What the gateway reports per deployed resource (decisions are not used here). */
interface DeploymentEntry {
  readonly process?: { readonly bpmnProcessId: string; readonly version: number };
  readonly form?: { readonly formId: string; readonly version: number };
}

function summarize(deployments: readonly DeploymentEntry[]): DeployedResources {
  const processes: Record<string, number> = {};
  const forms: Record<string, number> = {};
  for (const { process, form } of deployments) {
    if (process) processes[process.bpmnProcessId] = process.version;
    if (form) forms[form.formId] = form.version;
  }
  return { processes, forms };
}
