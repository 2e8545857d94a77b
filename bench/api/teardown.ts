/** Things to stop, stopped in reverse order of starting; a failure to stop one does not skip the rest. */
export class Teardown {
  private readonly steps: Array<{ name: string; stop: () => Promise<unknown> }> = [];
  private running: Promise<void> | undefined;

  add(name: string, stop: () => Promise<unknown>): void {
    this.steps.push({ name, stop });
  }

  /** Runs once; later calls wait for the first. */
  run(report: (message: string) => void): Promise<void> {
    this.running ??= (async () => {
      for (const { name, stop } of this.steps.reverse()) {
        await stop().catch((error: unknown) => report(`stopping ${name} failed: ${String(error)}`));
      }
    })();
    return this.running;
  }
}
