import { type FastifyPluginAsync } from 'fastify';
import { emptyBodyAsObject } from '../body-parsers';
import { type RestContext } from '../rest-context';
import { found, pathKey, searchRequest } from '../request-values';
import { ElementInstanceSearchQuery } from '../schemas/queries';

/** `/v2/element-instances`: the flow nodes of process instances, finished ones included. */
export const elementInstanceRoutes =
  ({ queries }: RestContext): FastifyPluginAsync =>
  async (app) => {
    app.post(
      '/element-instances/search',
      { schema: { body: ElementInstanceSearchQuery }, preValidation: emptyBodyAsObject },
      (request) => queries.searchElementInstances(searchRequest(request.body)),
    );

    app.get('/element-instances/:elementInstanceKey', async (request) => {
      const key = pathKey(request, 'elementInstanceKey');
      return found(await queries.getElementInstance(key), 'Element Instance', key);
    });
  };
