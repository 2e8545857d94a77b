import { Type } from 'typebox';
import {
  CATEGORIES,
  CHANNELS,
  COMPLAINT_STATES,
  CUSTOMER_RESPONSES,
  DEADLINES,
  ESCALATION_LEVELS,
  LANGUAGES,
  NATURES,
  PRIORITIES,
  REVIEW_OUTCOMES,
  SEVERITIES,
  SOURCES,
} from '../../domain/vocabulary';
import { DateTime, Nullable as orNull, OneOf as enumOf } from './kinds';

// The answers of the complaint routes (server/routes/complaints.ts). They are also how Fastify
// writes each answer: a field not named here is not sent.

const severity = enumOf(SEVERITIES, '1 most severe');

/** A file of evidence as stored (the detail adds when it was added). */
const StoredEvidence = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
});

/** `POST /api/complaints` (201, and the same again for a replayed key). */
export const CreatedComplaintAnswer = Type.Object({
  number: Type.String({ description: 'the complaint number, YYMM + serial' }),
  state: Type.Literal('registered'),
  process: Type.Literal('queued', {
    description: 'its process is started by the background process; GET says `started` once it is',
  }),
  receivedAt: DateTime,
  links: Type.Object({ self: Type.String(), responses: Type.String(), evidence: Type.String() }),
});

/** One complaint of `GET /api/complaints`. */
const ComplaintSummary = Type.Object({
  number: Type.String(),
  subject: Type.String(),
  channel: enumOf(CHANNELS),
  category: orNull(enumOf(CATEGORIES)),
  subType: orNull(Type.String()),
  severity: orNull(severity),
  priority: orNull(enumOf(PRIORITIES)),
  state: enumOf(COMPLAINT_STATES),
  department: orNull(Type.String()),
  receivedAt: DateTime,
  closedAt: orNull(DateTime),
  overdue: Type.Boolean({ description: 'open, with a missed deadline' }),
  links: Type.Object({ self: Type.String() }),
});

export const ComplaintPageAnswer = Type.Object({
  items: Type.Array(ComplaintSummary),
  nextCursor: orNull(Type.String({ description: 'pass as `cursor` for the next page; null on the last' })),
});

/** `GET /api/complaints/{number}`: the record, its open steps, its timeline. */
export const ComplaintDetailAnswer = Type.Object({
  number: Type.String(),
  state: enumOf(COMPLAINT_STATES),
  channel: enumOf(CHANNELS),
  source: enumOf(SOURCES),
  subject: Type.String(),
  description: Type.String(),
  request: orNull(Type.String()),
  occurredAt: orNull(DateTime),
  location: orNull(Type.String()),
  declaredCategory: orNull(enumOf(CATEGORIES)),
  category: orNull(enumOf(CATEGORIES)),
  subType: orNull(Type.String()),
  severity: orNull(severity),
  priority: orNull(enumOf(PRIORITIES)),
  nature: orNull(enumOf(NATURES)),
  reviewOutcome: orNull(enumOf(REVIEW_OUTCOMES)),
  department: orNull(Type.String()),
  lossAmount: orNull(Type.Number()),
  currency: Type.String(),
  mediaExposure: Type.Boolean(),
  language: enumOf(LANGUAGES),
  receivedAt: DateTime,
  closedAt: orNull(DateTime),
  process: enumOf(['queued', 'started'] as const),
  complainant: orNull(
    Type.Object({
      name: Type.String({ description: 'masked for roles that do not call customers back' }),
      phone: orNull(Type.String()),
      email: orNull(Type.String()),
      erased: Type.Boolean({ description: 'contact details erased on request' }),
    }),
  ),
  evidence: Type.Array(Type.Object({ ...StoredEvidence.properties, addedAt: DateTime })),
  currentSteps: Type.Array(
    Type.Object({
      step: Type.String({ description: 'the BPMN element id' }),
      name: Type.String(),
      candidateGroups: Type.Array(Type.String()),
      assigned: Type.Boolean(),
      dueAt: orNull(Type.String()),
    }),
  ),
  breaches: Type.Array(
    Type.Object({
      deadline: enumOf(DEADLINES),
      dueAt: DateTime,
      escalatedTo: enumOf(ESCALATION_LEVELS),
    }),
  ),
  timeline: Type.Array(
    Type.Object({
      type: Type.String(),
      actor: Type.String({
        description: 'who: `client:<id>`, `staff:<id>` (`staff` to an integrator), `worker:<job>`, `system`',
      }),
      at: DateTime,
    }),
  ),
});

export const CustomerResponseAnswer = Type.Object({
  number: Type.String(),
  response: enumOf(CUSTOMER_RESPONSES),
  accepted: Type.Literal(true, { description: 'handed to the process' }),
});

export const EvidenceAnswer = Type.Object({
  number: Type.String(),
  evidence: Type.Array(StoredEvidence),
});

export const WithdrawalAnswer = Type.Object({
  number: Type.String(),
  withdrawal: Type.Literal('requested', { description: 'handed to the process, which closes the complaint' }),
});

export const ErasureAnswer = Type.Object({
  number: Type.String(),
  contactErased: Type.Boolean(),
  deliveriesCleared: Type.Integer({ description: 'outbox deliveries whose address was cleared' }),
  notificationsAnonymised: Type.Integer(),
  processVariablesErased: Type.Integer(),
});
