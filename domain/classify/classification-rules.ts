import type { Category, Channel, Severity } from '../vocabulary';

/** Keyword → weight. Chinese terms match anywhere; English terms match whole words, `*` ends a prefix (`damag*`). */
export type WeightedTerms = Readonly<Record<string, number>>;

/** Terms in each language; a negative weight counts against (e.g. "包装完好" against transport damage). */
export interface Lexicon {
  readonly zh?: WeightedTerms;
  readonly en?: WeightedTerms;
}

/** The words of one category: terms that point to it, and per sub-type the terms that point to that sub-type. */
export interface CategoryRules {
  readonly keywords: Lexicon;
  readonly subTypes: Readonly<Record<string, Lexicon>>;
  /** The sub-type when no sub-type term matched. */
  readonly fallbackSubType: string;
}

/** Severity (001 试行办法 四) from cues in the text and the loss amount. */
export interface SeverityRules {
  /** When no cue reaches `minimumScore`. */
  readonly default: Severity;
  readonly minimumScore: number;
  readonly cues: Readonly<Record<`${Severity}`, Lexicon>>;
  /** A loss of at least `from` (CNY) adds `weight` to `severity`. */
  readonly lossAmount: ReadonlyArray<{
    readonly from: number;
    readonly severity: Severity;
    readonly weight: number;
  }>;
}

/** Priority points (001 4.2; 003: urgency and impact) and the thresholds that turn them into a priority. */
export interface PriorityRules {
  readonly severityPoints: Readonly<Record<`${Severity}`, number>>;
  /** The highest bracket the loss reaches counts. */
  readonly lossAmountPoints: ReadonlyArray<{ readonly from: number; readonly points: number }>;
  /** Per earlier complaint of the same complainant in the recent period, up to `max`. */
  readonly recentComplaints: { readonly perComplaint: number; readonly max: number };
  readonly mediaExposurePoints: number;
  readonly channelPoints: Readonly<Partial<Record<Channel, number>>>;
  /** Words of urgency or escalation (曝光, 律师, 12315, urgent), summed up to `max`. */
  readonly urgencyCues: Lexicon & { readonly max: number };
  /** Points from which a priority applies; below `normal` it is low. taskPriority = points, 0–100. */
  readonly thresholds: { readonly normal: number; readonly high: number; readonly urgent: number };
}

/** domain/defaults/classification-rules.json: everything classification decides on, editable by an administrator. */
export interface ClassificationRules {
  readonly version: number;
  readonly categories: Readonly<Record<Category, CategoryRules>>;
  /** Added to the category the complainant declared. */
  readonly declaredCategoryWeight: number;
  /** A category needs this score to be chosen; below it the declared category, else `fallback`. */
  readonly minimumScore: number;
  readonly fallback: { readonly category: Category; readonly subType: string };
  readonly severity: SeverityRules;
  readonly priority: PriorityRules;
}
