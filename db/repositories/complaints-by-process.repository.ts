import { type EntityManager, In } from 'typeorm';
import { Complainant } from '../entities/complainant.entity';
import { Complaint } from '../entities/complaint.entity';

/** A complaint and its complainant (null when the record has none, e.g. erased). */
export interface ComplaintWithComplainant {
  readonly complaint: Complaint;
  readonly complainant: Complainant | null;
}

/** Complaints found by the process instance that handles them (what a user task knows of its case). */
export class ComplaintsByProcessRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The complaints of these process instances, by process instance key (those without one are left out). */
  async findComplaintsOfProcessInstances(
    processInstanceKeys: readonly string[],
  ): Promise<Map<string, Complaint>> {
    if (processInstanceKeys.length === 0) return new Map();
    const found = await this.manager.findBy(Complaint, { processInstanceKey: In([...processInstanceKeys]) });
    return new Map(
      found.flatMap((complaint) =>
        complaint.processInstanceKey ? [[complaint.processInstanceKey, complaint]] : [],
      ),
    );
  }

  async findComplaintOfProcessInstance(processInstanceKey: string): Promise<ComplaintWithComplainant | null> {
    const complaint = await this.manager.findOneBy(Complaint, { processInstanceKey });
    if (!complaint) return null;
    const complainant = await this.manager.findOneBy(Complainant, { complaintId: complaint.id });
    return { complaint, complainant };
  }
}
