import { ForegroundGate, isForegroundMessage } from '../../../lib/foreground-gate';

/** Whether `promise` has settled, after the microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('ForegroundGate', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('while the server is quiet, work goes through at once', async () => {
    // given
    const gate = new ForegroundGate(30_000);
    // when
    const waited = gate.wait();
    // then
    expect(gate.holding).toBe(false);
    expect(await settled(waited)).toBe(true);
  });

  test('while the server is busy, work waits until it is quiet again', async () => {
    // given a busy server
    const gate = new ForegroundGate(30_000);
    gate.setBusy(true);
    // when work arrives
    const first = gate.wait();
    const second = gate.wait();
    jest.advanceTimersByTime(5_000);
    // then it waits
    expect(gate.holding).toBe(true);
    expect(await settled(first)).toBe(false);
    // when the server is quiet again
    gate.setBusy(false);
    // then all of it goes
    expect(await settled(first)).toBe(true);
    expect(await settled(second)).toBe(true);
  });

  test('a server busy for good holds work at most maxHoldMs, then lets it through for as long, then holds again', async () => {
    // given a server busy from now on
    const gate = new ForegroundGate(10_000);
    gate.setBusy(true);
    const early = gate.wait();
    // when the hold has lasted its longest
    jest.advanceTimersByTime(9_999);
    expect(await settled(early)).toBe(false);
    jest.advanceTimersByTime(1);
    // then what waited goes, and new work goes at once for the next 10 s
    expect(await settled(early)).toBe(true);
    expect(gate.holding).toBe(false);
    jest.advanceTimersByTime(9_000);
    expect(await settled(gate.wait())).toBe(true);
    // when those 10 s are over, work waits again
    jest.advanceTimersByTime(1_000);
    expect(gate.holding).toBe(true);
    const late = gate.wait();
    expect(await settled(late)).toBe(false);
    jest.advanceTimersByTime(10_000);
    expect(await settled(late)).toBe(true);
  });

  test('a busy spell counts from when it began: being told busy again does not prolong it', async () => {
    // given
    const gate = new ForegroundGate(10_000);
    gate.setBusy(true);
    const waiting = gate.wait();
    // when told busy again and again
    for (let i = 0; i < 10; i++) {
      jest.advanceTimersByTime(1_000);
      gate.setBusy(true);
    }
    // then the hold still ended 10 s after the spell began
    expect(await settled(waiting)).toBe(true);
  });

  test('closing (shutting down) lets every waiter through and holds nothing after', async () => {
    // given
    const gate = new ForegroundGate(30_000);
    gate.setBusy(true);
    const waiting = gate.wait();
    // when
    gate.close();
    // then
    expect(await settled(waiting)).toBe(true);
    gate.setBusy(true);
    expect(gate.holding).toBe(false);
    expect(await settled(gate.wait())).toBe(true);
  });

  test("only the parent's foreground messages are taken for one", () => {
    expect(isForegroundMessage({ type: 'foreground', busy: true })).toBe(true);
    expect(isForegroundMessage({ type: 'foreground', busy: 'yes' })).toBe(false);
    expect(isForegroundMessage({ type: 'ready', detail: {} })).toBe(false);
    expect(isForegroundMessage(null)).toBe(false);
  });
});
