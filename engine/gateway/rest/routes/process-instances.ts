import { type FastifyPluginAsync } from 'fastify';
import { type CreatedInstance } from '../../../api/engine-api';
import { type CreateInstanceRequest } from '../../../runtime/commands/instance-commands';
import { emptyBodyAsObject } from '../body-parsers';
import { badRequest, invalidArgument, unimplemented } from '../problem';
import { type RestContext } from '../rest-context';
import { bodyKey, checkTenant, found, pathKey, searchRequest, variablesOf } from '../request-values';
import {
  CancelProcessInstanceRequest,
  ProcessInstanceCreationRequest,
  ProcessInstanceSearchQuery,
} from '../schemas/process-instances';

/** How long `awaitCompletion` waits when the request sets no `requestTimeout` (as the gRPC gateway). */
const DEFAULT_AWAIT_TIMEOUT_MS = 15_000;

/** `/v2/process-instances`: create (optionally awaiting the result), search, read, cancel. */
export const processInstanceRoutes =
  ({ api, queries }: RestContext): FastifyPluginAsync =>
  async (app) => {
    app.post('/process-instances', { schema: { body: ProcessInstanceCreationRequest } }, async (request) => {
      const body = request.body as ProcessInstanceCreationRequest;
      const command = creationCommand(body);
      if (!body.awaitCompletion) return createdResponse(await api.createInstance(command), {});
      const timeout =
        body.requestTimeout && body.requestTimeout > 0 ? body.requestTimeout : DEFAULT_AWAIT_TIMEOUT_MS;
      const result = await api.createInstanceWithResult(command, timeout, body.fetchVariables ?? []);
      return createdResponse(result, result.variables);
    });

    app.post(
      '/process-instances/search',
      { schema: { body: ProcessInstanceSearchQuery }, preValidation: emptyBodyAsObject },
      (request) => queries.searchProcessInstances(searchRequest(request.body)),
    );

    app.get('/process-instances/:processInstanceKey', async (request) => {
      const key = pathKey(request, 'processInstanceKey');
      return found(await queries.getProcessInstance(key), 'Process Instance', key);
    });

    app.post(
      '/process-instances/:processInstanceKey/cancellation',
      { schema: { body: CancelProcessInstanceRequest }, preValidation: emptyBodyAsObject },
      async (request, reply) => {
        await api.cancelInstance(pathKey(request, 'processInstanceKey'));
        return reply.code(204).send();
      },
    );
  };

/** 8.8 `ProcessInstanceRequestValidator`, then the engine's create command. */
function creationCommand(body: ProcessInstanceCreationRequest): CreateInstanceRequest {
  const byId = body.processDefinitionId !== undefined;
  const byKey = body.processDefinitionKey !== undefined;
  if (!byId && !byKey)
    throw invalidArgument('At least one of [processDefinitionId, processDefinitionKey] is required.');
  if (byId && byKey)
    throw invalidArgument('Only one of [processDefinitionId, processDefinitionKey] is allowed.');
  if (byKey && body.processDefinitionVersion !== undefined) {
    throw badRequest('Request property [processDefinitionVersion] cannot be parsed');
  }
  if (body.operationReference !== undefined && body.operationReference < 1) {
    throw invalidArgument(
      `The value for operationReference is '${body.operationReference}' but must be > 0.`,
    );
  }
  checkTenant(body.tenantId, 'Create Process Instance');
  if (body.runtimeInstructions?.length) {
    throw unimplemented(
      'The embedded engine does not support runtime instructions when creating a process instance.',
    );
  }
  if (body.tags?.length) throw unimplemented('The embedded engine does not support process instance tags.');
  const instructions = body.startInstructions?.map((instruction) => instruction.elementId) ?? [];
  return {
    ...(byId
      ? { bpmnProcessId: body.processDefinitionId, version: body.processDefinitionVersion ?? -1 }
      : { processDefinitionKey: bodyKey(body.processDefinitionKey!, 'processDefinitionKey') }),
    variables: variablesOf(body.variables),
    ...(instructions.length > 0 ? { startInstructions: instructions } : {}),
  };
}

function createdResponse(instance: CreatedInstance, variables: object) {
  return {
    processDefinitionKey: String(instance.processDefinitionKey),
    processDefinitionId: instance.bpmnProcessId,
    processDefinitionVersion: instance.version,
    processInstanceKey: String(instance.processInstanceKey),
    tenantId: instance.tenantId,
    variables,
    tags: [],
  };
}
