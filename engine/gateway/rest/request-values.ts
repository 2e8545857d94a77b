import { type FastifyRequest } from 'fastify';
import { DEFAULT_LIMIT, type Page, type SearchRequest, type SortOrder } from '../../api/queries';
import { type JsonObject } from '../../feel/expression';
import { DEFAULT_TENANT } from '../../runtime/state/entities';
import { badRequest, invalidArgument, notFound } from './problem';

/** A key in the path: `Failed to convert 'userTaskKey' with value: 'abc'` unless a positive integer. */
export function pathKey(request: FastifyRequest, name: string): number {
  const raw = (request.params as Record<string, string>)[name];
  const key = /^[0-9]{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(key) || key <= 0)
    throw badRequest(`Failed to convert '${name}' with value: '${raw}'`);
  return key;
}

/** A key in a body (the schema checked it is a decimal string). */
export function bodyKey(value: string, name: string): number {
  const key = Number(value);
  if (!Number.isSafeInteger(key) || key <= 0) throw badRequest(`Request property [${name}] cannot be parsed`);
  return key;
}

/** Multi-tenancy is disabled: only the default tenant (or none) is accepted. */
export function checkTenant(tenantId: string | undefined, requestName: string): void {
  if (tenantId === undefined || tenantId === DEFAULT_TENANT) return;
  throw invalidArgument(
    `Expected to handle request ${requestName} with tenant identifier '${tenantId}', but multi-tenancy is disabled`,
  );
}

/** 8.8 joins request violations: `No type provided. No timeout provided.` */
export class Violations {
  private readonly messages: string[] = [];

  add(message: string): this {
    this.messages.push(message);
    return this;
  }

  check(): void {
    if (this.messages.length > 0) throw invalidArgument(this.messages.join(' '));
  }
}

export const isBlank = (value: string | null | undefined) =>
  value === undefined || value === null || value.trim() === '';

interface SearchBody {
  readonly filter?: Readonly<Record<string, unknown>>;
  readonly sort?: ReadonlyArray<{ readonly field?: string; readonly order?: string }>;
  readonly page?: PageBody;
}

interface PageBody {
  readonly from?: number;
  readonly limit?: number;
  readonly after?: string;
  readonly before?: string;
}

/** A validated search body → the query layer's request (sort orders upper-cased, default ASC). */
export function searchRequest(body: unknown): SearchRequest {
  const { filter, sort, page } = (body ?? {}) as SearchBody;
  return {
    ...(filter ? { filter } : {}),
    sort: (sort ?? []).map(({ field, order }) => {
      if (field === undefined) throw invalidArgument('Sort field must not be null.');
      return { field, order: (order?.toUpperCase() ?? 'ASC') as SortOrder };
    }),
    ...(page ? { page: pageOf(page) } : {}),
  };
}

function pageOf(page: PageBody): Page {
  const { from, limit, after, before } = page;
  if (after !== undefined && before !== undefined) {
    throw invalidArgument('Both after and before cannot be set at the same time.');
  }
  const cursor = after ?? before;
  if (cursor === undefined) return { from: from ?? 0, limit: limit ?? DEFAULT_LIMIT };
  if (from) throw invalidArgument('Both after/before and from cannot be set at the same time.');
  return after !== undefined
    ? { after, limit: limit ?? DEFAULT_LIMIT }
    : { before: cursor, limit: limit ?? DEFAULT_LIMIT };
}

/** `truncateValues` query parameter, default true. */
export const truncateValues = (request: FastifyRequest) =>
  (request.query as { truncateValues?: string }).truncateValues !== 'false';

/** A query-side lookup's result, or 404 `User Task with key '1' not found`. */
export function found<T>(item: T | undefined, entity: string, key: number): T {
  if (item === undefined) throw notFound(entity, key);
  return item;
}

/** A JSON object from a validated body (variables), `{}` when absent or null. */
export const variablesOf = (value: unknown): JsonObject => (value ?? {}) as JsonObject;
