import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { type EngineApi } from '../../api/engine-api';
import { type EngineLogger } from '../../logger';
import { type GatewayInfo, unaryHandlers } from './grpc-handlers';
import { activateJobsHandler, streamJobsHandler } from './grpc-job-streams';
import { toServiceError } from './grpc-status';

/** The gateway protocol exactly as `@camunda8/sdk` ships it (never copied or edited). */
export const ZEEBE_PROTO = path.join(
  path.dirname(require.resolve('@camunda8/sdk/package.json')),
  'dist',
  'proto',
  'zeebe.proto',
);

export interface GrpcGatewayOptions {
  readonly host: string;
  readonly port: number;
  readonly maxMessageSize: number;
  readonly longPollTimeoutMs: number;
  readonly version: string;
}

/** The Zeebe gateway's gRPC front door. Resolves with the bound port (0 picks a free one). */
export async function startGrpcGateway(
  api: EngineApi,
  options: GrpcGatewayOptions,
  log: EngineLogger,
): Promise<{ port: number; stop: () => Promise<void> }> {
  const definition = protoLoader.loadSync(ZEEBE_PROTO, {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const proto = grpc.loadPackageDefinition(definition) as unknown as {
    gateway_protocol: { Gateway: { service: grpc.ServiceDefinition } };
  };
  const service = proto.gateway_protocol.Gateway.service;
  const server = new grpc.Server({
    'grpc.max_receive_message_length': options.maxMessageSize,
    'grpc.max_send_message_length': options.maxMessageSize,
    interceptors: [acceptUncompressedOnly],
  });
  let boundPort = options.port;
  const info: GatewayInfo = {
    host: options.host,
    port: () => boundPort,
    version: options.version,
    maxMessageSize: options.maxMessageSize,
  };
  const unary = unaryHandlers(api, info);
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const rpc of Object.keys(service)) {
    const handler = unary[rpc];
    implementation[rpc] = handler ? wrapUnary(rpc, handler, log) : unimplemented(rpc);
  }
  implementation.ActivateJobs = activateJobsHandler(
    api,
    options.longPollTimeoutMs,
    options.maxMessageSize,
    log,
  );
  implementation.StreamActivatedJobs = streamJobsHandler(api, options.maxMessageSize, log);
  server.addService(service, implementation);
  boundPort = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      `${options.host}:${options.port}`,
      grpc.ServerCredentials.createInsecure(),
      (error, port) =>
        error
          ? reject(
              new Error(
                `engine: cannot listen for gRPC on ${options.host}:${options.port}: ${error.message}`,
              ),
            )
          : resolve(port),
    ),
  );
  return {
    port: boundPort,
    stop: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 2000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}

/**
 * Answers every call with `grpc-accept-encoding: identity`. The SDK gzips each request it sends
 * (`grpc.default_compression_algorithm: 2`) until an answer says the server does not take gzip; on
 * loopback that only burns CPU on both sides. A gzipped request is still accepted.
 */
const acceptUncompressedOnly: grpc.ServerInterceptor = (_method, call) =>
  new grpc.ServerInterceptingCall(call, {
    sendMetadata: (metadata, next) => {
      metadata.set('grpc-accept-encoding', 'identity');
      next(metadata);
    },
  });

function wrapUnary(
  rpc: string,
  handler: (request: Record<string, unknown>) => Promise<object> | object,
  log: EngineLogger,
) {
  return (
    call: grpc.ServerUnaryCall<Record<string, unknown>, object>,
    callback: grpc.sendUnaryData<object>,
  ) => {
    Promise.resolve()
      .then(() => handler(call.request))
      .then(
        (response) => callback(null, response),
        (error) => callback(toServiceError(error, log, rpc)),
      );
  };
}

function unimplemented(rpc: string) {
  const message = `The embedded engine does not implement '${rpc}'. Use a Camunda 8 cluster for this operation.`;
  return (
    call: grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown>,
    callback?: grpc.sendUnaryData<unknown>,
  ) => {
    const error = { code: grpc.status.UNIMPLEMENTED, details: message };
    if (callback) callback(error);
    else
      (call as grpc.ServerWritableStream<unknown, unknown>).emit(
        'error',
        Object.assign(new Error(message), error),
      );
  };
}
