import { randomUUID } from 'node:crypto';
import type { LoadTarget } from './load-job';
import type { BenchSystem } from './system';

/** A route under load, and the p99 it should stay under at half its maximum rate. */
export interface Scenario {
  readonly name: string;
  readonly target: LoadTarget;
  readonly goalP99Ms?: number;
}

/** Zhang San's complaint as an integrator's CRM sends it (as in the API tests): goods damaged in transit. */
const DAMAGED_GOODS = {
  channel: 'web',
  subject: '货物运输途中破损',
  description: '收到的货物外包装破损，三件商品在运输中损坏，要求赔偿。',
  request: '赔偿损失',
  declaredCategory: 'transport',
  lossAmount: 800,
  complainant: { name: '张三', phone: '13812345678', email: 'zhang.san@example.com' },
};

/** The bare route first: the others are compared with it. */
export async function scenarios(system: BenchSystem): Promise<Scenario[]> {
  const authorization = `Bearer ${system.apiKey}`;
  const fileOne: LoadTarget = {
    url: `${system.apiUrl}/api/complaints`,
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(DAMAGED_GOODS),
    freshIdempotencyKey: true,
  };
  const number = await fileComplaint(fileOne);
  return [
    { name: 'bare GET /', target: { url: `${system.bareUrl}/`, method: 'GET', headers: {} } },
    { name: 'POST /api/complaints', target: fileOne, goalP99Ms: 50 },
    {
      name: 'GET /api/complaints/{number}',
      target: { url: `${system.apiUrl}/api/complaints/${number}`, method: 'GET', headers: { authorization } },
      goalP99Ms: 25,
    },
  ];
}

/** Files one complaint (the one the GET scenario reads) and returns its number. */
async function fileComplaint(target: LoadTarget): Promise<string> {
  const response = await fetch(target.url, {
    method: target.method,
    headers: { ...target.headers, 'idempotency-key': randomUUID() },
    body: target.body,
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`filing a complaint failed: ${response.status} ${text}`);
  return (JSON.parse(text) as { number: string }).number;
}
