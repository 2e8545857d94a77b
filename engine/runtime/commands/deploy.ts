import { createHash } from 'node:crypto';
import { type FormModel, type ProcessModel } from '../../bpmn/model';
import { evaluateString } from '../../feel/evaluate';
import { evaluateTimer } from '../../feel/timer';
import { rejected } from '../rejection';
import { record, type Runtime } from '../runtime';
import { DEFAULT_TENANT, type FormDefinition, type ProcessDefinition } from '../state/entities';

/** A resource after parsing (done before the command, as it is asynchronous). */
export type ParsedResource =
  | {
      readonly kind: 'bpmn';
      readonly name: string;
      readonly content: string;
      readonly processes: readonly ProcessModel[];
    }
  | { readonly kind: 'form'; readonly name: string; readonly content: string; readonly form: FormModel };

export interface DeploymentResult {
  readonly key: number;
  readonly processes: readonly ProcessDefinition[];
  readonly forms: readonly FormDefinition[];
}

export const checksum = (content: string) => createHash('md5').update(content).digest('hex');

/**
 * Deploys parsed resources atomically. Unchanged resources (same content and name as the latest
 * version) keep their version, unless something else in the deployment changed: then all resources
 * of the deployment get a new version, as in Zeebe.
 */
export function deploy(rt: Runtime, resources: readonly ParsedResource[]): DeploymentResult {
  checkDuplicateIds(resources);
  const startNames = new Map<ProcessModel, ReturnType<typeof startEventNames>>();
  for (const resource of resources) {
    if (resource.kind === 'bpmn')
      for (const model of resource.processes) startNames.set(model, startEventNames(model, resource.name));
  }
  const key = rt.state.newKey();
  const now = rt.clock.now();
  const unchanged = resources.every((resource) => isDuplicate(rt, resource));
  const processes: ProcessDefinition[] = [];
  const forms: FormDefinition[] = [];
  rt.state.write({
    text: 'INSERT INTO {schema}.deployment (key, created_at, tenant_id) VALUES ($1, $2, $3)',
    values: [key, now, DEFAULT_TENANT],
  });
  for (const resource of resources) {
    if (resource.kind === 'bpmn') {
      for (const model of resource.processes) {
        const latest = rt.state.latestDefinition(model.id);
        if (unchanged && latest) processes.push(latest);
        else processes.push(addProcess(rt, resource, model, key, now, startNames.get(model)!));
      }
    } else {
      const latest = rt.state.latestForm(resource.form.formId);
      if (unchanged && latest) forms.push(latest);
      else forms.push(addForm(rt, resource, key, now));
    }
  }
  record(rt, 'DEPLOYMENT', 'CREATED', key, undefined, {
    resources: resources.map((r) => r.name),
    processes: processes.map((p) => `${p.bpmnProcessId}:${p.version}`),
  });
  return { key, processes, forms };
}

function checkDuplicateIds(resources: readonly ParsedResource[]): void {
  const seen = new Map<string, string>();
  for (const resource of resources) {
    const ids =
      resource.kind === 'bpmn'
        ? resource.processes.map((p) => `process:${p.id}`)
        : [`form:${resource.form.formId}`];
    for (const id of ids) {
      const other = seen.get(id);
      if (other !== undefined) {
        const what = id.startsWith('process:') ? 'process' : 'form';
        throw rejected(
          'CREATE',
          'INVALID_ARGUMENT',
          `Expected to deploy new resources, but encountered the following errors:\nDuplicated ${what} id in resources '${other}' and '${resource.name}'`,
        );
      }
      seen.set(id, resource.name);
    }
  }
}

function isDuplicate(rt: Runtime, resource: ParsedResource): boolean {
  const sum = checksum(resource.content);
  if (resource.kind === 'form') {
    const latest = rt.state.latestForm(resource.form.formId);
    return latest !== undefined && latest.checksum === sum && latest.resourceName === resource.name;
  }
  return resource.processes.every((model) => {
    const latest = rt.state.latestDefinition(model.id);
    return latest !== undefined && latest.checksum === sum && latest.resourceName === resource.name;
  });
}

