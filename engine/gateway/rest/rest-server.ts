import { type Server } from 'node:http';
import { type EngineApi } from '../../api/engine-api';
import { type EngineQueries } from '../../api/queries';
import { type EngineLogger } from '../../logger';
import { buildRestApp } from './rest-app';
import { type RestGatewayOptions } from './rest-context';

export { type RestGatewayOptions } from './rest-context';

const GRACE_MS = 2000;

/** Opens the Camunda 8.8 REST API v2 subset (see SPEC.md) on `options.host:port`. */
export async function startRestGateway(
  api: EngineApi,
  queries: EngineQueries,
  options: RestGatewayOptions,
  log: EngineLogger,
): Promise<{ port: number; stop: () => Promise<void> }> {
  const app = buildRestApp({ api, queries, options, log });
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { port, stop: () => closeGracefully(app.server, () => app.close()) };
}

/** Lets requests in flight finish for a moment (as the gRPC gateway), then cuts the connections. */
async function closeGracefully(server: Server, close: () => Promise<void>): Promise<void> {
  const force = setTimeout(() => server.closeAllConnections(), GRACE_MS);
  try {
    await close();
  } finally {
    clearTimeout(force);
  }
}
