import Fastify, { type FastifyInstance } from 'fastify';
import { installBodyParsers } from './body-parsers';
import { installErrorHandlers } from './error-handler';
import { type RestContext } from './rest-context';
import { clusterRoutes } from './routes/cluster';
import { deploymentRoutes } from './routes/deployments';
import { elementInstanceRoutes } from './routes/element-instances';
import { incidentRoutes } from './routes/incidents';
import { jobRoutes } from './routes/jobs';
import { messageRoutes } from './routes/messages';
import { processDefinitionRoutes } from './routes/process-definitions';
import { processInstanceRoutes } from './routes/process-instances';
import { userTaskRoutes } from './routes/user-tasks';
import { variableRoutes } from './routes/variables';

const ROUTES = [
  clusterRoutes,
  deploymentRoutes,
  elementInstanceRoutes,
  incidentRoutes,
  jobRoutes,
  messageRoutes,
  processDefinitionRoutes,
  processInstanceRoutes,
  userTaskRoutes,
  variableRoutes,
];

/**
 * The REST gateway as a Fastify app, not listening (tests may `inject`). Request bodies are checked
 * against the 8.8 schemas as 8.8 GA does: no unknown properties, no type coercion.
 */
export function buildRestApp(context: RestContext): FastifyInstance {
  const app = Fastify({
    bodyLimit: context.options.maxMessageSize,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false } },
  });
  installBodyParsers(app);
  installErrorHandlers(app, context.options.maxMessageSize, context.log);
  for (const routes of ROUTES) void app.register(routes(context), { prefix: '/v2' });
  return app;
}
