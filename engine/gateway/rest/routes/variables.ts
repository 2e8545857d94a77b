import { type FastifyPluginAsync } from 'fastify';
import { emptyBodyAsObject } from '../body-parsers';
import { type RestContext } from '../rest-context';
import { found, pathKey, searchRequest, truncateValues } from '../request-values';
import { VariableSearchQuery } from '../schemas/queries';
import { TruncateValuesQuery } from '../schemas/search';

/** `/v2/variables`: current values of every scope, ended instances included. */
export const variableRoutes =
  ({ queries }: RestContext): FastifyPluginAsync =>
  async (app) => {
    app.post(
      '/variables/search',
      {
        schema: { body: VariableSearchQuery, querystring: TruncateValuesQuery },
        preValidation: emptyBodyAsObject,
      },
      (request) => queries.searchVariables(searchRequest(request.body), truncateValues(request)),
    );

    app.get('/variables/:variableKey', async (request) => {
      const key = pathKey(request, 'variableKey');
      return found(await queries.getVariable(key), 'Variable', key);
    });
  };
