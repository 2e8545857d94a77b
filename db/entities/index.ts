/** Every TypeORM entity of the application; the data source registers exactly these. */
export const entities: Function[] = [];
