import { type JsonObject } from '../../feel/expression';
import {
  type ElementInstance,
  type FormDefinition,
  type Incident,
  type Job,
  type Message,
  type MessageSubscription,
  type ProcessDefinition,
  type SignalSubscription,
  type Timer,
  type UserTask,
  type Variable,
} from './entities';
import { Journal } from './journal';
import { DueIndex, GroupIndex, Table } from './table';

/** One entry of the append-only history (`record` table), as Zeebe's exported records. */
export interface EngineRecord {
  readonly key: number;
  readonly processInstanceKey?: number;
  readonly valueType: string;
  readonly intent: string;
  readonly timestamp: number;
  readonly value: JsonObject;
}

export interface StartEventIndex {
  readonly message: Map<
    string,
    Array<{ readonly definition: ProcessDefinition; readonly elementId: string }>
  >;
  readonly signal: Map<string, Array<{ readonly definition: ProcessDefinition; readonly elementId: string }>>;
}

/** SQL with `$n` parameters; `{schema}` is replaced by the engine's schema name. */
export interface SqlStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** Zeebe keys carry the partition id in their upper bits; the engine is partition 1. */
export const FIRST_KEY = 2 ** 51 + 1;

/**
 * Everything the engine knows, in memory, with the indexes the runtime needs. Changes are journaled
 * (undo on rollback) and collected per batch for the commit to PostgreSQL.
 */
export class EngineState {
  readonly journal = new Journal();

  readonly elements = new Table<ElementInstance>('element instance', this.journal);
  readonly childrenOf = this.elements.withIndex(
    new GroupIndex<ElementInstance>((e) => group(e.flowScopeKey)),
  );
  readonly messageStarted = this.elements.withIndex(
    new GroupIndex<ElementInstance>((e) =>
      e.messageStartCorrelationKey === undefined
        ? undefined
        : `${e.bpmnProcessId}\0${e.messageStartCorrelationKey}`,
    ),
  );

  readonly variables = new Table<Variable>('variable', this.journal);
  readonly variablesOf = this.variables.withIndex(new GroupIndex<Variable>((v) => String(v.scopeKey)));

  readonly jobs = new Table<Job>('job', this.journal);
  readonly activatableJobs = this.jobs.withIndex(
    new GroupIndex<Job>((j) => (j.state === 'ACTIVATABLE' ? j.type : undefined)),
  );
  readonly jobDeadlines = this.jobs.withIndex(
    new DueIndex<Job>((j) => (j.state === 'ACTIVATED' ? j.deadline : undefined)),
  );
  /** Failed jobs with retries left wait here until their back-off is over. */
  readonly jobBackoffs = this.jobs.withIndex(
    new DueIndex<Job>((j) => (j.state === 'FAILED' ? j.retryAt : undefined)),
  );

  readonly userTasks = new Table<UserTask>('user task', this.journal);
  readonly incidents = new Table<Incident>('incident', this.journal);
  readonly incidentsOf = this.incidents.withIndex(
    new GroupIndex<Incident>((i) => String(i.elementInstanceKey)),
  );

  readonly timers = new Table<Timer>('timer', this.journal);
  readonly timersDue = this.timers.withIndex(new DueIndex<Timer>((t) => t.dueAt));
  readonly timersOf = this.timers.withIndex(new GroupIndex<Timer>((t) => group(t.elementInstanceKey)));
  readonly startTimersOf = this.timers.withIndex(
    new GroupIndex<Timer>((t) =>
      t.elementInstanceKey === undefined ? String(t.processDefinitionKey) : undefined,
    ),
  );

  readonly messageSubscriptions = new Table<MessageSubscription>('message subscription', this.journal);
  readonly messageSubscriptionsByName = this.messageSubscriptions.withIndex(
    new GroupIndex<MessageSubscription>((s) => `${s.messageName}\0${s.correlationKey}`),
  );
  readonly messageSubscriptionsOf = this.messageSubscriptions.withIndex(
    new GroupIndex<MessageSubscription>((s) => String(s.elementInstanceKey)),
  );

  readonly signalSubscriptions = new Table<SignalSubscription>('signal subscription', this.journal);
  readonly signalSubscriptionsByName = this.signalSubscriptions.withIndex(
    new GroupIndex<SignalSubscription>((s) => s.signalName),
  );
  readonly signalSubscriptionsOf = this.signalSubscriptions.withIndex(
    new GroupIndex<SignalSubscription>((s) => String(s.elementInstanceKey)),
  );

  readonly messages = new Table<Message>('message', this.journal);
  readonly messagesByName = this.messages.withIndex(
    new GroupIndex<Message>((m) => `${m.name}\0${m.correlationKey}`),
  );
  readonly messagesById = this.messages.withIndex(
    new GroupIndex<Message>((m) =>
      m.messageId ? `${m.name}\0${m.correlationKey}\0${m.messageId}` : undefined,
    ),
  );
  readonly messagesExpiring = this.messages.withIndex(new DueIndex<Message>((m) => m.expiresAt));

