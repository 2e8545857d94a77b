import { Type } from 'typebox';
import { ComplaintsRepository } from '../../db/repositories/complaints.repository';
import { StaffRepository } from '../../db/repositories/staff.repository';
import { type Nature, RESPONSIBILITIES, type Responsibility } from '../../domain/vocabulary';
import { JobDataError } from '../runtime/job-outcome';
import { oneOf } from '../support/variables';
import { decisionVariables, type DecisionRecorder } from './decision';

/** A person the investigation names: directly responsible, or the supervisor who answers for them. */
export const ResponsiblePerson = Type.Object({
  staffId: Type.String({ minLength: 1 }),
  role: oneOf(['direct', 'supervisor'] as const),
});

const Investigation = Type.Object({
  facts: Type.String({ minLength: 1 }),
  rootCause: Type.String({ minLength: 1 }),
  responsibility: oneOf(RESPONSIBILITIES),
  responsibleStaff: Type.Optional(Type.Array(ResponsiblePerson)),
  lossAmount: Type.Number({ minimum: 0 }),
});

/** The nature of the complaint the responsibility shows (004 二). */
const NATURE_OF: Readonly<Record<Responsibility, Nature>> = {
  company: 'justified',
  customer: 'unjustified',
  shared: 'shared',
};

/**
 * The department's investigation (000 三.4; 002 三.3): facts, root cause, whose responsibility, the
 * responsible people (each must be a member of staff: penalties are booked against them) and the
 * assessed loss. The history keeps it all (calculate-penalty reads it there); the record its nature.
 */
export const recordInvestigation: DecisionRecorder = async ({ manager, complaintId, variables, now }) => {
  const found = decisionVariables(Investigation, variables, 'investigation');
  const responsibleStaff = found.responsibility === 'customer' ? [] : (found.responsibleStaff ?? []);
  const ids = [...new Set(responsibleStaff.map((p) => p.staffId))];
  const known = new Set((await new StaffRepository(manager).findStaffByIds(ids)).map((s) => s.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new JobDataError(
      `the investigation names ${unknown.map((id) => `"${id}"`).join(', ')}, who ${unknown.length === 1 ? 'is' : 'are'} not known as staff: correct responsibleStaff`,
    );
  }
  const complaints = new ComplaintsRepository(manager);
  return {
    type: 'investigated',
    data: {
      facts: found.facts,
      rootCause: found.rootCause,
      responsibility: found.responsibility,
      responsibleStaff,
      lossAmount: found.lossAmount,
    },
    effect: async () => {
      await complaints.recordNature(complaintId, NATURE_OF[found.responsibility], now);
      await complaints.changeState(complaintId, 'resolving', now);
    },
  };
};
