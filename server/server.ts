import type { FastifyInstance } from 'fastify';

export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and waits for the requests in flight. */
  close(): Promise<void>;
}

/** Listens on host:port (port 0: any free port). */
export async function startServer(
  app: FastifyInstance,
  options: { readonly host: string; readonly port: number },
): Promise<RunningServer> {
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => app.close(),
  };
}
