import { type FastifyPluginAsync } from 'fastify';
import { type DeploymentResult } from '../../../runtime/commands/deploy';
import { DEFAULT_TENANT } from '../../../runtime/state/entities';
import { type FormPart } from '../body-parsers';
import { badRequest } from '../problem';
import { type RestContext } from '../rest-context';
import { checkTenant } from '../request-values';

/**
 * `POST /v2/deployments` (multipart): one `resources` part per file (type by file name), and an
 * optional `tenantId` part. Resource bytes are deployed as received.
 */
export const deploymentRoutes =
  ({ api }: RestContext): FastifyPluginAsync =>
  async (app) => {
    app.post('/deployments', async (request) => {
      if (!Array.isArray(request.body))
        throw badRequest('Expected a multipart/form-data request with resources');
      const parts = request.body as FormPart[];
      const tenant = parts.find((part) => part.name === 'tenantId');
      checkTenant(tenant?.content.toString('utf8'), 'Deploy Resources');
      const resources = parts
        .filter((part) => part.name === 'resources')
        .map((part) => ({ name: part.filename ?? 'resource', content: part.content }));
      return deploymentResponse(await api.deploy(resources));
    });
  };

/** Processes first, then forms; one kind of key per entry. */
function deploymentResponse(result: DeploymentResult) {
  return {
    deploymentKey: String(result.key),
    tenantId: DEFAULT_TENANT,
    deployments: [
      ...result.processes.map((p) => ({
        processDefinition: {
          processDefinitionId: p.bpmnProcessId,
          processDefinitionVersion: p.version,
          resourceName: p.resourceName,
          tenantId: p.tenantId,
          processDefinitionKey: String(p.key),
        },
      })),
      ...result.forms.map((f) => ({
        form: {
          formId: f.formId,
          version: f.version,
          resourceName: f.resourceName,
          tenantId: f.tenantId,
          formKey: String(f.key),
        },
      })),
    ],
  };
}
