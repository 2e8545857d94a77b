import { type FastifyPluginAsync } from 'fastify';
import { emptyBodyAsObject } from '../body-parsers';
import { type RestContext } from '../rest-context';
import { found, pathKey, searchRequest } from '../request-values';
import { ProcessDefinitionSearchQuery } from '../schemas/queries';

/** `/v2/process-definitions`: deployed processes and their XML. */
export const processDefinitionRoutes =
  ({ queries }: RestContext): FastifyPluginAsync =>
  async (app) => {
    app.post(
      '/process-definitions/search',
      { schema: { body: ProcessDefinitionSearchQuery }, preValidation: emptyBodyAsObject },
      (request) => queries.searchProcessDefinitions(searchRequest(request.body)),
    );

    app.get('/process-definitions/:processDefinitionKey', async (request) => {
      const key = pathKey(request, 'processDefinitionKey');
      return found(await queries.getProcessDefinition(key), 'Process Definition', key);
    });

    app.get('/process-definitions/:processDefinitionKey/xml', async (request, reply) => {
      const key = pathKey(request, 'processDefinitionKey');
      const xml = found(await queries.getProcessDefinitionXml(key), 'Process Definition', key);
      return reply.type('text/xml').send(xml);
    });
  };
