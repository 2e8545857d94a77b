import type { EntityManager } from 'typeorm';
import type { Deadline } from '../../domain/vocabulary';

/** How a complaint ended. */
export type ClosingOutcome = 'closed' | 'invalid' | 'malicious' | 'withdrawn';

/** The time one step of the handling took. */
export interface StepTime {
  readonly step: string;
  readonly endedAt: string;
  /** Since the step before ended (receipt for the first), round the clock. */
  readonly durationMs: number;
  /** The same in working time (the calendar's), what SLAs are measured in. */
  readonly businessMs: number;
}

/** A deadline the handling was given, and whether it was missed. */
export interface DeadlineOutcome {
  readonly deadline: Deadline;
  readonly dueAt: string;
  readonly breached: boolean;
  /** How many escalations the breach caused (team manager, centre director). */
  readonly escalations: number;
}

/** What the archive keeps of a complaint's handling (002 三.7; DOMAIN §4: handling time against SLA, satisfaction). */
export interface ClosingMetrics {
  readonly complaintId: string;
  readonly outcome: ClosingOutcome;
  readonly receivedAt: Date;
  readonly closedAt: Date;
  readonly handlingMs: number;
  readonly businessHandlingMs: number;
  readonly steps: readonly StepTime[];
  readonly deadlines: readonly DeadlineOutcome[];
  readonly deadlinesMet: number;
  readonly deadlinesBreached: number;
  /** From the follow-up visit; null when there was none (invalid, withdrawn...). */
  readonly resolved: boolean | null;
  readonly satisfaction: number | null;
}

const COLUMNS = `complaint_id AS "complaintId", outcome, received_at AS "receivedAt", closed_at AS "closedAt",
  handling_ms::float8 AS "handlingMs", business_handling_ms::float8 AS "businessHandlingMs", steps, deadlines,
  deadlines_met AS "deadlinesMet", deadlines_breached AS "deadlinesBreached", resolved, satisfaction`;

/** The closing metrics of archived complaints, one row each (archive-complaint writes them). */
export class ComplaintMetricsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Stores the metrics of a complaint; archiving it again replaces them. */
  async recordClosingMetrics(m: ClosingMetrics): Promise<void> {
    await this.manager.query(
      `INSERT INTO complaint_metrics (complaint_id, outcome, received_at, closed_at, handling_ms,
                                      business_handling_ms, steps, deadlines, deadlines_met,
                                      deadlines_breached, resolved, satisfaction)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (complaint_id) DO UPDATE SET
         outcome = excluded.outcome, received_at = excluded.received_at, closed_at = excluded.closed_at,
         handling_ms = excluded.handling_ms, business_handling_ms = excluded.business_handling_ms,
         steps = excluded.steps, deadlines = excluded.deadlines, deadlines_met = excluded.deadlines_met,
         deadlines_breached = excluded.deadlines_breached, resolved = excluded.resolved,
         satisfaction = excluded.satisfaction`,
      [
        m.complaintId,
        m.outcome,
        m.receivedAt,
        m.closedAt,
        Math.round(m.handlingMs),
        Math.round(m.businessHandlingMs),
        JSON.stringify(m.steps),
        JSON.stringify(m.deadlines),
        m.deadlinesMet,
        m.deadlinesBreached,
        m.resolved,
        m.satisfaction,
      ],
    );
  }

  /** The closing metrics of a complaint, or null while it is not archived. */
  async findClosingMetrics(complaintId: string): Promise<ClosingMetrics | null> {
    const rows: ClosingMetrics[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM complaint_metrics WHERE complaint_id = $1`,
      [complaintId],
    );
    return rows[0] ?? null;
  }
}
