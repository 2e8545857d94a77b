import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { listTemplateVersions } from '../../../db/repositories/notification-templates.repository';
import { LANGUAGES, type Language } from '../../../domain/vocabulary';
import { NotFoundError } from '../../../lib/errors';
import { defaultTemplate } from '../../../notifications/default-templates';
import { placeholderNames } from '../../../notifications/render';
import { isTemplateKey, TEMPLATE_KEYS, type TemplateKey } from '../../../notifications/template-keys';
import { currentTemplate, reviseTemplate } from '../../../notifications/templates';
import type { ApiDeps } from '../../app';
import { principalOf, requireRole } from '../../plugins/authentication';
import { closed, PROCESS_EDITORS, READERS, TAGS } from './support';

export const ReviseTemplateBody = closed({
  subject: Type.String({ maxLength: 500 }),
  body: Type.String({ maxLength: 20_000 }),
});
export type ReviseTemplateBody = Static<typeof ReviseTemplateBody>;

const TemplateParams = closed({
  key: Type.String(),
  language: Type.Union(LANGUAGES.map((language) => Type.Literal(language))),
});

/**
 * Notification templates: the built-in text (version 0) unless an editor saved a version. Saving is
 * always a new version (`reviseTemplate`: only the placeholders the lifecycle supplies, well formed,
 * known filters), so a notification keeps the version it was rendered from.
 */
export async function notificationTemplateRoutes(
  app: FastifyInstance,
  { deps }: { deps: ApiDeps },
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/admin/notification-templates',
    { schema: { tags: TAGS }, preHandler: requireRole(...READERS) },
    async () => {
      const items = [];
      for (const key of TEMPLATE_KEYS) {
        for (const language of LANGUAGES) {
          items.push({
            ...(await currentTemplate(deps.db.manager, key, language)),
            placeholders: known(key, language),
          });
        }
      }
      return { items };
    },
  );

  api.get(
    '/admin/notification-templates/:key/:language',
    { schema: { tags: TAGS, params: TemplateParams }, preHandler: requireRole(...READERS) },
    async (request) => {
      const { language } = request.params;
      const key = templateKey(request.params.key);
      return {
        current: await currentTemplate(deps.db.manager, key, language),
        placeholders: known(key, language),
        versions: await listTemplateVersions(deps.db.manager, key, language),
      };
    },
  );

  api.put(
    '/admin/notification-templates/:key/:language',
    {
      schema: { tags: TAGS, params: TemplateParams, body: ReviseTemplateBody },
      preHandler: requireRole(...PROCESS_EDITORS),
    },
    async (request) => {
      const { language } = request.params;
      const key = templateKey(request.params.key);
      return reviseTemplate(deps.db.manager, {
        key,
        language,
        subject: request.body.subject,
        body: request.body.body,
        editedBy: principalOf(request).id,
        now: deps.now(),
      });
    },
  );
}

function templateKey(key: string): TemplateKey {
  if (!isTemplateKey(key)) {
    throw new NotFoundError(
      `There is no notification template "${key}"; known: ${TEMPLATE_KEYS.join(', ')}.`,
      'TEMPLATE_NOT_FOUND',
    );
  }
  return key;
}

/** The placeholders a version may use: those of the built-in template (the values the lifecycle supplies). */
function known(key: TemplateKey, language: Language): string[] {
  return placeholderNames(defaultTemplate(key, language));
}
