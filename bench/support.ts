import net from 'node:net';

/** Shared by the benchmarks' command lines and set-up. */

/** A positive integer option, or an error naming it. */
export function positive(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, not '${value}'`);
  return n;
}

/** Progress goes to stderr; stdout carries the figures. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
