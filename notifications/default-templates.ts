import { LANGUAGES, type Language } from '../domain/vocabulary';
import { TemplateError } from './errors';
import type { TemplateText } from './render';
import { type Audience, TEMPLATE_KEYS, type TemplateKey } from './template-keys';
import acknowledgement from './templates/acknowledgement.json';
import departmentAssigned from './templates/department-assigned.json';
import escalationCentreDirector from './templates/escalation-centre-director.json';
import escalationTeamManager from './templates/escalation-team-manager.json';
import evidenceAdded from './templates/evidence-added.json';
import finalDecision from './templates/final-decision.json';
import followUp from './templates/follow-up.json';
import invalid from './templates/invalid.json';
import malicious from './templates/malicious.json';
import preliminaryReply from './templates/preliminary-reply.json';
import reportToLeadership from './templates/report-to-leadership.json';
import result from './templates/result.json';
import unreachable from './templates/unreachable.json';
import withdrawn from './templates/withdrawn.json';

/** One built-in template, as `notifications/templates/<key>.json` holds it (one entry per language). */
export interface DefaultTemplate extends TemplateText {
  readonly key: TemplateKey;
  readonly language: Language;
  readonly audience: Audience;
}

const FILES: readonly (readonly { key: string; language: string; audience: string }[])[] = [
  acknowledgement,
  preliminaryReply,
  invalid,
  malicious,
  result,
  finalDecision,
  followUp,
  withdrawn,
  departmentAssigned,
  escalationTeamManager,
  escalationCentreDirector,
  reportToLeadership,
  unreachable,
  evidenceAdded,
];

/** Every built-in template, checked once when loaded: a known key, a known language, no duplicate. */
export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = Object.freeze(FILES.flat().map(checked));

/** The built-in template (version 0) for a key and language; every key has every language. */
export function defaultTemplate(key: TemplateKey, language: Language): DefaultTemplate {
  const found = DEFAULT_TEMPLATES.find((t) => t.key === key && t.language === language);
  if (!found) {
    throw new TemplateError('TEMPLATE_NOT_FOUND', `No built-in template "${key}" in ${language}`, {
      key,
      language,
    });
  }
  return found;
}

function checked(entry: { key: string; language: string; audience: string }, index: number): DefaultTemplate {
  const template = entry as DefaultTemplate;
  const where = `notifications/templates: entry ${index} ("${entry.key}", ${entry.language})`;
  if (!(TEMPLATE_KEYS as readonly string[]).includes(entry.key)) throw new Error(`${where}: unknown key`);
  if (!(LANGUAGES as readonly string[]).includes(entry.language))
    throw new Error(`${where}: unknown language`);
  if (entry.audience !== 'customer' && entry.audience !== 'staff')
    throw new Error(`${where}: unknown audience`);
  return Object.freeze({ ...template });
}
