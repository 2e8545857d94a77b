/** Every migration of the application schema, in order (file names `<timestamp>-PascalName.ts`). Append only. */
export const migrations: Function[] = [];
