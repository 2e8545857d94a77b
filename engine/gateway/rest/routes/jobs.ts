import { type FastifyPluginAsync, type FastifyReply } from 'fastify';
import { type ActivatedJob } from '../../../runtime/commands/job-commands';
import { emptyBodyAsObject } from '../body-parsers';
import { invalidArgument, unimplemented } from '../problem';
import { type RestContext } from '../rest-context';
import { checkTenant, isBlank, pathKey, variablesOf, Violations } from '../request-values';
import {
  JobActivationRequest,
  JobCompletionRequest,
  JobErrorRequest,
  JobFailRequest,
  JobUpdateRequest,
} from '../schemas/jobs';

/** `/v2/jobs`: what the SDK's REST job worker uses (long-polling activation, complete, fail, error, update). */
export const jobRoutes =
  ({ api, options }: RestContext): FastifyPluginAsync =>
  async (app) => {
    app.post('/jobs/activation', { schema: { body: JobActivationRequest } }, async (request, reply) => {
      const body = request.body as JobActivationRequest;
      checkActivation(body);
      const wait =
        body.requestTimeout === undefined || body.requestTimeout === 0
          ? options.longPollTimeoutMs
          : body.requestTimeout;
      const jobs = await api.activateJobs(
        {
          type: body.type!,
          worker: body.worker ?? '',
          timeout: body.timeout!,
          maxJobs: body.maxJobsToActivate!,
          ...(body.fetchVariable?.length ? { fetchVariables: body.fetchVariable } : {}),
        },
        Math.max(0, wait),
        (cancel) => onClientGone(reply, cancel),
      );
      return { jobs: jobs.map(activatedJob) };
    });

    app.post(
      '/jobs/:jobKey/completion',
      { schema: { body: JobCompletionRequest }, preValidation: emptyBodyAsObject },
      async (request, reply) => {
        const body = request.body as JobCompletionRequest;
        if (body?.result)
          throw unimplemented(
            'The embedded engine does not support job results (task listeners, ad-hoc sub-processes).',
          );
        await api.completeJob(pathKey(request, 'jobKey'), variablesOf(body?.variables));
        return reply.code(204).send();
      },
    );

    app.post(
      '/jobs/:jobKey/failure',
      { schema: { body: JobFailRequest }, preValidation: emptyBodyAsObject },
      async (request, reply) => {
        const body = request.body as JobFailRequest;
        await api.failJob(pathKey(request, 'jobKey'), {
          retries: body?.retries ?? 0,
          errorMessage: body?.errorMessage ?? '',
          retryBackOff: Math.max(0, body?.retryBackOff ?? 0),
          variables: variablesOf(body?.variables),
        });
        return reply.code(204).send();
      },
    );

    app.post('/jobs/:jobKey/error', { schema: { body: JobErrorRequest } }, async (request, reply) => {
      const body = request.body as JobErrorRequest;
      if (isBlank(body.errorCode)) throw invalidArgument('No errorCode provided.');
      await api.throwError(
        pathKey(request, 'jobKey'),
        body.errorCode!,
        body.errorMessage ?? '',
        variablesOf(body.variables),
      );
      return reply.code(204).send();
    });

    app.patch('/jobs/:jobKey', { schema: { body: JobUpdateRequest } }, async (request, reply) => {
      const { changeset } = request.body as JobUpdateRequest;
      const retries = changeset?.retries ?? undefined;
      const timeout = changeset?.timeout ?? undefined;
      if (retries === undefined && timeout === undefined)
        throw invalidArgument('At least one of [retries, timeout] is required.');
      await api.updateJob(pathKey(request, 'jobKey'), {
        ...(retries !== undefined ? { retries } : {}),
        ...(timeout !== undefined ? { timeout } : {}),
      });
      return reply.code(204).send();
    });
  };

/** 8.8 `JobRequestValidator`. */
function checkActivation(body: JobActivationRequest): void {
  const violations = new Violations();
  if (isBlank(body.type)) violations.add('No type provided.');
  if (body.timeout === undefined) violations.add('No timeout provided.');
  else if (body.timeout < 1)
    violations.add(`The value for timeout is '${body.timeout}' but must be greater than 0.`);
  if (body.maxJobsToActivate === undefined) violations.add('No maxJobsToActivate provided.');
  else if (body.maxJobsToActivate < 1) {
    violations.add(
      `The value for maxJobsToActivate is '${body.maxJobsToActivate}' but must be greater than 0.`,
    );
  }
  violations.check();
  for (const tenantId of body.tenantIds ?? []) checkTenant(tenantId, 'Activate Jobs');
}

/** A worker that stops aborts its long poll: drop the poll so that no job is activated for it. */
function onClientGone(reply: FastifyReply, cancel: () => void): void {
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) cancel();
  });
}

function activatedJob({ job, variables }: ActivatedJob) {
  return {
    jobKey: String(job.key),
    type: job.type,
    processInstanceKey: String(job.processInstanceKey),
    processDefinitionId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: String(job.processDefinitionKey),
    elementId: job.elementId,
    elementInstanceKey: String(job.elementInstanceKey),
    customHeaders: { ...job.customHeaders },
    worker: job.worker ?? '',
    retries: job.retries,
    deadline: job.deadline ?? 0,
    variables,
    tenantId: job.tenantId,
    kind: 'BPMN_ELEMENT',
    listenerEventType: 'UNSPECIFIED',
  };
}
