import { type Static, Type } from 'typebox';
import {
  CATEGORIES,
  CHANNELS,
  COMPLAINT_STATES,
  CUSTOMER_RESPONSES,
  LANGUAGES,
  SEVERITIES,
  SOURCES,
} from '../../domain/vocabulary';
import { DateTime } from './kinds';

const text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });
const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const enumOf = <const T extends readonly (string | number)[]>(values: T, description?: string) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    description ? { description } : {},
  );

export const ComplainantBody = Type.Object(
  {
    name: text(100, '投诉人姓名 / the complainant'),
    phone: Type.Optional(nullable(Type.String({ pattern: '^\\+?[0-9][0-9 -]{5,19}$', maxLength: 20 }))),
    email: Type.Optional(nullable(Type.String({ format: 'email', maxLength: 254 }))),
    wechat: Type.Optional(nullable(text(64))),
    address: Type.Optional(nullable(text(300))),
    organisation: Type.Optional(nullable(text(200))),
  },
  { additionalProperties: false },
);

export const ProductBody = Type.Object(
  {
    orderNumber: Type.Optional(nullable(text(64))),
    partNumber: Type.Optional(nullable(text(64))),
    shipDate: Type.Optional(nullable(Type.String({ format: 'date' }))),
    quantity: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()])),
    defectiveQuantity: Type.Optional(
      Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);

/** `POST /api/complaints`: every intake field of DOMAIN §1 (001 第六条). State and the like are never taken. */
export const CreateComplaintBody = Type.Object(
  {
    channel: enumOf(CHANNELS, 'how the complaint arrived'),
    source: Type.Optional(enumOf(SOURCES)),
    subject: text(200, '事由 / what it is about'),
    description: text(10_000, 'what happened, in the complainant’s words'),
    occurredAt: Type.Optional(nullable(DateTime)),
    location: Type.Optional(nullable(text(300))),
    request: Type.Optional(nullable(text(2_000, '投诉请求 / what the complainant asks for'))),
    declaredCategory: Type.Optional(Type.Union([enumOf(CATEGORIES), Type.Null()])),
    product: Type.Optional(Type.Union([ProductBody, Type.Null()])),
    lossAmount: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 1e12 }), Type.Null()])),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    mediaExposure: Type.Optional(Type.Boolean()),
    language: Type.Optional(enumOf(LANGUAGES)),
    callbackUrl: Type.Optional(
      nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 })),
    ),
    complainant: ComplainantBody,
  },
  { additionalProperties: false },
);
export type CreateComplaintBody = Static<typeof CreateComplaintBody>;

export const ComplaintNumberParams = Type.Object(
  { number: Type.String({ pattern: '^[0-9]{8,}$', description: 'the complaint number, YYMM + serial' }) },
  { additionalProperties: false },
);
export type ComplaintNumberParams = Static<typeof ComplaintNumberParams>;

export const ListComplaintsQuery = Type.Object(
  {
    state: Type.Optional(enumOf(COMPLAINT_STATES)),
    category: Type.Optional(enumOf(CATEGORIES)),
    department: Type.Optional(Type.String({ pattern: '^[a-z0-9_-]{1,64}$' })),
    channel: Type.Optional(enumOf(CHANNELS)),
    severity: Type.Optional(enumOf(SEVERITIES.map(String) as string[])),
    receivedFrom: Type.Optional(DateTime),
    receivedTo: Type.Optional(DateTime),
    overdue: Type.Optional(Type.Boolean({ description: 'only complaints with a missed deadline' })),
    sort: Type.Optional(enumOf(['receivedAt', '-receivedAt'] as const)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ListComplaintsQuery = Static<typeof ListComplaintsQuery>;

export const CustomerResponseBody = Type.Object(
  {
    response: enumOf(CUSTOMER_RESPONSES, 'accept the result, or appeal it'),
    appealReason: Type.Optional(text(2_000)),
  },
  { additionalProperties: false },
);
export type CustomerResponseBody = Static<typeof CustomerResponseBody>;

export const WithdrawalBody = Type.Object(
  { reason: Type.Optional(text(2_000)) },
  { additionalProperties: false },
);
export type WithdrawalBody = Static<typeof WithdrawalBody>;

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 8,
    maxLength: 200,
    pattern: '^[\\x21-\\x7e]+$',
    description: 'a unique key per complaint (e.g. a UUID); the same key and body replay the first answer',
  }),
});
