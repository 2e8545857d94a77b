import type { LightMyRequestResponse } from 'fastify';
import { type TestApi } from '../../helpers/api';
import { eventually as waitFor } from '../../helpers/engine';

/** Zhang San's complaint as an integrator's CRM sends it: goods damaged in transit, CNY 800. */
export const DAMAGED_GOODS = {
  channel: 'web',
  subject: '货物运输途中破损',
  description: '收到的货物外包装破损，三件商品在运输中损坏，要求赔偿。',
  request: '赔偿损失',
  declaredCategory: 'transport',
  lossAmount: 800,
  complainant: { name: '张三', phone: '13812345678', email: 'zhang.san@example.com' },
} as const;

let serial = 0;
/** A fresh idempotency key. */
export const newKey = (): string => `test-key-${Date.now()}-${(serial += 1)}`;

/** Files a complaint with `credential` and returns its number (fails the test on anything but 201). */
export async function fileComplaint(
  api: TestApi,
  credential: string,
  body: Record<string, unknown> = DAMAGED_GOODS,
): Promise<string> {
  const response = await api.call(credential, {
    method: 'POST',
    url: '/api/complaints',
    headers: { 'idempotency-key': newKey() },
    payload: body,
  });
  if (response.statusCode !== 201) throw new Error(`filing failed: ${response.statusCode} ${response.body}`);
  return response.json<{ number: string }>().number;
}

/** Polls `check` until it returns a value (a thrown error or undefined means "not yet"), with a deadline. */
export function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  return waitFor(check, timeoutMs, what);
}

/** Waits until the complaint's open steps include `step`, and returns the complaint as GET shows it. */
export async function waitForStep(api: TestApi, credential: string, number: string, step: string) {
  return eventually(`complaint ${number} at ${step}`, async () => {
    const response = await api.call(credential, { method: 'GET', url: `/api/complaints/${number}` });
    const body = response.json<{ currentSteps: Array<{ step: string }> }>();
    return body.currentSteps?.some((s) => s.step === step) ? body : undefined;
  });
}

/** A multipart/form-data body with these files under the field `files`. */
export function multipart(files: Array<{ filename: string; contentType: string; content: Buffer }>) {
  const boundary = `----complaints${Date.now()}`;
  const parts = files.map((file) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    ]),
  );
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export function problemOf(response: LightMyRequestResponse) {
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return response.json<{
    status: number;
    code: string;
    detail: string;
    errors?: Array<{ field: string; problem: string }>;
  }>();
}