function addProcess(
  rt: Runtime,
  resource: Extract<ParsedResource, { kind: 'bpmn' }>,
  model: ProcessModel,
  deploymentKey: number,
  now: number,
  names: ReturnType<typeof startEventNames>,
): ProcessDefinition {
  const previous = rt.state.latestDefinition(model.id);
  const definition: ProcessDefinition = {
    key: rt.state.newKey(),
    bpmnProcessId: model.id,
    version: (previous?.version ?? 0) + 1,
    ...(model.versionTag ? { versionTag: model.versionTag } : {}),
    ...(model.name ? { name: model.name } : {}),
    resourceName: resource.name,
    checksum: checksum(resource.content),
    xml: resource.content,
    deploymentKey,
    createdAt: now,
    tenantId: DEFAULT_TENANT,
    model,
    messageStartNames: names.message,
    signalStartNames: names.signal,
  };
  rt.state.addDefinition(definition);
  rt.state.write({
    text: `INSERT INTO {schema}.process_definition
           (key, bpmn_process_id, version, version_tag, name, resource_name, checksum, xml, deployment_key, created_at, tenant_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    values: [
      definition.key,
      definition.bpmnProcessId,
      definition.version,
      definition.versionTag ?? null,
      definition.name ?? null,
      definition.resourceName,
      definition.checksum,
      definition.xml,
      deploymentKey,
      now,
      definition.tenantId,
    ],
  });
  record(rt, 'PROCESS', 'CREATED', definition.key, undefined, {
    bpmnProcessId: model.id,
    version: definition.version,
  });
  replaceStartTimers(rt, previous, definition);
  return definition;
}

function addForm(
  rt: Runtime,
  resource: Extract<ParsedResource, { kind: 'form' }>,
  deploymentKey: number,
  now: number,
): FormDefinition {
  const previous = rt.state.latestForm(resource.form.formId);
  const form: FormDefinition = {
    key: rt.state.newKey(),
    formId: resource.form.formId,
    version: (previous?.version ?? 0) + 1,
    resourceName: resource.name,
    checksum: checksum(resource.content),
    schema: resource.form.schema,
    deploymentKey,
    createdAt: now,
    tenantId: DEFAULT_TENANT,
  };
  rt.state.addForm(form);
  rt.state.write({
    text: `INSERT INTO {schema}.form (key, form_id, version, resource_name, checksum, schema, deployment_key, created_at, tenant_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    values: [
      form.key,
      form.formId,
      form.version,
      form.resourceName,
      form.checksum,
      form.schema,
      deploymentKey,
      now,
      form.tenantId,
    ],
  });
  record(rt, 'FORM', 'CREATED', form.key, undefined, { formId: form.formId, version: form.version });
  return form;
}

/** A new version replaces the timer start events of the previous one. */
function replaceStartTimers(
  rt: Runtime,
  previous: ProcessDefinition | undefined,
  next: ProcessDefinition,
): void {
  if (previous) {
    for (const key of [...rt.state.startTimersOf.keys(String(previous.key))]) {
      rt.state.timers.remove(key);
      record(rt, 'TIMER', 'CANCELED', key, undefined, { processDefinitionKey: previous.key });
    }
  }
  for (const elementId of next.model.startEvents.timer) {
    const event = next.model.nodes.get(elementId)!.event;
    if (event?.kind !== 'timer') continue;
    const timer = evaluateTimer(event.timerType, event.value, {}, rt.clock.now());
    if (!timer.ok)
      throw rejected(
        'CREATE',
        'INVALID_ARGUMENT',
        `Expected to deploy new resources, but encountered the following errors:\n'${next.resourceName}': - Element: ${elementId}\n    - ERROR: ${timer.message}`,
      );
    const key = rt.state.newKey();
    rt.state.timers.insert({
      key,
      dueAt: timer.value.dueAt,
      repetitions: timer.value.repetitions,
      ...(timer.value.cycle === undefined ? {} : { cycle: timer.value.cycle }),
      elementId,
      processDefinitionKey: next.key,
      tenantId: next.tenantId,
    });
    record(rt, 'TIMER', 'CREATED', key, undefined, {
      elementId,
      dueDate: timer.value.dueAt,
      processDefinitionKey: next.key,
    });
  }
  rt.state.afterCommit(() => rt.notify.scheduleChanged());
}

/**
 * Message and signal start event names are evaluated once, at deployment, without variables.
 * Also used when definitions are reloaded at start-up.
 */
export function startEventNames(model: ProcessModel, resourceName: string) {
  const message: Record<string, string> = {};
  const signal: Record<string, string> = {};
  for (const [kind, ids] of [
    ['message', model.startEvents.message],
    ['signal', model.startEvents.signal],
  ] as const) {
    for (const elementId of ids) {
      const event = model.nodes.get(elementId)!.event;
      const expression =
        event?.kind === 'message'
          ? event.messageName
          : event?.kind === 'signal'
            ? event.signalName
            : undefined;
      if (!expression) continue;
      const name = evaluateString(expression, {});
      if (!name.ok) {
        throw rejected(
          'CREATE',
          'INVALID_ARGUMENT',
          `Expected to deploy new resources, but encountered the following errors:\n'${resourceName}': - Element: ${elementId}\n    - ERROR: ${name.message}`,
        );
      }
      (kind === 'message' ? message : signal)[elementId] = name.value;
    }
  }
  return { message, signal };
}