  /** Deployed definitions never change; they are added at deploy time (with undo) and never removed. */
  readonly definitions = new Map<number, ProcessDefinition>();
  readonly definitionsById = new Map<string, ProcessDefinition[]>();
  readonly forms = new Map<number, FormDefinition>();
  readonly formsById = new Map<string, FormDefinition[]>();

  private startEventCache?: StartEventIndex;

  private nextKey = FIRST_KEY;
  private keyChanged = false;
  private records: EngineRecord[] = [];
  private effects: Array<() => void> = [];
  private statements: SqlStatement[] = [];

  readonly tables = [
    this.elements,
    this.variables,
    this.jobs,
    this.userTasks,
    this.incidents,
    this.timers,
    this.messageSubscriptions,
    this.signalSubscriptions,
    this.messages,
  ] as const;

  /** A new key, never handed out before (the high-water mark is committed with the batch). */
  newKey(): number {
    const key = this.nextKey++;
    this.keyChanged = true;
    this.journal.record(() => {
      this.nextKey = key;
    });
    return key;
  }

  /** The key the generator will hand out next (persisted at commit when it moved). */
  takeNextKeyIfChanged(): number | undefined {
    if (!this.keyChanged) return undefined;
    this.keyChanged = false;
    return this.nextKey;
  }

  restoreNextKey(next: number): void {
    this.nextKey = Math.max(next, FIRST_KEY);
  }

  record(record: EngineRecord): void {
    this.records.push(record);
    const length = this.records.length - 1;
    this.journal.record(() => {
      this.records.length = length;
    });
  }

  /** A statement to run in the batch's transaction (deployments: immutable rows outside the tables). */
  write(statement: SqlStatement): void {
    this.statements.push(statement);
    const length = this.statements.length - 1;
    this.journal.record(() => {
      this.statements.length = length;
    });
  }

  takeStatements(): SqlStatement[] {
    const statements = this.statements;
    this.statements = [];
    return statements;
  }

  takeRecords(): EngineRecord[] {
    const records = this.records;
    this.records = [];
    return records;
  }

  /** Runs `effect` once the current batch is committed (responses, notifications); dropped on rollback. */
  afterCommit(effect: () => void): void {
    this.effects.push(effect);
    const length = this.effects.length - 1;
    this.journal.record(() => {
      this.effects.length = length;
    });
  }

  takeEffects(): Array<() => void> {
    const effects = this.effects;
    this.effects = [];
    return effects;
  }

  addDefinition(definition: ProcessDefinition): void {
    this.definitions.set(definition.key, definition);
    const versions = this.definitionsById.get(definition.bpmnProcessId) ?? [];
    this.definitionsById.set(definition.bpmnProcessId, [...versions, definition]);
    this.startEventCache = undefined;
    this.journal.record(() => {
      this.definitions.delete(definition.key);
      this.definitionsById.set(definition.bpmnProcessId, versions);
      this.startEventCache = undefined;
    });
  }

  /**
   * Message and signal start events of the latest version of each process, by (static) name.
   * Names are evaluated at deployment (see `deploy.ts`), kept on the definition.
   */
  startEvents(): StartEventIndex {
    if (this.startEventCache) return this.startEventCache;
    const index: StartEventIndex = { message: new Map(), signal: new Map() };
    for (const versions of this.definitionsById.values()) {
      const latest = versions[versions.length - 1];
      for (const [kind, names] of [
        ['message', latest.messageStartNames],
        ['signal', latest.signalStartNames],
      ] as const) {
        for (const [elementId, name] of Object.entries(names ?? {})) {
          const list = index[kind].get(name) ?? [];
          list.push({ definition: latest, elementId });
          index[kind].set(name, list);
        }
      }
    }
    return (this.startEventCache = index);
  }

  latestDefinition(bpmnProcessId: string): ProcessDefinition | undefined {
    const versions = this.definitionsById.get(bpmnProcessId);
    return versions?.[versions.length - 1];
  }

  addForm(form: FormDefinition): void {
    this.forms.set(form.key, form);
    const versions = this.formsById.get(form.formId) ?? [];
    this.formsById.set(form.formId, [...versions, form]);
    this.journal.record(() => {
      this.forms.delete(form.key);
      this.formsById.set(form.formId, versions);
    });
  }

  latestForm(formId: string): FormDefinition | undefined {
    const versions = this.formsById.get(formId);
    return versions?.[versions.length - 1];
  }

  /** Drops all in-memory state (before a reload from the database). */
  reset(): void {
    for (const table of this.tables) table.reset();
    this.definitions.clear();
    this.definitionsById.clear();
    this.forms.clear();
    this.formsById.clear();
    this.startEventCache = undefined;
    this.records = [];
    this.effects = [];
    this.statements = [];
    this.keyChanged = false;
    this.journal.clear();
  }
}

function group(key: number | null | undefined): string | undefined {
  return key === null || key === undefined ? undefined : String(key);
}
