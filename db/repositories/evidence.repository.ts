import { type EntityManager, In } from 'typeorm';
import { Evidence } from '../entities/evidence.entity';
import type { EvidenceInput } from '../intake';

/** Evidence metadata of complaints (001 第六条: attachments); the bytes live in storage. */
export class EvidenceRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Adds attachments to a complaint (message `evidence-added` then names their ids). */
  async addEvidence(
    complaintId: string,
    items: readonly EvidenceInput[],
    by: string,
    at: Date,
  ): Promise<string[]> {
    if (items.length === 0) return [];
    const result = await this.manager.insert(
      Evidence,
      items.map((item) => ({ ...item, complaintId, addedAt: at, addedBy: by })),
    );
    return result.identifiers.map((identifier) => (identifier as { id: string }).id);
  }

  /** The named evidence of a complaint (ids of other complaints are ignored). */
  async findEvidenceByIds(complaintId: string, evidenceIds: readonly string[]): Promise<Evidence[]> {
    if (evidenceIds.length === 0) return [];
    return this.manager.find(Evidence, {
      where: { complaintId, id: In([...evidenceIds]) },
      order: { addedAt: 'ASC', filename: 'ASC' },
    });
  }
}
