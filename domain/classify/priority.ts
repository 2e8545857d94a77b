import type { Channel, Priority, Severity } from '../vocabulary';
import type { PriorityRules } from './classification-rules';
import type { Reason } from './explanation';
import { matchLexicon } from './lexicon';

/** What priority looks at besides the text. */
export interface PriorityFacts {
  readonly severity: Severity;
  readonly lossAmount: number;
  readonly recentComplaints: number;
  readonly mediaExposure: boolean;
  readonly channel: Channel;
}

export interface PriorityResult {
  readonly priority: Priority;
  /** For Camunda user tasks, 0–100. */
  readonly taskPriority: number;
  readonly points: number;
  readonly reasons: readonly Reason[];
}

/**
 * Priority from urgency and impact (001 4.2; 003): points for severity, the loss, a repeat
 * complainant, public or media exposure, the channel and words of urgency, compared with thresholds.
 */
export function priorityOf(rules: PriorityRules, normalized: string, facts: PriorityFacts): PriorityResult {
  const reasons: Reason[] = [];
  const add = (rule: Reason['rule'], points: number, detail: string) => {
    if (points !== 0) reasons.push({ rule, points, detail });
  };
  add('severity', rules.severityPoints[`${facts.severity}`], `severity ${facts.severity}`);
  const bracket = [...rules.lossAmountPoints]
    .sort((a, b) => b.from - a.from)
    .find((b) => facts.lossAmount >= b.from);
  if (bracket) add('loss_amount', bracket.points, `loss ${facts.lossAmount} ≥ ${bracket.from} CNY`);
  const repeats = Math.min(
    facts.recentComplaints * rules.recentComplaints.perComplaint,
    rules.recentComplaints.max,
  );
  add('recent_complaints', repeats, `${facts.recentComplaints} recent complaint(s) by the same complainant`);
  if (facts.mediaExposure) add('media_exposure', rules.mediaExposurePoints, 'public or media exposure');
  add('channel', rules.channelPoints[facts.channel] ?? 0, `channel ${facts.channel}`);
  const urgency = matchLexicon(normalized, rules.urgencyCues);
  const urgencyPoints = Math.min(
    urgency.reduce((sum, m) => sum + m.weight, 0),
    rules.urgencyCues.max,
  );
  add('urgency', urgencyPoints, urgency.map((m) => `"${m.term}"`).join(', '));
  const points = reasons.reduce((sum, r) => sum + r.points, 0);
  const t = rules.thresholds;
  const priority: Priority =
    points >= t.urgent ? 'urgent' : points >= t.high ? 'high' : points >= t.normal ? 'normal' : 'low';
  return { priority, taskPriority: Math.max(0, Math.min(100, Math.round(points))), points, reasons };
}
