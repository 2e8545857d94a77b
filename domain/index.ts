/** The pure complaint rules (see README.md). Default data: `./defaults`. */
export * from './approval';
export * from './calendar';
export * from './classify';
export * from './deadlines';
export * from './domain-error';
export * from './numbering';
export * from './penalties';
export * from './personal-data';
export * from './routing';
export * from './vocabulary';
