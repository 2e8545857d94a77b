import { type Static, type TObject } from 'typebox';
import type { EntityManager } from 'typeorm';
import { schemaProblems } from '../runtime/define-worker';
import { JobDataError } from '../runtime/job-outcome';

/** What a person decided, as the history and the record keep it. */
export interface DecisionRecord {
  /** The history event, e.g. `reviewed`, `resolution_sent_back`. */
  readonly type: string;
  readonly data: Record<string, unknown>;
  /** The record's own writes (state, review outcome, follow-up...), done once, in the job's transaction. */
  readonly effect: () => Promise<void>;
}

/** What a decision's recorder gets. */
export interface DecisionInput {
  readonly manager: EntityManager;
  readonly complaintId: string;
  /** The job's variables (each recorder checks those it needs). */
  readonly variables: Readonly<Record<string, unknown>>;
  /** The element of the user task that was decided (`Task_CarryOutFinalRemedy`), if a person decided. */
  readonly taskElementId: string | null;
  /** Who decided, as an actor (`staff:<id>`, `customer`). */
  readonly actor: string;
  readonly effectKey: string;
  readonly now: Date;
}

export type DecisionRecorder = (input: DecisionInput) => Promise<DecisionRecord>;

/**
 * The variables a decision needs, checked against its schema: a missing or malformed one is an
 * incident naming every problem (the form or the message did not deliver what the step needs).
 */
export function decisionVariables<S extends TObject>(
  schema: S,
  variables: Readonly<Record<string, unknown>>,
  decision: string,
): Static<S> {
  const wanted = Object.fromEntries(
    Object.keys(schema.properties)
      .filter((name) => variables[name] !== undefined && variables[name] !== null)
      .map((name) => [name, variables[name]]),
  );
  const problems = schemaProblems(schema, wanted);
  if (problems.length > 0) {
    throw new JobDataError(`the ${decision} decision cannot be recorded: ${problems.join('; ')}`);
  }
  return wanted as Static<S>;
}
