import path from 'node:path';
import { type TestEngine } from '../../helpers/engine';

/** Deploys fixtures of test/engine/rest/fixtures with the gRPC client; returns the process definition keys. */
export async function deployFixtures(t: TestEngine, ...files: string[]): Promise<string[]> {
  const keys: string[] = [];
  for (const file of files) {
    const deployment = await t.zeebe.deployResource({
      processFilename: path.join(__dirname, 'fixtures', file),
    });
    keys.push(deployment.deployments[0].process.processDefinitionKey);
  }
  return keys;
}

export interface RawResponse {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  /** The body parsed as JSON, if it is JSON. */
  readonly json: Record<string, unknown> | undefined;
}

/** A plain HTTP call to the engine's REST API (for what the SDK has no method for). */
export async function restCall(
  t: TestEngine,
  method: string,
  urlPath: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const response = await fetch(`${t.engine.restAddress}/v2${urlPath}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
}

/** The SDK's HTTPError fields (copied from the problem body). */
export interface SdkProblem {
  readonly statusCode: number;
  readonly title: string;
  readonly detail: string;
}

/** Awaits a promise that must reject with the SDK's HTTPError; returns its problem fields. */
export async function problemOf(promise: Promise<unknown>): Promise<SdkProblem> {
  try {
    await promise;
  } catch (error) {
    const { statusCode, title, detail } = error as SdkProblem;
    return { statusCode, title, detail };
  }
  throw new Error('expected the request to fail, but it succeeded');
}
