import { ForegroundLoad } from '../../../lib/foreground-load';

/** A monitor whose changes are recorded; samples are fed by hand (utilisation, at ms). */
function monitor(busyAbove = 0.2) {
  const changes: boolean[] = [];
  const load = new ForegroundLoad({ busyAbove, onChange: (busy) => changes.push(busy) });
  return { load, changes };
}

describe('ForegroundLoad', () => {
  test('one sample above the threshold makes the server busy, and is told once', () => {
    // given
    const { load, changes } = monitor();
    // when
    load.observe(0.1, 0);
    load.observe(0.6, 100);
    load.observe(0.9, 200);
    // then
    expect(changes).toEqual([true]);
  });

  test('the server is quiet again only after a second of quiet samples', () => {
    // given a busy server
    const { load, changes } = monitor();
    load.observe(0.5, 0);
    // when the samples are quiet for less than a second, with a busy one between
    for (let at = 100; at <= 900; at += 100) load.observe(0.05, at);
    load.observe(0.3, 1000);
    for (let at = 1100; at <= 2000; at += 100) load.observe(0.05, at);
    // then it is still busy
    expect(changes).toEqual([true]);
    // when the quiet lasts a second
    load.observe(0.05, 2100);
    // then it is quiet, told once
    expect(changes).toEqual([true, false]);
    load.observe(0.05, 2200);
    expect(changes).toEqual([true, false]);
  });

  test('a sample at the threshold is not busy', () => {
    // given
    const { load, changes } = monitor(0.2);
    // when
    load.observe(0.2, 0);
    // then
    expect(changes).toEqual([]);
  });

  test('started, it samples this process and finds it busy while its event loop works', async () => {
    // given
    const changes: boolean[] = [];
    const load = new ForegroundLoad({ busyAbove: 0.5, sampleEveryMs: 20, onChange: (b) => changes.push(b) });
    load.start();
    try {
      // when the event loop is kept working for 100 ms
      await new Promise((resolve) => setTimeout(resolve, 30));
      const until = Date.now() + 100;
      while (Date.now() < until) {
        // busy
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      // then
      expect(changes[0]).toBe(true);
    } finally {
      load.stop();
    }
  });
});
