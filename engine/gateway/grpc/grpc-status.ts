import { status, type ServiceError, Metadata } from '@grpc/grpc-js';
import { type EngineLogger } from '../../logger';
import { Rejection, type RejectionCode } from '../../runtime/rejection';

const CODES: Record<RejectionCode, status> = {
  NOT_FOUND: status.NOT_FOUND,
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  INVALID_STATE: status.FAILED_PRECONDITION,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  RESOURCE_EXHAUSTED: status.RESOURCE_EXHAUSTED,
  UNAVAILABLE: status.UNAVAILABLE,
  DEADLINE_EXCEEDED: status.DEADLINE_EXCEEDED,
  UNIMPLEMENTED: status.UNIMPLEMENTED,
  INTERNAL: status.INTERNAL,
};

/** Any failure as a gRPC error: rejections keep their code and message; anything else is INTERNAL. */
export function toServiceError(error: unknown, log: EngineLogger, rpc: string): Partial<ServiceError> {
  if (error instanceof Rejection)
    return { code: CODES[error.code], details: error.message, metadata: new Metadata() };
  log.error({ err: error, rpc }, 'engine: unexpected gRPC failure');
  return {
    code: status.INTERNAL,
    details: `Unexpected error occurred during the request processing: ${(error as Error)?.message ?? String(error)}`,
    metadata: new Metadata(),
  };
}
