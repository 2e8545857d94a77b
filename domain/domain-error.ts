/**
 * A rule of the domain was given data it cannot work with: a stable `code` (SCREAMING_SNAKE) and a
 * message that says what to fix. domain/ imports nothing of ours, so the layers above map this onto
 * their own errors (an incident for a worker, a 400/409 for the HTTP API).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A text in both languages the system answers in (vocabulary LANGUAGES). */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** A point in time: a Date, or an ISO 8601 date-time (without an offset it is read in the calendar's zone). */
export type Instant = Date | string;
