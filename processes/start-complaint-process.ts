import type { Zeebe } from '@camunda8/sdk';
import { isAlreadyExists } from '../lib/camunda';

/** The message whose start event begins the complaint lifecycle (processes/README.md). */
export const COMPLAINT_RECEIVED = 'complaint-received';

/** How long the broker keeps the message: while it is kept, publishing it again is refused as a duplicate. */
export const COMPLAINT_RECEIVED_TTL_MS = 60 * 60 * 1000;

export interface ComplaintToStart {
  readonly complaintId: string;
  readonly complaintNumber: string;
}

export type StartOutcome =
  /** The message was published: the instance starts (or, with an instance active for the number, none does). */
  | { readonly published: true; readonly messageKey: string }
  /** The same message was published before and is still buffered: nothing more to do. */
  | { readonly published: false; readonly reason: 'already_published' };

/**
 * Starts the lifecycle of a stored complaint: publishes `complaint-received` with the complaint
 * number as correlation key and as message id, and a time to live. Idempotent: publishing again
 * (after a crash, by the retry of complaints awaiting their process) is refused by the broker while
 * the first message is buffered (ALREADY_EXISTS counts as success), and a message with a correlation
 * key starts at most one active instance per key. Variables: `complaintId`, `complaintNumber` only —
 * personal data never enters the process.
 */
export async function startComplaintProcess(
  zeebe: Pick<Zeebe.ZeebeGrpcClient, 'publishMessage'>,
  complaint: ComplaintToStart,
  options: { readonly timeToLiveMs?: number } = {},
): Promise<StartOutcome> {
  try {
    const published = await zeebe.publishMessage({
      name: COMPLAINT_RECEIVED,
      correlationKey: complaint.complaintNumber,
      messageId: complaint.complaintNumber,
      timeToLive: options.timeToLiveMs ?? COMPLAINT_RECEIVED_TTL_MS,
      variables: { complaintId: complaint.complaintId, complaintNumber: complaint.complaintNumber },
    });
    return { published: true, messageKey: String(published.key) };
  } catch (error) {
    if (isAlreadyExists(error)) {
      return { published: false, reason: 'already_published' };
    }
    throw error;
  }
}
