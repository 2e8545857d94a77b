import { type EngineApi } from '../../api/engine-api';
import { type DeploymentResult } from '../../runtime/commands/deploy';
import { DEFAULT_TENANT } from '../../runtime/state/entities';
import { int64, parseKey, parseVariables } from '../request-values';

/** A unary RPC: request object in, response object out (errors thrown as Rejection). */
export type UnaryHandler = (request: Record<string, unknown>) => Promise<object> | object;

export interface GatewayInfo {
  readonly host: string;
  readonly port: () => number;
  readonly version: string;
  readonly maxMessageSize: number;
}

/** The unary RPCs of `gateway_protocol.Gateway`, mapped onto the engine API. */
export function unaryHandlers(api: EngineApi, info: GatewayInfo): Record<string, UnaryHandler> {
  return {
    Topology: () => ({
      brokers: [
        {
          nodeId: 0,
          host: info.host,
          port: info.port(),
          partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
          version: info.version,
        },
      ],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: info.version,
    }),

    DeployResource: async (req) => {
      const resources = (req.resources as Array<{ name: string; content: Buffer }>) ?? [];
      const result = await api.deploy(resources.map((r) => ({ name: r.name, content: r.content })));
      return { key: String(result.key), deployments: deployments(result), tenantId: DEFAULT_TENANT };
    },

    DeployProcess: async (req) => {
      const processes = (req.processes as Array<{ name: string; definition: Buffer }>) ?? [];
      const result = await api.deploy(processes.map((p) => ({ name: p.name, content: p.definition })));
      return {
        key: String(result.key),
        processes: deployments(result).flatMap((d) => ('process' in d ? [d.process] : [])),
      };
    },

    CreateProcessInstance: async (req) => {
      const created = await api.createInstance(createRequest(req));
      return instanceResponse(created);
    },

    CreateProcessInstanceWithResult: async (req) => {
      const inner = (req.request as Record<string, unknown>) ?? {};
      const timeout = int64(req.requestTimeout);
      const result = await api.createInstanceWithResult(
        createRequest(inner),
        timeout > 0 ? timeout : 15_000,
        (req.fetchVariables as string[]) ?? [],
      );
      return { ...instanceResponse(result), variables: JSON.stringify(result.variables) };
    },

    CancelProcessInstance: async (req) => {
      await api.cancelInstance(parseKey(req.processInstanceKey, 'CANCEL', 'processInstanceKey'));
      return {};
    },

    CompleteJob: async (req) => {
      await api.completeJob(
        parseKey(req.jobKey, 'COMPLETE', 'jobKey'),
        parseVariables(req.variables as string),
      );
      return {};
    },

    FailJob: async (req) => {
      await api.failJob(parseKey(req.jobKey, 'FAIL', 'jobKey'), {
        retries: Number(req.retries ?? 0),
        errorMessage: String(req.errorMessage ?? ''),
        retryBackOff: int64(req.retryBackOff),
        variables: parseVariables(req.variables as string),
      });
      return {};
    },

    ThrowError: async (req) => {
      await api.throwError(
        parseKey(req.jobKey, 'THROW_ERROR', 'jobKey'),
        String(req.errorCode ?? ''),
        String(req.errorMessage ?? ''),
        parseVariables(req.variables as string),
      );
      return {};
    },

    PublishMessage: async (req) => {
      const correlation = await api.publishMessage({
        name: String(req.name ?? ''),
        correlationKey: String(req.correlationKey ?? ''),
        timeToLive: Math.max(0, int64(req.timeToLive)),
        ...(req.messageId ? { messageId: String(req.messageId) } : {}),
        variables: parseVariables(req.variables as string),
      });
      return { key: String(correlation.messageKey), tenantId: DEFAULT_TENANT };
    },

    SetVariables: async (req) => {
      const key = await api.setVariables(
        parseKey(req.elementInstanceKey, 'UPDATE', 'elementInstanceKey'),
        parseVariables(req.variables as string),
        Boolean(req.local),
      );
      return { key: String(key) };
    },

    UpdateJobRetries: async (req) => {
      await api.updateJobRetries(parseKey(req.jobKey, 'UPDATE_RETRIES', 'jobKey'), Number(req.retries ?? 0));
      return {};
    },

    UpdateJobTimeout: async (req) => {
      await api.updateJobTimeout(parseKey(req.jobKey, 'UPDATE_TIMEOUT', 'jobKey'), int64(req.timeout));
      return {};
    },

    ResolveIncident: async (req) => {
      await api.resolveIncident(parseKey(req.incidentKey, 'RESOLVE', 'incidentKey'));
      return {};
    },

    BroadcastSignal: async (req) => {
      const key = await api.broadcastSignal(
        String(req.signalName ?? ''),
        parseVariables(req.variables as string),
      );
      return { key: String(key), tenantId: DEFAULT_TENANT };
    },
  };
}

function createRequest(req: Record<string, unknown>) {
  const definitionKey = int64(req.processDefinitionKey);
  const instructions = (req.startInstructions as Array<{ elementId: string }>) ?? [];
  return {
    ...(req.bpmnProcessId ? { bpmnProcessId: String(req.bpmnProcessId) } : {}),
    ...(req.bpmnProcessId ? { version: Number(req.version ?? -1) } : {}),
    ...(definitionKey > 0 ? { processDefinitionKey: definitionKey } : {}),
    variables: parseVariables(req.variables as string),
    ...(instructions.length > 0 ? { startInstructions: instructions.map((i) => i.elementId) } : {}),
  };
}

function instanceResponse(created: Awaited<ReturnType<EngineApi['createInstance']>>) {
  return {
    processDefinitionKey: String(created.processDefinitionKey),
    bpmnProcessId: created.bpmnProcessId,
    version: created.version,
    processInstanceKey: String(created.processInstanceKey),
    tenantId: created.tenantId,
  };
}

/** Processes first, then forms, as Zeebe groups them. */
function deployments(result: DeploymentResult) {
  return [
    ...result.processes.map((p) => ({
      process: {
        bpmnProcessId: p.bpmnProcessId,
        version: p.version,
        processDefinitionKey: String(p.key),
        resourceName: p.resourceName,
        tenantId: p.tenantId,
      },
    })),
    ...result.forms.map((f) => ({
      form: {
        formId: f.formId,
        version: f.version,
        formKey: String(f.key),
        resourceName: f.resourceName,
        tenantId: f.tenantId,
      },
    })),
  ];
}
