import { type FastifyPluginAsync } from 'fastify';
import { invalidArgument } from '../problem';
import { type RestContext } from '../rest-context';
import { ClockPinRequest } from '../schemas/cluster';

/** `/v2/topology` and the engine clock (`/v2/clock`), which tests pin to move timers. */
export const clusterRoutes =
  ({ api, options }: RestContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/topology', async () => ({
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
      lastCompletedChangeId: '-1',
    }));

    app.put('/clock', { schema: { body: ClockPinRequest } }, async (request, reply) => {
      const { timestamp } = request.body as ClockPinRequest;
      if (timestamp === undefined) throw invalidArgument('No timestamp provided.');
      if (timestamp < 0)
        throw invalidArgument(`The value for timestamp is '${timestamp}' but must be not negative.`);
      api.pinClock(timestamp);
      return reply.code(204).send();
    });

    app.post('/clock/reset', async (_request, reply) => {
      api.resetClock();
      return reply.code(204).send();
    });
  };
