export * from './working-calendar';
export * from './iso-duration';
export * from './business-time';
