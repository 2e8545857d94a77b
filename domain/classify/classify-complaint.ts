import { DomainError } from '../domain-error';
import { CATEGORIES, type Category, type Channel, type Priority, type Severity } from '../vocabulary';
import type { ClassificationRules } from './classification-rules';
import type { ClassificationExplanation, Decision, Reason } from './explanation';
import { matchLexicon, normalizeText, type TermMatch } from './lexicon';
import { priorityOf } from './priority';
import { severityOf } from './severity';

/** What classification reads of a complaint. */
export interface ComplaintFacts {
  /** Subject, description and request (事由、投诉请求), Chinese or English. */
  readonly text: string;
  readonly channel: Channel;
  /** The category the complainant picked, if any (a code outside the vocabulary is ignored). */
  readonly declaredCategory?: Category | null;
  /** Claimed loss (CNY). */
  readonly lossAmount?: number | null;
  /** The complainant's other complaints in the recent period. */
  readonly recentComplaints?: number;
  readonly mediaExposure?: boolean;
}

export interface Classification {
  readonly category: Category;
  readonly subType: string;
  readonly severity: Severity;
  readonly priority: Priority;
  /** 0–100, for Camunda user tasks. */
  readonly taskPriority: number;
  /** False when no keyword reached the minimum score: the declared category or the fallback decided, check it. */
  readonly confident: boolean;
  readonly explanation: ClassificationExplanation;
}

const keywordReason = (m: TermMatch, target: string): Reason => ({
  rule: 'keyword',
  points: m.weight,
  detail: `"${m.term}" (${m.lang}) → ${target}`,
});

/**
 * Classifies a complaint (DOMAIN §2) by the rules' keywords: the category with the highest score
 * (its own terms plus its sub-types' terms, plus a bonus for the declared category), the sub-type
 * with the highest score within it, the severity from cues and the loss, the priority from urgency
 * and impact. Every decision carries the terms and rules that made it.
 */
export function classifyComplaint(rules: ClassificationRules, facts: ComplaintFacts): Classification {
  const normalized = normalizeText(facts.text);
  const lossAmount = facts.lossAmount ?? 0;
  const declared = CATEGORIES.includes(facts.declaredCategory as Category)
    ? (facts.declaredCategory as Category)
    : null;
  const { confident, ...category } = categoryOf(rules, normalized, declared);
  const usedFallback = !confident && !declared && category.chosen === rules.fallback.category;
  const subType = subTypeOf(
    rules,
    normalized,
    category.chosen,
    usedFallback ? rules.fallback.subType : undefined,
  );
  const severity = severityOf(rules.severity, normalized, lossAmount);
  const priority = priorityOf(rules.priority, normalized, {
    severity: severity.chosen,
    lossAmount,
    recentComplaints: facts.recentComplaints ?? 0,
    mediaExposure: facts.mediaExposure ?? false,
    channel: facts.channel,
  });
  return {
    category: category.chosen,
    subType: subType.chosen,
    severity: severity.chosen,
    priority: priority.priority,
    taskPriority: priority.taskPriority,
    confident,
    explanation: {
      rulesVersion: rules.version,
      category,
      subType,
      severity,
      priority: { points: priority.points, reasons: priority.reasons },
    },
  };
}

function categoryOf(
  rules: ClassificationRules,
  normalized: string,
  declared: Category | null,
): Decision<Category> & { confident: boolean } {
  const scores: Record<string, number> = {};
  const reasons: Record<string, Reason[]> = {};
  for (const category of CATEGORIES) {
    const own = rules.categories[category];
    if (!own)
      throw new DomainError(
        'INVALID_CLASSIFICATION_RULES',
        `the rules have no entry for category "${category}"`,
      );
    const found = matchLexicon(normalized, own.keywords).map((m) => keywordReason(m, category));
    for (const [subType, lexicon] of Object.entries(own.subTypes)) {
      found.push(...matchLexicon(normalized, lexicon).map((m) => keywordReason(m, `${category}.${subType}`)));
    }
    reasons[category] = found;
    scores[category] = found.reduce((sum, r) => sum + r.points, 0);
  }
  const keywordBest = best(scores, declared);
  const confident = scores[keywordBest] >= rules.minimumScore;
  if (declared) {
    scores[declared] += rules.declaredCategoryWeight;
    reasons[declared].push({
      rule: 'declared_category',
      points: rules.declaredCategoryWeight,
      detail: `the complainant declared "${declared}"`,
    });
  }
  const chosen = best(scores, declared);
  if (scores[chosen] >= rules.minimumScore) return { chosen, scores, reasons: reasons[chosen], confident };
  const fallback = declared ?? rules.fallback.category;
  const why = declared ? `declared category "${declared}"` : `fallback category "${fallback}"`;
  return {
    chosen: fallback,
    scores,
    reasons: [
      { rule: 'minimum_score', points: 0, detail: `no category reached ${rules.minimumScore}: ${why}` },
    ],
    confident: false,
  };
}

/** The highest score; ties go to the declared category, then to the order of CATEGORIES. */
function best(scores: Record<string, number>, declared: Category | null): Category {
  return CATEGORIES.reduce((a, b) => {
    if (scores[b] !== scores[a]) return scores[b] > scores[a] ? b : a;
    return b === declared ? b : a;
  });
}

function subTypeOf(
  rules: ClassificationRules,
  normalized: string,
  category: Category,
  fallback = rules.categories[category].fallbackSubType,
): Decision<string> {
  const own = rules.categories[category];
  const scores: Record<string, number> = {};
  const reasons: Record<string, Reason[]> = {};
  for (const [subType, lexicon] of Object.entries(own.subTypes)) {
    const matches = matchLexicon(normalized, lexicon);
    reasons[subType] = matches.map((m) => keywordReason(m, `${category}.${subType}`));
    scores[subType] = matches.reduce((sum, m) => sum + m.weight, 0);
  }
  const ranked = Object.keys(scores).sort((a, b) => scores[b] - scores[a]);
  const chosen = ranked.find((s) => scores[s] > 0);
  if (chosen) return { chosen, scores, reasons: reasons[chosen] };
  return {
    chosen: fallback,
    scores,
    reasons: [{ rule: 'fallback', points: 0, detail: `no sub-type term matched: "${fallback}"` }],
  };
}
