import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import type { KnowledgeArticle } from '../../../db/entities/knowledge-article.entity';
import { KnowledgeRepository } from '../../../db/repositories/knowledge.repository';
import { CATEGORIES } from '../../../domain/vocabulary';
import { NotFoundError } from '../../../lib/errors';
import type { ApiDeps } from '../../app';
import { STAFF_ROLES } from '../../auth/principal';
import { requireRole } from '../../plugins/authentication';
import { ADMINISTRATORS, closed, Nullable, READERS, TAGS, Text, Uuid } from './support';

const Category = Type.Enum(CATEGORIES);
const Tags = Type.Array(Text(50), { maxItems: 20, uniqueItems: true });

export const CreateArticleBody = closed({
  title: Text(300),
  body: Text(50_000),
  tags: Type.Optional(Tags),
  category: Type.Optional(Nullable(Category)),
});
export type CreateArticleBody = Static<typeof CreateArticleBody>;

export const UpdateArticleBody = closed({
  title: Type.Optional(Text(300)),
  body: Type.Optional(Text(50_000)),
  tags: Type.Optional(Tags),
  category: Type.Optional(Nullable(Category)),
  /** false: kept, but no longer found by search. */
  active: Type.Optional(Type.Boolean()),
});
export type UpdateArticleBody = Static<typeof UpdateArticleBody>;

export const SearchArticlesQuery = closed({
  /** Words that must all appear (substring match: works for Chinese without word breaks). */
  q: Type.String({ minLength: 1, maxLength: 200 }),
  category: Type.Optional(Category),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type SearchArticlesQuery = Static<typeof SearchArticlesQuery>;

const ArticleId = closed({ id: Uuid });

/**
 * The knowledge base of past cases and answers (DOMAIN §4): administrators edit it under
 * /admin/knowledge-articles; every member of staff searches it at /knowledge-articles?q=.
 */
export async function knowledgeArticleRoutes(
  app: FastifyInstance,
  { deps }: { deps: ApiDeps },
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const knowledge = () => new KnowledgeRepository(deps.db.manager);

  api.get(
    '/knowledge-articles',
    {
      schema: { tags: ['knowledge'], querystring: SearchArticlesQuery },
      preHandler: requireRole(...STAFF_ROLES),
    },
    async (request) => {
      const { q, category, limit } = request.query;
      return { items: (await knowledge().searchArticles(q, { category, limit })).map(toView) };
    },
  );

  api.get(
    '/admin/knowledge-articles',
    { schema: { tags: TAGS }, preHandler: requireRole(...READERS) },
    async () => ({
      items: (await knowledge().listAllArticles()).map(toView),
    }),
  );

  api.get(
    '/admin/knowledge-articles/:id',
    { schema: { tags: TAGS, params: ArticleId }, preHandler: requireRole(...READERS) },
    async (request) => toView(found(await knowledge().findArticleById(request.params.id), request.params.id)),
  );

  api.post(
    '/admin/knowledge-articles',
    { schema: { tags: TAGS, body: CreateArticleBody }, preHandler: requireRole(...ADMINISTRATORS) },
    async (request, reply) => {
      const id = await knowledge().addArticle({ ...request.body, at: deps.now() });
      return reply.code(201).send(toView(found(await knowledge().findArticleById(id), id)));
    },
  );

  api.patch(
    '/admin/knowledge-articles/:id',
    {
      schema: { tags: TAGS, params: ArticleId, body: UpdateArticleBody },
      preHandler: requireRole(...ADMINISTRATORS),
    },
    async (request) => {
      const { id } = request.params;
      return toView(found(await knowledge().updateArticle(id, request.body, deps.now()), id));
    },
  );

  api.delete(
    '/admin/knowledge-articles/:id',
    { schema: { tags: TAGS, params: ArticleId }, preHandler: requireRole(...ADMINISTRATORS) },
    async (request, reply) => {
      if (!(await knowledge().removeArticle(request.params.id))) found(null, request.params.id);
      return reply.code(204).send();
    },
  );
}

function found(article: KnowledgeArticle | null, id: string): KnowledgeArticle {
  if (!article) throw new NotFoundError(`There is no knowledge article ${id}.`, 'ARTICLE_NOT_FOUND');
  return article;
}

function toView(article: KnowledgeArticle) {
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    tags: article.tags,
    category: article.category,
    active: article.active,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
  };
}
