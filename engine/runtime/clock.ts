/**
 * The engine's clock. Timers, job deadlines, retry back-offs and message lifetimes all read it, so
 * that tests (and the REST `PUT /v2/clock`) can pin it and move it, as Zeebe's controlled clock.
 */
export class EngineClock {
  private pinnedAt: number | undefined;
  private readonly listeners = new Set<() => void>();

  now(): number {
    return this.pinnedAt ?? Date.now();
  }

  /** Stops the clock at `epochMs` (the clock then stands still until pinned again or reset). */
  pin(epochMs: number): void {
    if (!Number.isFinite(epochMs)) throw new RangeError(`clock: invalid time ${epochMs}`);
    this.pinnedAt = Math.trunc(epochMs);
    this.changed();
  }

  /** Back to the system time. */
  reset(): void {
    this.pinnedAt = undefined;
    this.changed();
  }

  get pinned(): boolean {
    return this.pinnedAt !== undefined;
  }

  /** Called whenever the time jumps (pin or reset), so that due timers can fire at once. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
