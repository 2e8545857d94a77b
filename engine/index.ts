/**
 * The embedded Zeebe-compatible engine. This is its whole public API: everything else under engine/
 * is internal. Clients reach a running engine only over the Zeebe protocol (gRPC and REST v2).
 */
export { startEngine, ENGINE_VERSION, type EngineOptions, type RunningEngine } from './engine';
export { type EngineLogger } from './logger';
export { type EngineRecord } from './runtime/state/engine-state';
