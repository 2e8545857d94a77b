import { Writable } from 'node:stream';
import type { EngineLogger } from '../../../engine';
import { createLogger, type Logger, REDACTED } from '../../../lib/logger';

/** A logger writing JSON lines into an array. */
function capture(): { log: Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const log = createLogger({ level: 'debug', pretty: false, destination });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log, lines };
}

describe('createLogger', () => {
  test('writes one JSON object per line with level, message and bindings of child loggers', () => {
    // given
    const { log, lines } = capture();
    // when
    log.child({ complaintNumber: 'C-2025-0001' }).info({ jobKey: '2251799813685250' }, 'job completed');
    // then
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'job completed',
        complaintNumber: 'C-2025-0001',
        jobKey: '2251799813685250',
      }),
    ]);
  });

  test('personal data is redacted at the top level and nested in job variables', () => {
    // given
    const { log, lines } = capture();
    // when
    log.info(
      {
        phone: '13800000000',
        email: 'li@example.com',
        job: { variables: { complainant: { name: '李雷', phone: '13800000000' }, category: 'billing' } },
        variables: { contact: { phone: '13900000000' } },
      },
      'with personal data',
    );
    // then
    const [line] = lines();
    expect(line).toMatchObject({
      phone: REDACTED,
      email: REDACTED,
      job: { variables: { complainant: REDACTED, category: 'billing' } },
      variables: { contact: REDACTED },
    });
    expect(JSON.stringify(line)).not.toContain('138');
    expect(JSON.stringify(line)).not.toContain('李雷');
  });

  test('credentials in request headers are redacted', () => {
    // given
    const { log, lines } = capture();
    // when
    log.info(
      { req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1', accept: '*/*' } } },
      'request',
    );
    // then
    expect(lines()[0]).toMatchObject({
      req: { headers: { authorization: REDACTED, cookie: REDACTED, accept: '*/*' } },
    });
  });

  test('an error is logged with its type, message and stack, but not the objects a library hung on it', () => {
    // given
    const { log, lines } = capture();
    class Client {
      password = 'secret';
    }
    const error = Object.assign(new Error('connection terminated'), { code: '57P01', client: new Client() });
    // when
    log.error({ err: error }, 'database failed');
    // then
    const [line] = lines();
    expect(line.err).toMatchObject({
      type: 'Error',
      message: 'connection terminated',
      code: '57P01',
      client: '[Client]',
    });
    expect(JSON.stringify(line)).not.toContain('secret');
  });

  test('the logger can be handed to the embedded engine as its EngineLogger', () => {
    // given
    const { log, lines } = capture();
    // when
    const engineLog: EngineLogger = log.child({ component: 'engine' });
    engineLog.child({ schema: 'engine' }).warn({ n: 1 }, 'from the engine');
    // then
    expect(lines()[0]).toMatchObject({ component: 'engine', schema: 'engine', n: 1, msg: 'from the engine' });
  });
});
