import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the receiver got: its headers and raw body. */
export interface ReceivedCall {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** How the receiver answers a call: a status, headers, or `hold` to answer only when released. */
export interface Answer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface LocalWebhookReceiver {
  readonly url: string;
  readonly calls: ReceivedCall[];
  /** The answers to the next calls, in order; once used up, every call is answered 200. */
  answerWith(...answers: Answer[]): void;
  /** Forgets the calls and the answers not given yet. */
  reset(): void;
  /** Holds the next call unanswered: resolves with it when it arrives; `release()` answers it 200. */
  holdNextCall(): { arrived: Promise<ReceivedCall>; release(): void };
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1: the integrator's callback URL the webhook transport posts to. */
export async function startLocalWebhookReceiver(): Promise<LocalWebhookReceiver> {
  const calls: ReceivedCall[] = [];
  const answers: Answer[] = [];
  let hold: { arrive(call: ReceivedCall): void; released: Promise<void> } | undefined;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const call = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      calls.push(call);
      const held = hold;
      hold = undefined;
      if (held) {
        held.arrive(call);
        void held.released.then(() => answer(response, { status: 200 }));
        return;
      }
      answer(response, answers.shift() ?? { status: 200 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/complaints/callback?token=integrator-token`,
    calls,
    answerWith: (...next) => void answers.push(...next),
    reset() {
      calls.length = 0;
      answers.length = 0;
    },
    holdNextCall() {
      let arrive!: (call: ReceivedCall) => void;
      let release!: () => void;
      const arrived = new Promise<ReceivedCall>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      hold = { arrive, released };
      return { arrived, release };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(response: ServerResponse, { status, headers }: Answer): void {
  response.writeHead(status, { 'content-type': 'text/plain', ...headers });
  response.end(status < 300 ? 'ok' : 'not now');
}
