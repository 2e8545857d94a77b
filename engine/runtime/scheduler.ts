import { type EngineLogger } from '../logger';
import { type EngineClock } from './clock';
import { reviveDueJobs } from './commands/job-commands';
import { expireMessages } from './events/messages';
import { triggerDueTimers } from './events/timers';
import { type CommandProcessor } from './processor';
import { type Runtime } from './runtime';

const BATCH = 200;
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Wakes the engine when the earliest timer, job deadline, retry back-off or message expiry is due
 * by the engine clock. A pinned clock does not move, so nothing is due until it is pinned again.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private plannedFor: number | undefined;
  private firing = false;
  private stopped = false;

  constructor(
    private readonly rt: Runtime,
    private readonly clock: EngineClock,
    private readonly processor: CommandProcessor,
    private readonly log: EngineLogger,
  ) {
    clock.onChange(() => this.plan());
  }

  /** Re-plans the next wake-up (after anything that changed what is due). */
  plan(): void {
    if (this.stopped || this.firing) return;
    const due = this.nextDue();
    if (due === undefined) return this.clear();
    const now = this.clock.now();
    if (due <= now) {
      this.clear();
      this.plannedFor = now;
      this.timer = setTimeout(() => void this.fire(), 0);
      return;
    }
    if (this.clock.pinned) return this.clear();
    if (this.plannedFor === due && this.timer) return;
    this.clear();
    this.plannedFor = due;
    this.timer = setTimeout(() => void this.fire(), Math.min(due - now, MAX_DELAY));
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.plannedFor = undefined;
  }

  private nextDue(): number | undefined {
    const s = this.rt.state;
    const candidates = [
      s.timersDue.next((k) => s.timers.get(k)),
      s.jobDeadlines.next((k) => s.jobs.get(k)),
      s.jobBackoffs.next((k) => s.jobs.get(k)),
      s.messagesExpiring.next((k) => s.messages.get(k)),
    ].filter((at): at is number => at !== undefined);
    return candidates.length === 0 ? undefined : Math.min(...candidates);
  }

  private async fire(): Promise<void> {
    this.clear();
    if (this.stopped) return;
    this.firing = true;
    try {
      await this.processor.submit('PROCESS_DUE', () => {
        const now = this.clock.now();
        const done =
          triggerDueTimers(this.rt, now, BATCH) +
          reviveDueJobs(this.rt, now, BATCH) +
          expireMessages(this.rt, now, BATCH);
        this.rt.agenda.drain();
        return done;
      });
    } catch (error) {
      this.log.error({ err: error }, 'engine: processing due timers failed; retrying in a second');
      this.firing = false;
      if (!this.stopped) this.timer = setTimeout(() => void this.fire(), 1000);
      return;
    }
    this.firing = false;
    this.plan();
  }
}
