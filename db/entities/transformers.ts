import type { ValueTransformer } from 'typeorm';

/** PostgreSQL `numeric` arrives as a string; amounts here stay well inside a double's exact range. */
export const numericToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value == null ? null : Number(value)),
};

/** PostgreSQL `bigint` arrives as a string; sizes and ids here stay below 2^53. */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value == null ? null : Number(value)),
};
