import type { EntityManager } from 'typeorm';
import type {
  DeadlineTally,
  HandlingTimeBySatisfaction,
  RemedyTally,
  StepTimes,
} from '../../domain/analysis/figures';
import type { ReceivedComplaint } from '../../domain/analysis/repeated-complaints';

/** What complaints can be counted by, and the column that holds it. */
export const COUNT_DIMENSIONS = ['category', 'department', 'channel', 'severity'] as const;
export type CountDimension = (typeof COUNT_DIMENSIONS)[number];

/** The periods counts are grouped in (calendar days, ISO weeks from Monday, calendar months). */
export const COUNT_PERIODS = ['day', 'week', 'month'] as const;
export type CountPeriod = (typeof COUNT_PERIODS)[number];

const DIMENSION_COLUMN: Readonly<Record<CountDimension, string>> = {
  category: 'c.category',
  department: 'c.department_code',
  channel: 'c.channel',
  severity: 'c.severity::text',
};

/** The instants an analysis covers: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: Date;
  readonly end: Date;
}

export interface ComplaintCount {
  /** The category, department code, channel or severity; null while the complaint has none yet. */
  readonly key: string | null;
  /** The first day of the period, `YYYY-MM-DD` in the zone counted in. */
  readonly period: string;
  readonly count: number;
}

/**
 * The figures of the managers' analysis (DOMAIN §4), read-only: counts of complaints received, and
 * from the closing metrics of archived complaints (complaint_metrics, by the day they were closed)
 * the deadlines met, handling time against satisfaction and the remedies that satisfied.
 */
