import { type JsonObject } from '../feel/expression';
import { Rejection } from '../runtime/rejection';

interface Waiter {
  readonly resolve: (variables: JsonObject) => void;
  readonly reject: (error: Rejection) => void;
  readonly timer: NodeJS.Timeout;
}

/** Clients of CreateProcessInstanceWithResult waiting for their instance to end. */
export class ResultWaiters {
  private readonly waiting = new Map<number, Waiter>();

  /** Registered inside the creating command, so that an instance ending in that same batch is not missed. */
  register(processInstanceKey: number, timeoutMs: number): Promise<JsonObject> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(processInstanceKey);
        reject(
          new Rejection(
            'DEADLINE_EXCEEDED',
            `Time out between gateway and broker: process instance ${processInstanceKey} did not complete within ${timeoutMs} ms; it keeps running.`,
          ),
        );
      }, timeoutMs);
      this.waiting.set(processInstanceKey, { resolve, reject, timer });
    });
  }

  ended(processInstanceKey: number, state: 'COMPLETED' | 'TERMINATED', variables: JsonObject): void {
    const waiter = this.waiting.get(processInstanceKey);
    if (!waiter) return;
    this.waiting.delete(processInstanceKey);
    clearTimeout(waiter.timer);
    if (state === 'COMPLETED') waiter.resolve(variables);
    else {
      waiter.reject(
        new Rejection(
          'INVALID_STATE',
          `Expected process instance ${processInstanceKey} to complete, but it was terminated.`,
        ),
      );
    }
  }

  close(): void {
    for (const [key, waiter] of this.waiting) {
      clearTimeout(waiter.timer);
      waiter.reject(
        new Rejection('UNAVAILABLE', `The engine shut down before process instance ${key} completed.`),
      );
    }
    this.waiting.clear();
  }
}
