import { AppError } from '../lib/errors';

/**
 * A template cannot be rendered or saved: a placeholder without a value, a malformed placeholder, an
 * unknown filter, a value of the wrong kind, a template that does not exist. 422: the request is well
 * formed but what it asks cannot be written. Never sends a text with `{{…}}` left in it.
 */
export class TemplateError extends AppError {
  constructor(code: string, message: string, extensions: Readonly<Record<string, unknown>> = {}) {
    super(code, message, 422, { extensions });
  }
}

/**
 * A delivery did not go through. `permanent`: retrying cannot help (the receiver refused it), so it is
 * marked failed at once; otherwise it is retried with back-off. `retryAfterMs`: the receiver asked to
 * wait at least this long (HTTP Retry-After).
 */
export class DeliveryError extends Error {
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly code: string,
    message: string,
    readonly permanent: boolean,
    options: ErrorOptions & { retryAfterMs?: number } = {},
  ) {
    super(message, options);
    this.name = 'DeliveryError';
    this.retryAfterMs = options.retryAfterMs;
  }
}
