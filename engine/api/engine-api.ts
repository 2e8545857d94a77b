import { type JsonObject } from '../feel/expression';
import { type EngineClock } from '../runtime/clock';
import {
  type ActivatedJob,
  type ActivationRequest,
  completeJob,
  failJob,
  type JobFailure,
  throwJobError,
  updateJobRetries,
  updateJobTimeout,
  yieldJob,
} from '../runtime/commands/job-commands';
import { deploy, type DeploymentResult } from '../runtime/commands/deploy';
import {
  cancelInstance,
  createInstance,
  type CreateInstanceRequest,
  resolveIncident,
  setVariables,
} from '../runtime/commands/instance-commands';
import {
  assignUserTask,
  completeUserTask,
  unassignUserTask,
  updateUserTask,
  type UserTaskChanges,
} from '../runtime/commands/user-task-commands';
import { broadcastSignal } from '../runtime/events/signals';
import { type Correlation, type MessageToPublish, publishMessage } from '../runtime/events/messages';
import { type JobDispatcher, type JobStream } from '../runtime/job-dispatcher';
import { type CommandProcessor } from '../runtime/processor';
import { Rejection, rejected } from '../runtime/rejection';
import { type Runtime } from '../runtime/runtime';
import { type ElementInstance } from '../runtime/state/entities';
import { pick } from '../runtime/variables';
import { parseResources, type ResourceInput } from './parse-resources';
import { type ResultWaiters } from './result-waiters';

export interface CreatedInstance {
  readonly processInstanceKey: number;
  readonly processDefinitionKey: number;
  readonly bpmnProcessId: string;
  readonly version: number;
  readonly tenantId: string;
}

export interface InstanceResult extends CreatedInstance {
  readonly variables: JsonObject;
}

/**
 * Everything the gateways can ask of the engine. Commands run through the processor (one
 * transaction per batch, answered after commit); each drains the agenda so that it commits a state
 * in which every token waits somewhere.
 */
export class EngineApi {
  constructor(
    private readonly rt: Runtime,
    private readonly processor: CommandProcessor,
    private readonly dispatcher: JobDispatcher,
    private readonly waiters: ResultWaiters,
    readonly clock: EngineClock,
  ) {}

  private command<R>(name: string, run: () => R): Promise<R> {
    return this.processor.submit(name, () => {
      const result = run();
      this.rt.agenda.drain();
      return result;
    });
  }

  async deploy(resources: readonly ResourceInput[]): Promise<DeploymentResult> {
    const parsed = await parseResources(resources);
    return this.command('DEPLOY', () => deploy(this.rt, parsed));
  }

  createInstance(request: CreateInstanceRequest): Promise<CreatedInstance> {
    return this.command('CREATE', () => created(createInstance(this.rt, request)));
  }

  /** Creates an instance and answers when it completes (or `timeoutMs` passes: DEADLINE_EXCEEDED). */
  async createInstanceWithResult(
    request: CreateInstanceRequest,
    timeoutMs: number,
    fetchVariables: readonly string[],
  ): Promise<InstanceResult> {
    let wait: Promise<JsonObject> | undefined;
    const instance = await this.command('CREATE_WITH_AWAITING_RESULT', () => {
      const root = createInstance(this.rt, request, 'CREATE_WITH_AWAITING_RESULT');
      wait = this.waiters.register(root.key, timeoutMs);
      return created(root);
    });
    const variables = await wait!;
    return { ...instance, variables: pick(variables, fetchVariables) };
  }

  cancelInstance(key: number): Promise<void> {
    return this.command('CANCEL', () => cancelInstance(this.rt, key));
  }

  publishMessage(message: MessageToPublish): Promise<Correlation> {
    return this.command('PUBLISH', () => publishMessage(this.rt, message));
  }

