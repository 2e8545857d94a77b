import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { badRequest } from './problem';

/**
 * Request bodies. The SDK sends `content-type: application/json` on every request, GET and DELETE
 * included, often with no body: an empty JSON body is no body, never an error. Multipart bodies
 * (deployments) are read whole, within the same size limit as any other request.
 */
export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(badRequest(`Request body is not valid JSON: ${(error as Error).message}`), undefined);
    }
  });
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, parseMultipart(request, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/** Routes whose body is optional: no body reads as `{}`. */
export async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {};
}

export interface FormPart {
  readonly name: string;
  readonly filename?: string;
  readonly content: Buffer;
}

/** `multipart/form-data` (RFC 7578) → its parts, content kept as bytes. */
export function parseMultipart(request: FastifyRequest, body: Buffer): FormPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(request.headers['content-type'] ?? '');
  if (!boundary) throw badRequest('Multipart request without a boundary');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1)
      parts.push(formPart(part.subarray(0, headerEnd).toString('utf8'), part.subarray(headerEnd + 4)));
    start = next;
  }
  return parts;
}

function formPart(headers: string, content: Buffer): FormPart {
  const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw badRequest('Multipart part without a name');
  const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
  return { name, ...(filename !== undefined ? { filename } : {}), content };
}
