import { type FastifyPluginAsync } from 'fastify';
import { emptyBodyAsObject } from '../body-parsers';
import { type RestContext } from '../rest-context';
import { found, pathKey, searchRequest } from '../request-values';
import { IncidentResolutionRequest } from '../schemas/cluster';
import { IncidentSearchQuery } from '../schemas/queries';

/** `/v2/incidents`: search and read (resolved ones included), resolve. */
export const incidentRoutes =
  ({ api, queries }: RestContext): FastifyPluginAsync =>
  async (app) => {
    app.post(
      '/incidents/search',
      { schema: { body: IncidentSearchQuery }, preValidation: emptyBodyAsObject },
      (request) => queries.searchIncidents(searchRequest(request.body)),
    );

    app.get('/incidents/:incidentKey', async (request) => {
      const key = pathKey(request, 'incidentKey');
      return found(await queries.getIncident(key), 'Incident', key);
    });

    app.post(
      '/incidents/:incidentKey/resolution',
      { schema: { body: IncidentResolutionRequest }, preValidation: emptyBodyAsObject },
      async (request, reply) => {
        await api.resolveIncident(pathKey(request, 'incidentKey'));
        return reply.code(204).send();
      },
    );
  };
