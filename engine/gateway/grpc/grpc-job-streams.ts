import type * as grpc from '@grpc/grpc-js';
import { type EngineApi } from '../../api/engine-api';
import { type EngineLogger } from '../../logger';
import { type ActivatedJob } from '../../runtime/commands/job-commands';
import { rejected } from '../../runtime/rejection';
import { int64 } from '../request-values';
import { toServiceError } from './grpc-status';

type Request = Record<string, unknown>;

/** The wire form of an activated job: keys as strings, headers and variables as JSON text. */
export function toActivatedJob({ job, variables }: ActivatedJob) {
  return {
    key: String(job.key),
    type: job.type,
    processInstanceKey: String(job.processInstanceKey),
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: String(job.processDefinitionKey),
    elementId: job.elementId,
    elementInstanceKey: String(job.elementInstanceKey),
    customHeaders: JSON.stringify(job.customHeaders ?? {}),
    worker: job.worker ?? '',
    retries: job.retries,
    deadline: String(job.deadline ?? 0),
    variables: JSON.stringify(variables),
    tenantId: job.tenantId,
  };
}

function activationRequest(req: Request, withMax: boolean, maxMessageSize: number) {
  const type = String(req.type ?? '');
  const timeout = int64(req.timeout);
  const maxJobs = Number(req.maxJobsToActivate ?? 0);
  if (type.trim() === '')
    throw rejected(
      'ACTIVATE',
      'INVALID_ARGUMENT',
      'Expected to activate job batch with type to be present, but it was blank',
    );
  if (timeout <= 0) {
    throw rejected(
      'ACTIVATE',
      'INVALID_ARGUMENT',
      `Expected to activate job batch with timeout to be greater than zero, but it was '${timeout}'`,
    );
  }
  if (withMax && maxJobs <= 0) {
    throw rejected(
      'ACTIVATE',
      'INVALID_ARGUMENT',
      `Expected to activate job batch with max jobs to activate to be greater than zero, but it was '${maxJobs}'`,
    );
  }
  return {
    type,
    worker: String(req.worker ?? ''),
    timeout,
    maxJobs,
    fetchVariables: (req.fetchVariable as string[]) ?? [],
    maxResponseBytes: maxMessageSize,
    // a stream pushes each job in a message of its own
    limitPerJob: !withMax,
  };
}

/**
 * ActivateJobs: answers with the jobs available now, or waits for some (long polling:
 * `requestTimeout` 0 = the default wait, negative = no wait); ends without a message when none came.
 */
export function activateJobsHandler(
  api: EngineApi,
  defaultWaitMs: number,
  maxMessageSize: number,
  log: EngineLogger,
) {
  return (call: grpc.ServerWritableStream<Request, object>) => {
    let cancel: (() => void) | undefined;
    call.on('cancelled', () => cancel?.());
    Promise.resolve()
      .then(() => {
        const request = activationRequest(call.request, true, maxMessageSize);
        const requestTimeout = int64(call.request.requestTimeout);
        const waitMs = requestTimeout === 0 ? defaultWaitMs : requestTimeout;
        return api.activateJobs(request, waitMs, (c) => {
          cancel = c;
          if (call.cancelled) c(); // the client left before the poll was registered
        });
      })
      .then(
        (jobs) => {
          if (call.cancelled) {
            // activated for a client that is gone: hand them back instead of waiting for their timeout
            if (jobs.length > 0) void api.yieldJobs(jobs.map((j) => j.job.key)).catch(() => undefined);
            return;
          }
          if (jobs.length > 0) call.write({ jobs: jobs.map(toActivatedJob) });
          call.end();
        },
        // emit, not destroy: grpc-js sends the status on 'error'; a destroyed call never answers
        (error) =>
          call.emit(
            'error',
            Object.assign(new Error(String(error?.message)), toServiceError(error, log, 'ActivateJobs')),
          ),
      );
  };
}

/** StreamActivatedJobs: jobs of the type are pushed as they become activatable, until the client leaves. */
export function streamJobsHandler(api: EngineApi, maxMessageSize: number, log: EngineLogger) {
  return (call: grpc.ServerWritableStream<Request, object>) => {
    let request;
    try {
      request = activationRequest(call.request, false, maxMessageSize);
    } catch (error) {
      call.emit(
        'error',
        Object.assign(
          new Error(String((error as Error).message)),
          toServiceError(error, log, 'StreamActivatedJobs'),
        ),
      );
      return;
    }
    const close = api.openJobStream({
      request,
      push: (job) => {
        if (call.cancelled || call.destroyed) return false;
        call.write(toActivatedJob(job));
        return true;
      },
    });
    call.on('cancelled', close);
    call.on('close', close);
    call.on('error', close);
  };
}
