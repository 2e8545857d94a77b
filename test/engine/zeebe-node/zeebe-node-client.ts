import path from 'node:path';
import { ZBClient } from 'zeebe-node';
import { type RunningEngine } from '../../../engine';

/**
 * A `zeebe-node` 8.3 client of the engine, configured as existing workers configure it: plain text
 * (`useTLS: false`; zeebe-node takes `host:port`, not a `grpc://` URL), no retries, no logging.
 */
export function zeebeNodeClient(engine: Pick<RunningEngine, 'grpcAddress'>): ZBClient {
  const address = new URL(engine.grpcAddress);
  return new ZBClient(`${address.hostname}:${address.port}`, {
    useTLS: false,
    retry: false,
    loglevel: 'NONE',
    pollInterval: 100,
  });
}

export const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
