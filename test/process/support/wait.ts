/** Not yet: `why` says what is still awaited (it becomes the failure message at the deadline). */
export class NotYet extends Error {}

/**
 * Polls `check` until it returns a value; a `NotYet` it throws means "keep waiting", any other error
 * fails at once. Fails after `timeoutMs` with what was awaited and the last reason it was not yet.
 * A wait on an observable condition with a deadline: no fixed sleeps.
 */
export async function waitUntil<T>(what: string, check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (!(error instanceof NotYet)) throw error;
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${error.message}`, {
          cause: error,
        });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
