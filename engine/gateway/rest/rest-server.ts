import Fastify from 'fastify';
import { type EngineApi } from '../../api/engine-api';
import { type EngineLogger } from '../../logger';

export interface RestGatewayOptions {
  readonly host: string;
  readonly port: number;
  readonly maxMessageSize: number;
  readonly version: string;
  readonly grpcPort: () => number;
}

/** The Camunda 8.8 REST API v2 subset (see SPEC.md). */
export async function startRestGateway(
  api: EngineApi,
  options: RestGatewayOptions,
  _log: EngineLogger,
): Promise<{ port: number; stop: () => Promise<void> }> {
  const app = Fastify({ bodyLimit: options.maxMessageSize });
  app.get('/v2/topology', async () => ({
    brokers: [
      {
        nodeId: 0,
        host: options.host,
        port: options.grpcPort(),
        partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }],
        version: options.version,
      },
    ],
    clusterSize: 1,
    partitionsCount: 1,
    replicationFactor: 1,
    gatewayVersion: options.version,
  }));
  app.put<{ Body: { timestamp: number } }>('/v2/clock', async (request, reply) => {
    api.pinClock(Number(request.body?.timestamp));
    return reply.code(204).send();
  });
  app.post('/v2/clock/reset', async (_request, reply) => {
    api.resetClock();
    return reply.code(204).send();
  });
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { port, stop: () => app.close() };
}
