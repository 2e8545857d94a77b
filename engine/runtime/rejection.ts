/**
 * A command the engine refuses, with the reason a client can act on. The gateways map the code to a
 * gRPC status and an HTTP status. Nothing of a rejected command is kept.
 */
export type RejectionCode =
  | 'NOT_FOUND'
  | 'INVALID_ARGUMENT'
  | 'INVALID_STATE'
  | 'ALREADY_EXISTS'
  | 'RESOURCE_EXHAUSTED'
  | 'UNAVAILABLE'
  | 'DEADLINE_EXCEEDED'
  | 'UNIMPLEMENTED'
  | 'INTERNAL';

export class Rejection extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'Rejection';
  }
}

/** Zeebe's wording: "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to …". */
export function rejected(intent: string, code: RejectionCode, reason: string): Rejection {
  const zeebeCode = code === 'INVALID_ARGUMENT' ? 'INVALID_ARGUMENT' : code;
  return new Rejection(code, `Command '${intent}' rejected with code '${zeebeCode}': ${reason}`);
}
