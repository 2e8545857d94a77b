import { Writable } from 'node:stream';
import { Lifecycle } from '../../../lib/lifecycle';
import { createLogger } from '../../../lib/logger';

const quiet = createLogger({
  level: 'silent',
  pretty: false,
  destination: new Writable({ write: (_chunk, _encoding, done) => done() }),
});

describe('Lifecycle', () => {
  test('parts stop in reverse order of start, each awaited before the next', async () => {
    // given
    const stopped: string[] = [];
    const lifecycle = new Lifecycle(quiet);
    for (const name of ['postgres', 'engine', 'http server']) {
      lifecycle.add(name, async () => {
        await Promise.resolve();
        stopped.push(name);
      });
    }
    // when
    const clean = await lifecycle.stop();
    // then
    expect(stopped).toEqual(['http server', 'engine', 'postgres']);
    expect(clean).toBe(true);
  });

  test('a part that fails to stop does not keep the others from stopping', async () => {
    // given
    const stopped: string[] = [];
    const lifecycle = new Lifecycle(quiet);
    lifecycle.add('postgres', async () => void stopped.push('postgres'));
    lifecycle.add('engine', async () => {
      throw new Error('stuck');
    });
    // when
    const clean = await lifecycle.stop();
    // then
    expect(stopped).toEqual(['postgres']);
    expect(clean).toBe(false);
  });

  test('stopping twice stops each part once', async () => {
    // given
    let stops = 0;
    const lifecycle = new Lifecycle(quiet);
    lifecycle.add('engine', async () => void stops++);
    // when
    await Promise.all([lifecycle.stop(), lifecycle.stop()]);
    // then
    expect(stops).toBe(1);
  });
});
