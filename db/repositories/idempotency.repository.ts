import type { EntityManager } from 'typeorm';

/** What an idempotency key holds: a request in flight, or the answer it got. */
export type IdempotencyRecord =
  | { readonly state: 'in_flight'; readonly requestHash: string }
  | {
      readonly state: 'done';
      readonly requestHash: string;
      readonly statusCode: number;
      readonly response: unknown;
    };

export class IdempotencyRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Claims `key` for a request with `requestHash`: `claimed` when it is new, else what the key holds
   * (one statement, so two racing requests cannot both claim it).
   */
  async claimKey(
    owner: string,
    key: string,
    requestHash: string,
  ): Promise<{ claimed: true } | { claimed: false; existing: IdempotencyRecord }> {
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO idempotency_record (owner, key, request_hash, state) VALUES ($1, $2, $3, 'in_flight')
       ON CONFLICT (owner, key) DO NOTHING RETURNING key`,
      [owner, key, requestHash],
    );
    if (inserted.length > 0) return { claimed: true };
    const rows: Array<{
      state: 'in_flight' | 'done';
      requestHash: string;
      statusCode: number;
      response: unknown;
    }> = await this.manager.query(
      `SELECT state, request_hash AS "requestHash", status_code AS "statusCode", response
           FROM idempotency_record WHERE owner = $1 AND key = $2`,
      [owner, key],
    );
    if (rows.length === 0) return this.claimKey(owner, key, requestHash); // released meanwhile
    return { claimed: false, existing: rows[0] };
  }

  /**
   * Takes over a key left in flight for longer than `staleAfterMs` by a request that died before
   * committing anything (its intake rolled back): true when this caller now holds it.
   */
  async reclaimStaleKey(
    owner: string,
    key: string,
    requestHash: string,
    staleAfterMs: number,
  ): Promise<boolean> {
    // TypeORM answers an UPDATE or DELETE with [rows, affected count]
    const [, affected]: [unknown[], number] = await this.manager.query(
      `UPDATE idempotency_record SET created_at = now()
        WHERE owner = $1 AND key = $2 AND request_hash = $3 AND state = 'in_flight'
          AND created_at < now() - make_interval(secs => $4::double precision / 1000)
        RETURNING key`,
      [owner, key, requestHash, staleAfterMs],
    );
    return affected > 0;
  }

  async completeKey(owner: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await this.manager.query(
      `UPDATE idempotency_record SET state = 'done', status_code = $3, response = $4, completed_at = now()
        WHERE owner = $1 AND key = $2`,
      [owner, key, statusCode, JSON.stringify(response)],
    );
  }

  /** Gives the key up after a request that failed before it changed anything (it may be retried). */
  async releaseKey(owner: string, key: string): Promise<void> {
    await this.manager.query(
      `DELETE FROM idempotency_record WHERE owner = $1 AND key = $2 AND state = 'in_flight'`,
      [owner, key],
    );
  }

  /** Forgets answers older than `before` (keys are kept 24 h). */
  async forgetKeysBefore(before: Date): Promise<number> {
    const [, affected]: [unknown[], number] = await this.manager.query(
      `DELETE FROM idempotency_record WHERE created_at < $1 RETURNING key`,
      [before],
    );
    return affected;
  }
}
