import type { EntityManager } from 'typeorm';
import type { Category, ComplaintState, Nature } from '../../domain/vocabulary';

/** The complaint others are compared with. */
export interface ComplaintToCompare {
  readonly id: string;
  readonly category: Category | null;
  readonly subject: string;
  readonly description: string;
  readonly receivedAt: Date;
}

/** A past complaint like the one at hand: what it was, how it ended, how alike (0–1, null unknown). */
export interface SimilarComplaint {
  readonly number: string;
  readonly subject: string;
  readonly category: Category;
  readonly subType: string | null;
  readonly state: ComplaintState;
  readonly nature: Nature | null;
  readonly receivedAt: Date;
  readonly closedAt: Date | null;
  readonly similarity: number | null;
}

/** Below this trigram similarity two complaints are not called alike. */
const MIN_SIMILARITY = 0.1;

interface Row {
  number: string;
  subject: string;
  category: Category;
  sub_type: string | null;
  state: ComplaintState;
  nature: Nature | null;
  received_at: Date;
  closed_at: Date | null;
  score: number | string | null;
}

/** Whether the database has pg_trgm (the migration installs it where the server offers it). */
export async function hasTrigramSearch(manager: EntityManager): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`);
  return rows.length > 0;
}

/**
 * Past complaints like a given one, for the agent handling it (DOMAIN §4: learn from past cases):
 * same category, received before it, ranked by the trigram similarity of subject and description
 * (pg_trgm, which compares Chinese text without word breaks). Without pg_trgm: the latest of the
 * same category.
 */
export class SimilarComplaintsRepository {
  constructor(private readonly manager: EntityManager) {}

  async findSimilarComplaints(complaint: ComplaintToCompare, limit = 5): Promise<SimilarComplaint[]> {
    if (!complaint.category) return [];
    const columns = `c.number, c.subject, c.category, c.sub_type, c.state, c.nature, c.received_at, c.closed_at`;
    const same = `c.category = $1 AND c.id <> $2 AND c.received_at <= $3`;
    const base = [complaint.category, complaint.id, complaint.receivedAt];
    const rows: Row[] = (await hasTrigramSearch(this.manager))
      ? await this.manager.query(
          `SELECT ${columns}, s.score FROM complaint c,
             LATERAL (SELECT GREATEST(similarity(c.subject, $4), similarity(c.description, $5)) AS score) s
           WHERE ${same} AND s.score >= $6
           ORDER BY s.score DESC, c.received_at DESC LIMIT $7`,
          [...base, complaint.subject, complaint.description, MIN_SIMILARITY, limit],
        )
      : await this.manager.query(
          `SELECT ${columns}, NULL AS score FROM complaint c WHERE ${same} ORDER BY c.received_at DESC LIMIT $4`,
          [...base, limit],
        );
    return rows.map((row) => ({
      number: row.number,
      subject: row.subject,
      category: row.category,
      subType: row.sub_type,
      state: row.state,
      nature: row.nature,
      receivedAt: new Date(row.received_at),
      closedAt: row.closed_at ? new Date(row.closed_at) : null,
      similarity: row.score === null ? null : Math.round(Number(row.score) * 1000) / 1000,
    }));
  }
}
