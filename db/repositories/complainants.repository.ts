import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../../lib/errors';
import { Complainant, ContactFingerprint } from '../entities/complainant.entity';
import { ComplaintEventsRepository } from './complaint-events.repository';

/** What an erased complainant's name reads. */
export const ERASED_NAME = '[erased]';

/**
 * The complainants' personal data (001 第九条.2: only those who need it see contact details). Read it
 * here by complaint id; never copy it into process variables or event data.
 */
export class ComplainantsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Name and contact details of a complaint's complainant (erased fields are null). */
  async findContactDetails(complaintId: string): Promise<Complainant | null> {
    return this.manager.findOneBy(Complainant, { complaintId });
  }

  /**
   * How many other complaints share a contact fingerprint with this one and were received at or
   * after `since` (a repeat complainant raises priority, 001 4.2), counted up to `upTo`: a person
   * with more counts as `upTo`. Each fingerprint reads at most `upTo` entries of the window from the
   * index on (hash, received_at), so the cost stays the same however many complaints one contact
   * detail has (a switchboard number, a flood).
   */
  async countRecentComplaintsByComplainant(complaintId: string, since: Date, upTo: number): Promise<number> {
    const rows: { count: string }[] = await this.manager.query(
      `SELECT least(count(DISTINCT other.complaint_id), $3) AS count
         FROM contact_fingerprint mine
         CROSS JOIN LATERAL (
           SELECT o.complaint_id FROM contact_fingerprint o
            WHERE o.hash = mine.hash AND o.received_at >= $2 AND o.complaint_id <> mine.complaint_id
            ORDER BY o.received_at DESC
            LIMIT $3) other
        WHERE mine.complaint_id = $1`,
      [complaintId, since, upTo],
    );
    return Number(rows[0].count);
  }

  /**
   * Erases the complainant's personal data on request: the name becomes `[erased]`, every contact
   * detail null, the fingerprints are deleted (the person can no longer be recognised) and
   * `erased_at` is stamped; an `contact_erased` event records who did it. False when already erased.
   */
  async eraseContactDetails(complaintId: string, request: { by: string; at: Date }): Promise<boolean> {
    return this.manager.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Complainant)
        .set({
          name: ERASED_NAME,
          phone: null,
          email: null,
          wechat: null,
          address: null,
          organisation: null,
          erasedAt: request.at,
        })
        .where('complaint_id = :complaintId AND erased_at IS NULL', { complaintId })
        .execute();
      await manager.delete(ContactFingerprint, { complaintId });
      if (!result.affected) {
        if (await manager.existsBy(Complainant, { complaintId })) return false;
        throw new NotFoundError(
          `No complainant is recorded for complaint ${complaintId}`,
          'COMPLAINT_NOT_FOUND',
        );
      }
      await new ComplaintEventsRepository(manager).recordEvent({
        complaintId,
        type: 'contact_erased',
        actor: request.by,
        occurredAt: request.at,
      });
      return true;
    });
  }
}
