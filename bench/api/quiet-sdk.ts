/**
 * Imported first by bench/api.ts: the SDK reads its environment when loaded, and its own gRPC channel
 * and worker logs bypass the pino logger (they would bury the figures).
 */
process.env.ZEEBE_CLIENT_LOG_LEVEL ??= 'NONE';
process.env.CAMUNDA_LOG_LEVEL ??= 'none';