export class AnalysisRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Complaints received in the span, counted by a dimension per period in `timeZone`. */
  async countComplaintsBy(
    dimension: CountDimension,
    period: CountPeriod,
    span: Span,
    timeZone: string,
  ): Promise<ComplaintCount[]> {
    return this.manager.query(
      `SELECT ${DIMENSION_COLUMN[dimension]} AS key,
              to_char(date_trunc($3, c.received_at AT TIME ZONE $4), 'YYYY-MM-DD') AS period,
              count(*)::int AS count
       FROM complaint c
       WHERE c.received_at >= $1 AND c.received_at < $2
       GROUP BY 1, 2
       ORDER BY 2, 1 NULLS LAST`,
      [span.start, span.end, period, timeZone],
    );
  }

  /** Per deadline, how often complaints closed in the span met and breached it. */
  async deadlinePerformanceByDeadline(span: Span): Promise<DeadlineTally[]> {
    return this.manager.query(
      `SELECT d->>'deadline' AS deadline,
              count(*) FILTER (WHERE NOT (d->>'breached')::boolean)::int AS met,
              count(*) FILTER (WHERE (d->>'breached')::boolean)::int AS breached,
              coalesce(sum((d->>'escalations')::int), 0)::int AS escalations
       FROM complaint_metrics m CROSS JOIN LATERAL jsonb_array_elements(m.deadlines) d
       WHERE m.closed_at >= $1 AND m.closed_at < $2
       GROUP BY 1`,
      [span.start, span.end],
    );
  }

  /** Per step of the handling, the working time it took in complaints closed in the span. */
  async stepTimesByStep(span: Span): Promise<StepTimes[]> {
    return this.manager.query(
      `SELECT s->>'step' AS step, count(*)::int AS count,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY (s->>'businessMs')::float8) AS "medianBusinessMs",
              avg((s->>'businessMs')::float8)::float8 AS "averageBusinessMs"
       FROM complaint_metrics m CROSS JOIN LATERAL jsonb_array_elements(m.steps) s
       WHERE m.closed_at >= $1 AND m.closed_at < $2
       GROUP BY 1`,
      [span.start, span.end],
    );
  }

  /** Per satisfaction score, how long the complaints closed in the span took, round the clock and working. */
  async handlingTimeAgainstSatisfaction(span: Span): Promise<HandlingTimeBySatisfaction[]> {
    return this.manager.query(
      `SELECT m.satisfaction::int AS satisfaction, count(*)::int AS count,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY m.handling_ms) AS "medianMs",
              avg(m.handling_ms)::float8 AS "averageMs",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY m.business_handling_ms) AS "medianBusinessMs",
              avg(m.business_handling_ms)::float8 AS "averageBusinessMs"
       FROM complaint_metrics m
       WHERE m.closed_at >= $1 AND m.closed_at < $2 AND m.satisfaction IS NOT NULL
       GROUP BY 1
       ORDER BY 1`,
      [span.start, span.end],
    );
  }

  /**
   * Per remedy, the complaints closed in the span that ended with it and what their customers said.
   * A complaint's remedy is the last one proposed, or the final remedy of an upheld appeal after it.
   */
  async remedySatisfaction(span: Span): Promise<RemedyTally[]> {
    return this.manager.query(
      `WITH closed AS (
         SELECT complaint_id, resolved, satisfaction FROM complaint_metrics
         WHERE closed_at >= $1 AND closed_at < $2
       ), remedy AS (
         SELECT DISTINCT ON (e.complaint_id) e.complaint_id,
                CASE e.type WHEN 'appeal_decided' THEN e.data->>'finalRemedy' ELSE e.data->>'remedy' END AS remedy
         FROM complaint_event e JOIN closed USING (complaint_id)
         WHERE e.type = 'resolution_proposed'
            OR (e.type = 'appeal_decided' AND e.data->>'finalRemedy' IS NOT NULL)
         ORDER BY e.complaint_id, e.occurred_at DESC, e.id DESC
       )
       SELECT r.remedy, count(*)::int AS complaints,
              count(c.satisfaction)::int AS rated, avg(c.satisfaction)::float8 AS "averageSatisfaction",
              count(c.resolved)::int AS "followedUp", count(*) FILTER (WHERE c.resolved)::int AS resolved
       FROM remedy r JOIN closed c USING (complaint_id)
       WHERE r.remedy IS NOT NULL
       GROUP BY 1
       ORDER BY 2 DESC, 1`,
      [span.start, span.end],
    );
  }

  /** The complaints received in the span, oldest first, except those found malicious. */
  async listComplaintsReceived(span: Span): Promise<ReceivedComplaint[]> {
    return this.manager.query(
      `SELECT c.id, c.number, c.category, c.sub_type AS "subType", c.subject, c.received_at AS "receivedAt"
       FROM complaint c
       WHERE c.received_at >= $1 AND c.received_at < $2 AND c.state <> 'malicious' AND NOT c.malicious
       ORDER BY c.received_at, c.number`,
      [span.start, span.end],
    );
  }

  /**
   * Pairs of complaints received in the span within `windowDays` of each other whose subjects are
   * alike (pg_trgm similarity at least `threshold`); none when the server lacks pg_trgm.
   */
  async findSimilarSubjectPairs(
    span: Span,
    windowDays: number,
    threshold: number,
  ): Promise<[string, string][]> {
    const [{ installed }]: { installed: boolean }[] = await this.manager.query(
      `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS installed`,
    );
    if (!installed) return [];
    const rows: { a: string; b: string }[] = await this.manager.query(
      `WITH candidate AS (
         SELECT id, subject, received_at FROM complaint
         WHERE received_at >= $1 AND received_at < $2 AND state <> 'malicious' AND NOT malicious
       )
       SELECT a.id AS a, b.id AS b
       FROM candidate a JOIN candidate b
         ON (b.received_at, b.id) > (a.received_at, a.id)
        AND b.received_at < a.received_at + make_interval(days => $3)
       WHERE similarity(a.subject, b.subject) >= $4`,
      [span.start, span.end, windowDays, threshold],
    );
    return rows.map((row) => [row.a, row.b]);
  }
}
