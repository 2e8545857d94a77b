import type { EntityManager } from 'typeorm';
import type { Category } from '../../domain/vocabulary';
import { KnowledgeArticle } from '../entities/knowledge-article.entity';

export interface NewKnowledgeArticle {
  readonly title: string;
  readonly body: string;
  readonly tags?: readonly string[];
  readonly category?: Category | null;
  readonly at: Date;
}

/** What an editor may change of an article (`active: false` hides it from search). */
export type KnowledgeArticleChanges = Partial<Omit<NewKnowledgeArticle, 'at'> & { readonly active: boolean }>;

export interface KnowledgeSearch {
  readonly category?: Category;
  /** At most this many articles (default 20). */
  readonly limit?: number;
}

/** At most this many words of a query are searched for. */
const MAX_TERMS = 8;

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * The knowledge base of past cases and answers (DOMAIN §4). Search is by substring, which works for
 * Chinese (no word breaks needed): every word of the query must appear in the title, the body or the
 * tags. With pg_trgm installed (the migration adds it when the server has it) a trigram index serves
 * words of three or more characters; shorter ones, like most two-character Chinese words, scan.
 */
export class KnowledgeRepository {
  constructor(private readonly manager: EntityManager) {}

  async addArticle(article: NewKnowledgeArticle): Promise<string> {
    const result = await this.manager.insert(KnowledgeArticle, {
      title: article.title,
      body: article.body,
      tags: [...(article.tags ?? [])],
      category: article.category ?? null,
      createdAt: article.at,
      updatedAt: article.at,
    });
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Every article, inactive ones too, newest change first (the editors' list). */
  async listAllArticles(): Promise<KnowledgeArticle[]> {
    return this.manager.find(KnowledgeArticle, { order: { updatedAt: 'DESC', id: 'ASC' } });
  }

  async findArticleById(id: string): Promise<KnowledgeArticle | null> {
    return this.manager.findOneBy(KnowledgeArticle, { id });
  }

  /** Changes an article; null when unknown. */
  async updateArticle(
    id: string,
    changes: KnowledgeArticleChanges,
    at: Date,
  ): Promise<KnowledgeArticle | null> {
    const { tags, ...columns } = changes;
    const result = await this.manager.update(
      KnowledgeArticle,
      { id },
      { ...columns, ...(tags ? { tags: [...tags] } : {}), updatedAt: at },
    );
    return result.affected ? this.findArticleById(id) : null;
  }

  /** Removes an article for good; false when unknown. */
  async removeArticle(id: string): Promise<boolean> {
    const result = await this.manager.delete(KnowledgeArticle, { id });
    return Boolean(result.affected);
  }

  /** Active articles matching every word of the query; title matches first, then tag matches, then newest. */
  async searchArticles(query: string, options: KnowledgeSearch = {}): Promise<KnowledgeArticle[]> {
    const terms = [...new Set(query.trim().toLowerCase().split(/\s+/).filter(Boolean))].slice(0, MAX_TERMS);
    if (terms.length === 0) return [];
    const search = this.manager.createQueryBuilder(KnowledgeArticle, 'a').where('a.active');
    const rank: string[] = [];
    terms.forEach((term, i) => {
      const params = { [`p${i}`]: likePattern(term), [`t${i}`]: term };
      search.andWhere(
        `((a.title || ' ' || a.body) ILIKE :p${i} OR EXISTS (SELECT 1 FROM unnest(a.tags) tag WHERE lower(tag) = :t${i}))`,
        params,
      );
      rank.push(`(CASE WHEN a.title ILIKE :p${i} THEN 2 ELSE 0 END)`);
      rank.push(
        `(CASE WHEN EXISTS (SELECT 1 FROM unnest(a.tags) tag WHERE lower(tag) = :t${i}) THEN 1 ELSE 0 END)`,
      );
    });
    if (options.category) search.andWhere('a.category = :category', { category: options.category });
    return search
      .addSelect(rank.join(' + '), 'rank')
      .orderBy('rank', 'DESC')
      .addOrderBy('a.updated_at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .limit(options.limit ?? 20)
      .getMany();
  }
}
