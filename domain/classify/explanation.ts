/** Why a classification came out as it did: each rule that added points, and how many. */
export interface Reason {
  readonly rule:
    | 'keyword'
    | 'declared_category'
    | 'minimum_score'
    | 'fallback'
    | 'loss_amount'
    | 'severity'
    | 'recent_complaints'
    | 'media_exposure'
    | 'channel'
    | 'urgency';
  readonly points: number;
  /** What matched or applied: `"破损" (zh) → transport.damage`, `loss ≥ 500 CNY → severity 3`. */
  readonly detail: string;
}

/** One decision, the scores it compared and the reasons behind the winner. */
export interface Decision<T extends string | number> {
  readonly chosen: T;
  readonly scores: Readonly<Record<string, number>>;
  readonly reasons: readonly Reason[];
}

export interface ClassificationExplanation {
  readonly rulesVersion: number;
  readonly category: Decision<string>;
  readonly subType: Decision<string>;
  readonly severity: Decision<number>;
  readonly priority: { readonly points: number; readonly reasons: readonly Reason[] };
}
