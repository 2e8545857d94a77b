import type { CamundaRestClient, Zeebe } from '@camunda8/sdk';
import type { Complaint } from '../../db/entities/complaint.entity';
import { isAlreadyExists, restStatusOf } from '../../lib/camunda';
import { ConflictError, UnavailableError } from '../../lib/errors';

/**
 * Correlates a message to the complaint's process (correlation key: its number). Correlation, not
 * publication: the caller learns at once if nothing in the process awaits the message.
 */
export async function tellProcess(
  deps: { rest: CamundaRestClient },
  complaint: Complaint,
  name: string,
  variables: Parameters<CamundaRestClient['correlateMessage']>[0]['variables'],
): Promise<void> {
  if (!complaint.processInstanceKey) {
    throw new ConflictError(
      `The handling of complaint ${complaint.number} has not started yet (the engine was unreachable); retry in a minute.`,
      'PROCESS_NOT_STARTED',
    );
  }
  try {
    await deps.rest.correlateMessage({ name, correlationKey: complaint.number, variables });
  } catch (error) {
    if (restStatusOf(error) === 404) {
      throw new ConflictError(
        `Complaint ${complaint.number} is not at a step that takes this (${name}) now.`,
        'NOT_AWAITED_NOW',
      );
    }
    throw new UnavailableError(
      'The process engine could not be reached; retry shortly.',
      'ENGINE_UNAVAILABLE',
      {
        cause: error,
      },
    );
  }
}

/** How long a customer's response waits for the process to be ready for it. */
export const RESPONSE_TTL_MS = 60 * 60_000;

/**
 * Publishes the customer's one response to the result. Published, not correlated: the record says
 * the result awaits the customer a moment before the process opens its appeal window, so the
 * message is buffered (an hour) until the window takes it. Its id makes a second response a 409.
 */
export async function sendCustomerResponse(
  deps: { zeebe: Pick<Zeebe.ZeebeGrpcClient, 'publishMessage'> },
  complaint: Complaint,
  variables: { customerResponse: string; appealReason?: string },
): Promise<void> {
  try {
    await deps.zeebe.publishMessage({
      name: 'customer-response',
      correlationKey: complaint.number,
      messageId: `${complaint.number}:customer-response`,
      timeToLive: RESPONSE_TTL_MS,
      variables,
    });
  } catch (error) {
    if (isAlreadyExists(error)) {
      throw new ConflictError(
        `A response to complaint ${complaint.number} was already received.`,
        'ALREADY_RESPONDED',
      );
    }
    throw new UnavailableError(
      'The process engine could not be reached; retry shortly.',
      'ENGINE_UNAVAILABLE',
      {
        cause: error,
      },
    );
  }
}
