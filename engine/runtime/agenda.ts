import { Rejection } from './rejection';

/**
 * Work a command still has to do before it is finished: tokens moving to their next element. Steps
 * run in order; a command drains the agenda completely, so what it commits is a consistent state in
 * which every token waits somewhere (a job, a timer, a message, a user task) or has ended.
 */
export class Agenda {
  private readonly steps: Array<() => void> = [];
  /** Tokens on their way into a scope (a sequence flow taken, its target not yet activated). */
  private readonly inFlight = new Map<number, number>();
  /** Per scope, how many of the tokens on the way were voided (terminate end event, interrupting event). */
  private readonly voided = new Map<number, number>();

  constructor(private readonly maxSteps = 1_000_000) {}

  push(step: () => void): void {
    this.steps.push(step);
  }

  /** A token leaves for `scopeKey`: the scope must not complete before it arrives. */
  depart(scopeKey: number): void {
    this.inFlight.set(scopeKey, (this.inFlight.get(scopeKey) ?? 0) + 1);
  }

  /** The token arrived; false when it was voided on the way and must be dropped. */
  arrive(scopeKey: number): boolean {
    const left = (this.inFlight.get(scopeKey) ?? 1) - 1;
    if (left > 0) this.inFlight.set(scopeKey, left);
    else this.inFlight.delete(scopeKey);
    const voided = this.voided.get(scopeKey) ?? 0;
    if (voided === 0) return true;
    if (voided > 1) this.voided.set(scopeKey, voided - 1);
    else this.voided.delete(scopeKey);
    return false;
  }

  tokensOnTheWay(scopeKey: number): number {
    return (this.inFlight.get(scopeKey) ?? 0) - (this.voided.get(scopeKey) ?? 0);
  }

  /** Drops every token now on its way into the scope (its other branches were terminated). */
  voidTokens(scopeKey: number): void {
    const count = this.inFlight.get(scopeKey) ?? 0;
    if (count > 0) this.voided.set(scopeKey, count);
  }

  /** Runs every step, including steps added by steps. If a step throws, the rest is dropped. */
  drain(): void {
    let count = 0;
    try {
      for (let i = 0; i < this.steps.length; i++) {
        if (++count > this.maxSteps) {
          throw new Rejection(
            'RESOURCE_EXHAUSTED',
            `The command moved tokens more than ${this.maxSteps} times without reaching a wait state; ` +
              'the process probably loops without a task, timer or message in the loop.',
          );
        }
        this.steps[i]();
      }
    } finally {
      this.steps.length = 0;
      this.inFlight.clear();
      this.voided.clear();
    }
  }

  /** Forgets pending steps and tokens on their way (the command is being undone). */
  clear(): void {
    this.steps.length = 0;
    this.inFlight.clear();
    this.voided.clear();
  }
}