  /** Correlates to a subscription or start event now, without buffering; NOT_FOUND when none takes it. */
  correlateMessage(message: Omit<MessageToPublish, 'timeToLive' | 'messageId'>): Promise<Correlation> {
    return this.command('CORRELATE', () => {
      const correlation = publishMessage(this.rt, { ...message, timeToLive: 0 }, 'CORRELATE');
      if (correlation.processInstanceKeys.length === 0) {
        throw rejected(
          'CORRELATE',
          'NOT_FOUND',
          `Expected to find subscription for message with name '${message.name}' and correlation key '${message.correlationKey}', but none was found.`,
        );
      }
      return correlation;
    });
  }

  broadcastSignal(name: string, variables: JsonObject): Promise<number> {
    return this.command('BROADCAST', () => broadcastSignal(this.rt, name, variables));
  }

  setVariables(scopeKey: number, variables: JsonObject, local: boolean): Promise<number> {
    return this.command('UPDATE', () => setVariables(this.rt, scopeKey, variables, local));
  }

  resolveIncident(key: number): Promise<void> {
    return this.command('RESOLVE', () => resolveIncident(this.rt, key));
  }

  activateJobs(
    request: ActivationRequest,
    waitMs: number,
    onCancel?: (cancel: () => void) => void,
  ): Promise<ActivatedJob[]> {
    return this.dispatcher.activate(request, waitMs, onCancel);
  }

  openJobStream(stream: JobStream): () => void {
    return this.dispatcher.openStream(stream);
  }

  /** Jobs activated for a worker that left before receiving them become activatable again. */
  yieldJobs(keys: readonly number[]): Promise<void> {
    return this.command('YIELD', () => {
      for (const key of keys) yieldJob(this.rt, key);
    });
  }

  completeJob(key: number, variables: JsonObject): Promise<void> {
    return this.command('COMPLETE', () => completeJob(this.rt, key, variables));
  }

  failJob(key: number, failure: JobFailure): Promise<void> {
    return this.command('FAIL', () => failJob(this.rt, key, failure));
  }

  throwError(key: number, code: string, message: string, variables: JsonObject): Promise<void> {
    return this.command('THROW_ERROR', () => throwJobError(this.rt, key, code, message, variables));
  }

  updateJobRetries(key: number, retries: number): Promise<void> {
    return this.command('UPDATE_RETRIES', () => updateJobRetries(this.rt, key, retries));
  }

  updateJobTimeout(key: number, timeoutMs: number): Promise<void> {
    return this.command('UPDATE_TIMEOUT', () => updateJobTimeout(this.rt, key, timeoutMs));
  }

  /** REST `PATCH /v2/jobs/{key}`: retries and/or timeout in one command (both or neither change). */
  updateJob(key: number, changes: { readonly retries?: number; readonly timeout?: number }): Promise<void> {
    return this.command('UPDATE', () => {
      if (changes.retries !== undefined) updateJobRetries(this.rt, key, changes.retries);
      if (changes.timeout !== undefined) updateJobTimeout(this.rt, key, changes.timeout);
    });
  }

  assignUserTask(key: number, assignee: string, allowOverride: boolean): Promise<void> {
    return this.command('ASSIGN', () => assignUserTask(this.rt, key, assignee, allowOverride));
  }

  unassignUserTask(key: number): Promise<void> {
    return this.command('UNASSIGN', () => unassignUserTask(this.rt, key));
  }

  updateUserTask(key: number, changes: UserTaskChanges): Promise<void> {
    return this.command('UPDATE', () => updateUserTask(this.rt, key, changes));
  }

  completeUserTask(key: number, variables: JsonObject): Promise<void> {
    return this.command('COMPLETE', () => completeUserTask(this.rt, key, variables));
  }

  pinClock(epochMs: number): void {
    if (!Number.isFinite(epochMs) || epochMs < 0) {
      throw new Rejection(
        'INVALID_ARGUMENT',
        `The clock can only be pinned to a positive time in epoch milliseconds, not '${epochMs}'.`,
      );
    }
    this.clock.pin(epochMs);
  }

  resetClock(): void {
    this.clock.reset();
  }
}

function created(root: ElementInstance): CreatedInstance {
  return {
    processInstanceKey: root.key,
    processDefinitionKey: root.processDefinitionKey,
    bpmnProcessId: root.bpmnProcessId,
    version: root.version,
    tenantId: root.tenantId,
  };
}
