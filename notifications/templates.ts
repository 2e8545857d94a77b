import type { EntityManager } from 'typeorm';
import {
  findCurrentTemplate,
  insertTemplateVersion,
  type StoredTemplate,
} from '../db/repositories/notification-templates.repository';
import type { Language } from '../domain/vocabulary';
import { ConflictError } from '../lib/errors';
import { defaultTemplate } from './default-templates';
import { TemplateError } from './errors';
import { placeholderNames, type TemplateText } from './render';
import { type Audience, audienceOf, isTemplateKey, type TemplateKey } from './template-keys';

/** The template in force: the administrator's latest version, else the built-in default (version 0). */
export interface ResolvedTemplate extends TemplateText {
  readonly key: TemplateKey;
  readonly language: Language;
  readonly audience: Audience;
  readonly version: number;
}

export async function currentTemplate(
  manager: EntityManager,
  key: TemplateKey,
  language: Language,
): Promise<ResolvedTemplate> {
  const stored = await findCurrentTemplate(manager, key, language);
  if (stored) {
    const { subject, body, version } = stored;
    return { key, language, audience: audienceOf(key), subject, body, version };
  }
  const { subject, body, audience } = defaultTemplate(key, language);
  return { key, language, audience, subject, body, version: 0 };
}

export interface TemplateRevision extends TemplateText {
  readonly key: string;
  readonly language: Language;
  /** Who edits (`staff:<id>`). */
  readonly editedBy: string;
  readonly now: Date;
}

/**
 * Saves an administrator's new version of a template, after checking it can be rendered: well-formed
 * placeholders with known filters, and only the placeholders the built-in template has (those are
 * the values the lifecycle supplies; any other would make every later notification fail).
 */
export async function reviseTemplate(
  manager: EntityManager,
  revision: TemplateRevision,
): Promise<StoredTemplate> {
  const { key, language } = revision;
  if (!isTemplateKey(key)) {
    throw new TemplateError('TEMPLATE_NOT_FOUND', `There is no notification template "${key}"`, { key });
  }
  const name = `${key} (${language})`;
  for (const [field, text] of [
    ['subject', revision.subject],
    ['body', revision.body],
  ] as const) {
    if (text.trim() === '') throw new TemplateError('TEMPLATE_TEXT_EMPTY', `${name}: the ${field} is empty`);
  }
  const known = new Set(placeholderNames(defaultTemplate(key, language)));
  const unknown = placeholderNames(revision, name).filter((placeholder) => !known.has(placeholder));
  if (unknown.length > 0) {
    throw new TemplateError(
      'TEMPLATE_PLACEHOLDER_UNKNOWN',
      `${name} uses ${unknown.map((u) => `{{${u}}}`).join(', ')}, which no notification supplies; available: ${[...known].map((k) => `{{${k}}}`).join(', ')}`,
      { unknown, available: [...known] },
    );
  }
  try {
    return await insertTemplateVersion(manager, {
      key,
      language,
      subject: revision.subject,
      body: revision.body,
      editedBy: revision.editedBy,
      createdAt: revision.now,
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505') {
      throw new ConflictError(
        `${name} was changed by someone else at the same moment; reload it and save again`,
        'TEMPLATE_VERSION_CONFLICT',
      );
    }
    throw error;
  }
}
