import type { EntityManager } from 'typeorm';
import { type Category, type Channel, type ComplaintState, FINAL_STATES } from '../../domain/vocabulary';

/** What `GET /api/complaints` filters on; every field optional. */
export interface ComplaintFilter {
  /** An integrator sees only the complaints it created. */
  readonly createdByClientId?: string;
  readonly state?: ComplaintState;
  readonly category?: Category;
  readonly departmentCode?: string;
  readonly channel?: Channel;
  readonly severity?: number;
  readonly receivedFrom?: Date;
  readonly receivedTo?: Date;
  /** Only complaints not finished that missed a deadline. */
  readonly overdue?: boolean;
}

/** Keyset paging: after (or before, descending) this received instant and id. */
export interface ComplaintPage {
  readonly limit: number;
  readonly descending: boolean;
  readonly after?: { readonly receivedAt: string; readonly id: string };
}

export interface ComplaintListItem {
  readonly id: string;
  readonly number: string;
  readonly subject: string;
  readonly channel: Channel;
  readonly category: Category | null;
  readonly subType: string | null;
  readonly severity: number | null;
  readonly priority: string | null;
  readonly state: ComplaintState;
  readonly departmentCode: string | null;
  /** Full precision (microseconds) as text: the cursor must not lose any. */
  readonly receivedAtExact: string;
  readonly receivedAt: Date;
  readonly closedAt: Date | null;
  readonly breaches: number;
}

export class ComplaintQueriesRepository {
  constructor(private readonly manager: EntityManager) {}

  /** One page of complaints matching `filter`, in received order; `limit + 1` rows tell if more follow. */
  async listComplaints(filter: ComplaintFilter, page: ComplaintPage): Promise<ComplaintListItem[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      values.push(value);
      where.push(sql(`$${values.length}`));
    };
    if (filter.createdByClientId !== undefined)
      add((p) => `c.created_by_client_id = ${p}`, filter.createdByClientId);
    if (filter.state) add((p) => `c.state = ${p}`, filter.state);
    if (filter.category) add((p) => `c.category = ${p}`, filter.category);
    if (filter.departmentCode) add((p) => `c.department_code = ${p}`, filter.departmentCode);
    if (filter.channel) add((p) => `c.channel = ${p}`, filter.channel);
    if (filter.severity) add((p) => `c.severity = ${p}`, filter.severity);
    if (filter.receivedFrom) add((p) => `c.received_at >= ${p}`, filter.receivedFrom);
    if (filter.receivedTo) add((p) => `c.received_at < ${p}`, filter.receivedTo);
    if (filter.overdue) {
      add((p) => `c.state <> ALL (${p}::text[])`, FINAL_STATES);
      where.push(`EXISTS (SELECT 1 FROM deadline_breach b WHERE b.complaint_id = c.id)`);
    }
    if (page.after) {
      values.push(page.after.receivedAt, page.after.id);
      const op = page.descending ? '<' : '>';
      where.push(`(c.received_at, c.id) ${op} ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
    }
    values.push(page.limit + 1);
    const direction = page.descending ? 'DESC' : 'ASC';
    return this.manager.query(
      `SELECT c.id, c.number, c.subject, c.channel, c.category, c.sub_type AS "subType", c.severity, c.priority,
              c.state, c.department_code AS "departmentCode", c.received_at AS "receivedAt",
              to_char(c.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "receivedAtExact",
              c.closed_at AS "closedAt",
              (SELECT count(*)::int FROM deadline_breach b WHERE b.complaint_id = c.id) AS breaches
         FROM complaint c
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.received_at ${direction}, c.id ${direction}
        LIMIT $${values.length}`,
      values,
    );
  }
}
