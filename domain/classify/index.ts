export * from './classification-rules';
export * from './classify-complaint';
export * from './explanation';
export * from './lexicon';
export * from './priority';
export * from './severity';
export * from './check-rules';
