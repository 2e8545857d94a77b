import { SEVERITIES, type Severity } from '../vocabulary';
import type { SeverityRules } from './classification-rules';
import type { Decision, Reason } from './explanation';
import { matchLexicon, scoreOf } from './lexicon';

/**
 * Severity 1–3 (001 试行办法 四): the level whose cues (and loss amount) score highest, if it reaches
 * the minimum; ties go to the higher level; otherwise the default.
 */
export function severityOf(rules: SeverityRules, normalized: string, lossAmount: number): Decision<Severity> {
  const scores: Record<string, number> = {};
  const reasons: Record<string, Reason[]> = {};
  for (const level of SEVERITIES) {
    const matches = matchLexicon(normalized, rules.cues[`${level}`]);
    scores[level] = scoreOf(matches);
    reasons[level] = matches.map((m) => ({
      rule: 'keyword' as const,
      points: m.weight,
      detail: `"${m.term}" (${m.lang}) → severity ${level}`,
    }));
  }
  for (const bracket of rules.lossAmount) {
    if (lossAmount >= bracket.from) {
      scores[bracket.severity] += bracket.weight;
      reasons[bracket.severity].push({
        rule: 'loss_amount',
        points: bracket.weight,
        detail: `loss ${lossAmount} ≥ ${bracket.from} CNY → severity ${bracket.severity}`,
      });
    }
  }
  const best = [...SEVERITIES].reverse().reduce((a, b) => (scores[b] > scores[a] ? b : a));
  if (scores[best] >= rules.minimumScore) return { chosen: best, scores, reasons: reasons[best] };
  return {
    chosen: rules.default,
    scores,
    reasons: [
      {
        rule: 'fallback',
        points: 0,
        detail: `no cue reached ${rules.minimumScore}: default severity ${rules.default}`,
      },
    ],
  };
}
