// Runs in every test worker before the test files: the SDK must fail fast, not retry a dead gateway.
process.env.ZEEBE_GRPC_CLIENT_RETRY = 'false';
process.env.CAMUNDA_AUTH_STRATEGY = 'NONE';
process.env.ZEEBE_CLIENT_LOG_LEVEL = process.env.ZEEBE_CLIENT_LOG_LEVEL ?? 'NONE';
process.env.CAMUNDA_LOG_LEVEL = process.env.CAMUNDA_LOG_LEVEL ?? 'none';
