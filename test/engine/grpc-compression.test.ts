import http2 from 'node:http2';
import { gzipSync } from 'node:zlib';
import { startTestEngine, type TestEngine } from '../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

/** One raw gRPC call (Topology, whose request is empty) over HTTP/2: its headers, trailers and body. */
async function topologyCall(options: { gzip: boolean }) {
  const session = http2.connect(t.engine.grpcAddress.replace('grpc://', 'http://'));
  try {
    const message = options.gzip ? gzipSync(Buffer.alloc(0)) : Buffer.alloc(0);
    const frame = Buffer.alloc(5 + message.length);
    frame[0] = options.gzip ? 1 : 0; // compressed flag
    frame.writeUInt32BE(message.length, 1);
    message.copy(frame, 5);
    const request = session.request({
      ':method': 'POST',
      ':path': '/gateway_protocol.Gateway/Topology',
      'content-type': 'application/grpc',
      te: 'trailers',
      ...(options.gzip ? { 'grpc-encoding': 'gzip' } : {}),
    });
    const headers = new Promise<http2.IncomingHttpHeaders>((resolve) => request.once('response', resolve));
    const trailers = new Promise<http2.IncomingHttpHeaders>((resolve) => request.once('trailers', resolve));
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => request.once('end', resolve));
    request.end(frame);
    await ended;
    return { headers: await headers, trailers: await trailers, body: Buffer.concat(chunks) };
  } finally {
    session.close();
  }
}

test('the gateway tells clients it takes uncompressed messages only, so the SDK stops gzipping them', async () => {
  // when
  const { headers, trailers, body } = await topologyCall({ gzip: false });
  // then
  expect(headers['grpc-accept-encoding']).toBe('identity');
  expect(trailers['grpc-status']).toBe('0');
  expect(body.length).toBeGreaterThan(5); // a topology answer
});

test('a gzip-compressed request (what the SDK sends first) is still answered', async () => {
  // when
  const { trailers, body } = await topologyCall({ gzip: true });
  // then
  expect(trailers['grpc-status']).toBe('0');
  expect(body.length).toBeGreaterThan(5);
});

test('the SDK keeps working after it switched to uncompressed requests', async () => {
  // when two calls go through one channel: the first gzipped, the second not
  const first = await t.zeebe.topology();
  const second = await t.zeebe.topology();
  // then
  expect(second).toEqual(first);
});
