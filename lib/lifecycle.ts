import { ConfigError, type Config, loadConfig } from './config';
import type { Logger } from './logger';

interface Part {
  readonly name: string;
  stop(): Promise<void>;
}

/** What a process has started, stopped in reverse order: the last started is the first stopped. */
export class Lifecycle {
  private readonly parts: Part[] = [];
  private stopping: Promise<boolean> | undefined;

  constructor(private readonly log: Logger) {}

  /** Registers a part just started. */
  add(name: string, stop: () => Promise<unknown>): void {
    this.parts.push({ name, stop: async () => void (await stop()) });
  }

  /**
   * Stops every part, last first, each awaited before the next (the server stops taking requests
   * before the engine goes, the engine finishes its commands before PostgreSQL goes). A part that
   * fails to stop is logged and the others still stop. Resolves true when all stopped cleanly.
   */
  stop(): Promise<boolean> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  private async stopAll(): Promise<boolean> {
    let clean = true;
    for (let part = this.parts.pop(); part; part = this.parts.pop()) {
      try {
        await part.stop();
        this.log.info({ part: part.name }, `stopped ${part.name}`);
      } catch (error) {
        clean = false;
        this.log.error({ err: error, part: part.name }, `${part.name} did not stop cleanly`);
      }
    }
    return clean;
  }
}

/** The configuration, or exit(1) listing every problem (there is no logger yet to report them). */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee README.md (Configuration) and .env.example.\n`);
    process.exit(1);
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs a process until SIGINT or SIGTERM: `start` brings the parts up and registers each with the
 * lifecycle; a signal (even one received during start-up, once start-up has finished) stops them in
 * reverse order, then the process exits. A second signal exits at once. If start-up fails, what
 * already started is stopped and the process exits with 1.
 */
export async function runUntilSignal(
  log: Logger,
  start: (lifecycle: Lifecycle) => Promise<void>,
): Promise<void> {
  const lifecycle = new Lifecycle(log);
  let received: NodeJS.Signals | undefined;
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    for (const signal of SIGNALS) {
      process.on(signal, () => {
        if (received) {
          log.warn({ signal }, 'second signal: exiting without finishing the shutdown');
          process.exit(1);
        }
        received = signal;
        resolve(signal);
      });
    }
  });
  try {
    await start(lifecycle);
  } catch (error) {
    log.fatal({ err: error }, 'start-up failed; stopping what had started');
    await lifecycle.stop();
    process.exit(1);
  }
  const signal = await signalled;
  log.info({ signal }, `${signal}: shutting down`);
  const clean = await lifecycle.stop();
  log.info({}, clean ? 'shut down' : 'shut down, with errors');
  process.exit(clean ? 0 : 1);
}
