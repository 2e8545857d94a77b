import { Zeebe } from '@camunda8/sdk';
import { type RunningEngine } from '../engine';

export const TASKS = 10;
const PROCESS_ID = 'bench-ten-tasks';
const CREATE_CONCURRENCY = 32;

export interface WorkloadOptions {
  readonly instances: number;
  /** Stop waiting after this long (the figures then cover what finished). */
  readonly capMs: number;
  /** Jobs per activation (and the most a worker holds at once). */
  readonly jobsPerActivation: number;
  /** Instances started per second; undefined = as fast as the engine takes them. */
  readonly rate?: number;
}

export interface WorkloadResult {
  readonly completedInstances: number;
  readonly completedJobs: number;
  readonly elapsedMs: number;
  readonly cappedOut: boolean;
  readonly instanceKeys: readonly string[];
  /** When each job (by key) reached its worker's handler, epoch ms. */
  readonly received: ReadonlyMap<string, number>;
}

/** A process of ten service tasks in a row, each with a job type of its own. */
export function tenTaskProcess(): string {
  const ids = Array.from({ length: TASKS }, (_, i) => `Task_${i + 1}`);
  const nodes = ['Start', ...ids, 'End'];
  const flows = nodes
    .slice(1)
    .map((to, i) => `<bpmn:sequenceFlow id="Flow_${i + 1}" sourceRef="${nodes[i]}" targetRef="${to}" />`);
  const tasks = ids.map(
    (id, i) =>
      `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="bench-task-${i + 1}" /></bpmn:extensionElements></bpmn:serviceTask>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_Bench" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${PROCESS_ID}" isExecutable="true">
    <bpmn:startEvent id="Start" />
    ${tasks.join('\n    ')}
    <bpmn:endEvent id="End" />
    ${flows.join('\n    ')}
  </bpmn:process>
</bpmn:definitions>`;
}

/** A client as an application would configure one for the engine (plain text, no OAuth, quiet). */
export function benchClient(engine: RunningEngine): Zeebe.ZeebeGrpcClient {
  return new Zeebe.ZeebeGrpcClient({
    config: {
      ZEEBE_GRPC_ADDRESS: engine.grpcAddress,
      ZEEBE_REST_ADDRESS: engine.restAddress,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'none',
      zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
    },
  });
}

export async function deployTenTasks(zeebe: Zeebe.ZeebeGrpcClient): Promise<void> {
  await zeebe.deployResource({ name: `${PROCESS_ID}.bpmn`, process: Buffer.from(tenTaskProcess()) });
}

/**
 * Starts `instances` instances while one SDK worker per task type (long polling) completes the jobs;
 * resolves when the last instance completed or the cap is reached.
 */
export async function runWorkload(
  zeebe: Zeebe.ZeebeGrpcClient,
  options: WorkloadOptions,
): Promise<WorkloadResult> {
  const received = new Map<string, number>();
  const instanceKeys: string[] = [];
  let completedJobs = 0;
  let completedInstances = 0;
  let finish: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (finish = resolve));
  const workers = Array.from({ length: TASKS }, (_, i) =>
    zeebe.createWorker({
      taskType: `bench-task-${i + 1}`,
      maxJobsToActivate: options.jobsPerActivation,
      pollInterval: 10,
      timeout: 60_000,
      taskHandler: (job) => {
        received.set(job.key, Date.now());
        return job.complete().then((ack) => {
          completedJobs++;
          if (i === TASKS - 1 && ++completedInstances === options.instances) finish();
          return ack;
        });
      },
    }),
  );
  const started = performance.now();
  const cap = new Promise<'capped'>((resolve) => setTimeout(() => resolve('capped'), options.capMs).unref());
  const stop = { requested: false };
  const creating = createInstances(zeebe, options, instanceKeys, stop);
  const outcome = await Promise.race([allDone.then(() => 'done' as const), cap]);
  const elapsedMs = performance.now() - started;
  stop.requested = true;
  await Promise.all(workers.map((worker) => worker.close(1000).catch(() => undefined)));
  await creating.catch(() => undefined);
  return {
    completedInstances,
    completedJobs,
    elapsedMs,
    cappedOut: outcome === 'capped',
    instanceKeys,
    received,
  };
}

/** Starts the instances (32 requests in flight at most, paced to `rate` per second if given) until told to stop. */
async function createInstances(
  zeebe: Zeebe.ZeebeGrpcClient,
  { instances, rate }: WorkloadOptions,
  keys: string[],
  stop: { readonly requested: boolean },
): Promise<void> {
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < instances && !stop.requested) {
      const due = rate ? started + (next / rate) * 1000 : 0;
      next++;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const instance = await zeebe.createProcessInstance({ bpmnProcessId: PROCESS_ID, variables: {} });
      keys.push(instance.processInstanceKey);
    }
  };
  await Promise.all(Array.from({ length: CREATE_CONCURRENCY }, lane));
}

/**
 * From each job's CREATED record (engine time, the wall clock here) to its arrival at the worker.
 * Reads the history of each instance: one query (one PostgreSQL transaction) per instance.
 */
export async function activationLatencies(
  engine: RunningEngine,
  { instanceKeys, received }: Pick<WorkloadResult, 'instanceKeys' | 'received'>,
): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < instanceKeys.length; i += 16) {
    const histories = await Promise.all(
      instanceKeys.slice(i, i + 16).map((key) => engine.records(Number(key))),
    );
    for (const record of histories.flat()) {
      if (record.valueType !== 'JOB' || record.intent !== 'CREATED') continue;
      const at = received.get(String(record.key));
      if (at !== undefined) latencies.push(at - record.timestamp);
    }
  }
  return latencies;
}
