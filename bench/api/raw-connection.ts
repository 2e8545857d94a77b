import net from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * One keep-alive HTTP/1.1 connection with one request in flight at a time, on a bare socket: far
 * cheaper per request than `http.request`, so the load generator stays out of the figures at a few
 * thousand requests per second. Enough HTTP for answers with a Content-Length (Fastify's); anything
 * else fails the request.
 */
export class RawConnection {
  private readonly socket: net.Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private pending: ((status: number | undefined) => void) | undefined;

  constructor(url: URL) {
    this.socket = net.connect({ host: url.hostname, port: Number(url.port) });
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk) => this.received(chunk));
    this.socket.on('error', () => this.settle(undefined));
    this.socket.on('close', () => this.settle(undefined));
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  get closed(): boolean {
    return this.socket.destroyed;
  }

  /** Sends a whole request; `done` gets the status, or undefined when the connection failed. */
  send(request: string | Buffer, done: (status: number | undefined) => void): void {
    this.pending = done;
    this.socket.write(request);
  }

  close(): void {
    this.socket.destroy();
  }

  private received(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const headerEnd = this.buffered.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = this.buffered.toString('latin1', 0, headerEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) {
      this.socket.destroy(); // chunked or unknown length: not for this client
      return;
    }
    const end = headerEnd + HEADER_END.length + Number(length[1]);
    if (this.buffered.length < end) return;
    this.buffered = this.buffered.subarray(end);
    this.settle(status);
  }

  private settle(status: number | undefined): void {
    const done = this.pending;
    this.pending = undefined;
    done?.(status);
  }
}

/** The bytes of one request. */
export function rawRequest(
  url: URL,
  method: string,
  headers: Readonly<Record<string, string>>,
  body?: string,
): string {
  const lines = [
    `${method} ${url.pathname}${url.search} HTTP/1.1`,
    `host: ${url.host}`,
    'connection: keep-alive',
  ];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== undefined) lines.push(`content-length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
}
