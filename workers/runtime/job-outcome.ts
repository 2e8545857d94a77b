/**
 * What a job handler decides, as data; `job-adapter.ts` turns it into the SDK call. A handler never
 * calls the SDK itself, so every handler can be read (and tested) as "given this job, this outcome".
 */
export type JobOutcome =
  /** Done: these variables go back into the process. */
  | { readonly kind: 'complete'; readonly variables: Record<string, unknown> }
  /** An expected business outcome that the diagram catches (an error boundary or event sub-process). */
  | {
      readonly kind: 'bpmn-error';
      readonly code: string;
      readonly message: string;
      readonly variables: Record<string, unknown>;
    }
  /** Something retrying can fix (a database or network hiccup): retried with back-off. */
  | { readonly kind: 'retry'; readonly message: string }
  /** Retrying cannot fix it (the job's data is wrong): an incident now, with a message saying what is wrong. */
  | { readonly kind: 'incident'; readonly message: string };

export const complete = (variables: Record<string, unknown> = {}): JobOutcome => ({
  kind: 'complete',
  variables,
});

export const bpmnError = (
  code: string,
  message: string,
  variables: Record<string, unknown> = {},
): JobOutcome => ({
  kind: 'bpmn-error',
  code,
  message,
  variables,
});

export const retry = (message: string): JobOutcome => ({ kind: 'retry', message });

export const incident = (message: string): JobOutcome => ({ kind: 'incident', message });

/** Thrown by domain or repository code when the data a job refers to cannot be right (→ incident). */
export class JobDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobDataError';
  }
}
