import { type ChildProcess, fork } from 'node:child_process';
import type { Logger } from './logger';
import { type CpuPriority, lowerPriority } from './process-priority';

/** What a supervised child sends once it is up (over the IPC channel), then never again. */
export interface ReadyMessage<T> {
  readonly type: 'ready';
  readonly detail: T;
}

export interface SupervisedProcessOptions<T> {
  /** For logs, e.g. `background process`. */
  readonly name: string;
  /** The module to run (a .ts file from the sources, a .js file from dist/). */
  readonly modulePath: string;
  /** The child's environment for its first start. */
  readonly env: NodeJS.ProcessEnv;
  /**
   * The environment of a restart, given what the first start reported ready (e.g. the ports it took,
   * so that a restarted engine is found where clients already look).
   */
  readonly restartEnv?: (ready: T) => NodeJS.ProcessEnv;
  /** The child's CPU priority (`idle`, or a niceness 0–19): it yields the CPU to this process. */
  readonly priority: CpuPriority;
  readonly log: Logger;
  /** How long the first start may take before it counts as failed. */
  readonly startTimeoutMs?: number;
  /** How long a stop may take before the child is killed. */
  readonly stopTimeoutMs?: number;
}

/**
 * A child process that is restarted when it dies on its own: its work (jobs, notifications, engine
 * commands) is durable in PostgreSQL, so a restarted child takes it up again. The first start must
 * succeed (the caller's start-up fails otherwise); later exits are restarted after a back-off that
 * grows from 1 s to 30 s and resets once a child has run for a minute. `stop()` sends SIGTERM (the
 * child shuts down in order) and SIGKILL after `stopTimeoutMs`.
 */
export class SupervisedProcess<T> {
  private child: ChildProcess | undefined;
  private stopping = false;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private firstReady: T | undefined;
  private told: unknown;

  constructor(private readonly options: SupervisedProcessOptions<T>) {}

  /** Starts the child; resolves with what it reported ready. */
  async start(): Promise<T> {
    const ready = await this.spawn(this.options.env, this.options.startTimeoutMs ?? 120_000);
    this.firstReady = ready;
    return ready;
  }

  /** The running child's process id (undefined between a crash and its restart). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Tells the child `message` over its IPC channel, and a restarted child too once it is ready (the
   * last message told stands for the state it carries). Not sent while no child is up.
   */
  tell(message: unknown): void {
    this.told = message;
    if (this.child) this.send(this.child, message);
  }

  /** A child dying as it is told is not an error of the parent's: the message is dropped (the restart is told again). */
  private send(child: ChildProcess, message: unknown): void {
    if (!child.connected) return;
    child.send(message as object, (error) => {
      if (error) this.options.log.debug({ err: error }, `${this.options.name}: could not be told`);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), this.options.stopTimeoutMs ?? 30_000);
    await exited;
    clearTimeout(killer);
  }

  private spawn(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<T> {
    const { name, log } = this.options;
    // A lowered child runs in a session of its own: Linux shares the CPU between sessions first
    // (autogroups), so in ours its priority would only yield to this process, and in its own the
    // session's group is lowered with it (lowerPriority). Ctrl-C then reaches this process alone,
    // which stops the child in order; a child whose parent dies is told by its IPC channel closing.
    const child = fork(this.options.modulePath, [], {
      env,
      stdio: 'inherit',
      detached: this.options.priority !== 0,
    });
    this.child = child;
    const startedAt = Date.now();
    const pid = child.pid;
    if (pid !== undefined) {
      void lowerPriority(pid, this.options.priority).then((outcome) => {
        if (outcome.applied === null && this.options.priority !== 0) {
          log.warn({ pid, reason: outcome.reason }, `${name}: could not lower its priority`);
        }
        const cpuGroup = outcome.applied !== null ? outcome.cpuGroup : undefined;
        log.info(
          {
            pid,
            priority: outcome.applied ?? 0,
            ...(cpuGroup &&
              (cpuGroup.group !== null ? { cpuGroup: cpuGroup.group } : { noCpuGroup: cpuGroup.reason })),
          },
          `${name}: started`,
        );
      });
    }
    const ready = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${name} was not ready within ${timeoutMs} ms`));
      }, timeoutMs);
      child.on('message', (message: ReadyMessage<T>) => {
        if (message?.type !== 'ready') return;
        clearTimeout(timer);
        if (this.told !== undefined) this.send(child, this.told);
        resolve(message.detail);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${signal ?? code}) before it was ready`));
      });
    });
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (this.stopping || this.firstReady === undefined) return;
      if (Date.now() - startedAt > 60_000) this.restarts = 0;
      const delay = Math.min(30_000, 1000 * 2 ** this.restarts++);
      log.error({ code, signal, restartInMs: delay }, `${name}: exited unexpectedly; restarting`);
      this.restartTimer = setTimeout(() => this.restart(), delay);
    });
    return ready;
  }

  private restart(): void {
    if (this.stopping || this.firstReady === undefined) return;
    const env = { ...this.options.env, ...this.options.restartEnv?.(this.firstReady) };
    this.spawn(env, this.options.startTimeoutMs ?? 120_000).then(
      () => this.options.log.info({ pid: this.child?.pid }, `${this.options.name}: restarted`),
      (error: unknown) => this.options.log.error({ err: error }, `${this.options.name}: restart failed`),
    );
  }
}

/** Tells the parent that this child is up (no-op when not started by a SupervisedProcess). */
export function reportReady<T>(detail: T): void {
  const message: ReadyMessage<T> = { type: 'ready', detail };
  process.send?.(message);
}
