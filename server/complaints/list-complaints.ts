import type { DataSource } from 'typeorm';
import { ComplaintQueriesRepository } from '../../db/repositories/complaint-queries.repository';
import { ValidationError } from '../../lib/errors';
import type { Principal } from '../auth/principal';
import type { ListComplaintsQuery } from '../schemas/complaints';

/**
 * `GET /api/complaints`: one page in received order (newest first unless `sort=receivedAt`), with
 * an opaque cursor for the next page. Keyset paging: stable while complaints keep arriving.
 */
export async function listComplaints(db: DataSource, principal: Principal, query: ListComplaintsQuery) {
  const limit = query.limit ?? 20;
  const descending = query.sort !== 'receivedAt';
  const rows = await new ComplaintQueriesRepository(db.manager).listComplaints(
    {
      ...(principal.clientId !== null ? { createdByClientId: principal.clientId } : {}),
      state: query.state,
      category: query.category,
      departmentCode: query.department,
      channel: query.channel,
      severity: query.severity ? Number(query.severity) : undefined,
      receivedFrom: query.receivedFrom ? new Date(query.receivedFrom) : undefined,
      receivedTo: query.receivedTo ? new Date(query.receivedTo) : undefined,
      overdue: query.overdue,
    },
    { limit, descending, after: query.cursor ? decodeCursor(query.cursor) : undefined },
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      number: row.number,
      subject: row.subject,
      channel: row.channel,
      category: row.category,
      subType: row.subType,
      severity: row.severity,
      priority: row.priority,
      state: row.state,
      department: row.departmentCode,
      receivedAt: row.receivedAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
      overdue: row.breaches > 0 && row.closedAt === null,
      links: { self: `/api/complaints/${row.number}` },
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.receivedAtExact, last.id) : null,
  };
}

function encodeCursor(receivedAt: string, id: string): string {
  return Buffer.from(JSON.stringify([receivedAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): { receivedAt: string; id: string } {
  try {
    const [receivedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof receivedAt === 'string' &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id) &&
      !Number.isNaN(Date.parse(receivedAt))
    ) {
      return { receivedAt, id };
    }
  } catch {
    // falls through to the error below
  }
  throw new ValidationError([{ field: 'querystring.cursor', problem: 'is not a cursor this API returned' }]);
}
