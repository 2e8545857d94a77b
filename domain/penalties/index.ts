export * from './penalty-policy';
export * from './calculate-penalties';
