import type { EntityManager } from 'typeorm';
import type { Category } from '../../domain/vocabulary';
import { hasTrigramSearch } from './similar-complaints.repository';

/** What a complaint is about, to find articles on it. */
export interface ComplaintTopic {
  readonly category: Category | null;
  readonly subject: string;
  readonly description: string;
}

/** A knowledge-base article shown beside a task: its title, tags and the start of its body. */
export interface MatchingArticle {
  readonly id: string;
  readonly title: string;
  readonly excerpt: string;
  readonly tags: readonly string[];
  readonly category: string | null;
  /** How well it matches (0–1; 1 when one of its tags is named in the complaint); null unknown. */
  readonly score: number | null;
}

/** Below this score an article is not shown. */
const MIN_SCORE = 0.2;
const EXCERPT_CHARS = 200;

interface Row {
  id: string;
  title: string;
  excerpt: string;
  tags: string[];
  category: string | null;
  score: number | string | null;
}

/**
 * Knowledge-base articles (DOMAIN §4) that fit a complaint, for the agent handling it: active, of its
 * category or of none, ranked by how much of the complaint's subject their text contains, how much of
 * their title its description contains (pg_trgm word similarity, which works for Chinese), and tags
 * it names. Without pg_trgm: tag matches only.
 */
export class MatchingArticlesRepository {
  constructor(private readonly manager: EntityManager) {}

  async findArticlesMatchingComplaint(topic: ComplaintTopic, limit = 5): Promise<MatchingArticle[]> {
    const tagNamed = `CASE WHEN EXISTS (SELECT 1 FROM unnest(a.tags) tag
      WHERE tag <> '' AND strpos(lower($2 || ' ' || $3), lower(tag)) > 0) THEN 1 ELSE 0 END`;
    const score = (await hasTrigramSearch(this.manager))
      ? `GREATEST(${tagNamed}, word_similarity($2, a.title || ' ' || a.body), word_similarity(a.title, $3))`
      : tagNamed;
    const rows: Row[] = await this.manager.query(
      `SELECT a.id, a.title, left(a.body, ${EXCERPT_CHARS}) AS excerpt, a.tags, a.category, s.score
       FROM knowledge_article a, LATERAL (SELECT ${score} AS score) s
       WHERE a.active AND (a.category IS NULL OR a.category = $1) AND s.score >= $4
       ORDER BY s.score DESC, a.updated_at DESC, a.id LIMIT $5`,
      [topic.category, topic.subject, topic.description, MIN_SCORE, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      excerpt: row.excerpt,
      tags: row.tags,
      category: row.category,
      score: row.score === null ? null : Math.round(Number(row.score) * 1000) / 1000,
    }));
  }
}
