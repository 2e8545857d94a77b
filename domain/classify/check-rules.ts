import { DomainError } from '../domain-error';
import { CATEGORIES, SUB_TYPES } from '../vocabulary';
import type { ClassificationRules, Lexicon } from './classification-rules';

/**
 * Checks classification rules against the vocabulary (an administrator's edit): every category and
 * every sub-type has an entry and no unknown one is there, fallbacks exist, weights are numbers and
 * the priority thresholds rise. Throws INVALID_CLASSIFICATION_RULES with every problem.
 */
export function checkClassificationRules(rules: ClassificationRules): void {
  const problems: string[] = [];
  const lexicon = (where: string, l: Lexicon | undefined) => {
    for (const lang of ['zh', 'en'] as const) {
      for (const [term, weight] of Object.entries(l?.[lang] ?? {})) {
        if (!Number.isFinite(weight)) problems.push(`${where}: the weight of "${term}" is not a number`);
        if (term.trim() === '') problems.push(`${where}: an empty term`);
      }
    }
  };
  for (const category of CATEGORIES) {
    const own = rules.categories[category];
    if (!own) {
      problems.push(`category ${category}: missing`);
      continue;
    }
    const known: readonly string[] = SUB_TYPES[category];
    lexicon(category, own.keywords);
    for (const subType of known) {
      if (!own.subTypes[subType]) problems.push(`${category}.${subType}: missing`);
    }
    for (const [subType, l] of Object.entries(own.subTypes)) {
      if (!known.includes(subType)) problems.push(`${category}.${subType}: not a sub-type in the vocabulary`);
      lexicon(`${category}.${subType}`, l);
    }
    if (!known.includes(own.fallbackSubType))
      problems.push(`${category}: unknown fallbackSubType "${own.fallbackSubType}"`);
  }
  for (const category of Object.keys(rules.categories)) {
    if (!(CATEGORIES as string[]).includes(category))
      problems.push(`category ${category}: not in the vocabulary`);
  }
  const fallback = rules.fallback;
  if (!(SUB_TYPES[fallback.category] as readonly string[] | undefined)?.includes(fallback.subType)) {
    problems.push(`fallback ${fallback.category}.${fallback.subType} is not a category and sub-type`);
  }
  const t = rules.priority.thresholds;
  if (!(t.normal < t.high && t.high < t.urgent))
    problems.push('priority thresholds must rise: normal < high < urgent');
  if (problems.length > 0) throw new DomainError('INVALID_CLASSIFICATION_RULES', problems.join('; '));
}
