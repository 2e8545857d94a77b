import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createCamundaClients, embeddedEngine, type CamundaClients } from '../../lib/camunda';
import { createLogger } from '../../lib/logger';
import { buildApp } from '../../server/app';
import { databaseCheck, engineChecks } from '../../server/readiness';
import { startTestEngine, type TestEngine } from '../helpers/engine';
import { freePort } from '../helpers/ports';

const log = createLogger({ level: 'silent', pretty: false });

let t: TestEngine;
let pool: pg.Pool;
let clients: CamundaClients;
beforeAll(async () => {
  t = await startTestEngine();
  pool = new pg.Pool({ connectionString: t.db.url, max: 2 });
  clients = createCamundaClients(embeddedEngine(t.engine), log);
});
afterAll(async () => {
  await clients.close();
  await pool.end();
  await t.stop();
});

/** An address where nothing listens: connections are refused at once. */
async function deadAddress(): Promise<{ grpcAddress: string; restAddress: string; embedded: true }> {
  const port = await freePort();
  return { grpcAddress: `grpc://127.0.0.1:${port}`, restAddress: `http://127.0.0.1:${port}`, embedded: true };
}

function appWith(checks: Parameters<typeof buildApp>[0]['readiness']): FastifyInstance {
  return buildApp({ log, readiness: checks });
}

test('GET /health answers 200 while the process serves HTTP, whatever its dependencies', async () => {
  // given
  const app = appWith([databaseCheck({ query: () => Promise.reject(new Error('database down')) })]);
  // when
  const response = await app.inject({ method: 'GET', url: '/health' });
  // then
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({ status: 'ok' });
  await app.close();
});

test('GET /ready answers 200 when the database and both gateways of the engine answer', async () => {
  // given
  const app = appWith([databaseCheck(pool), ...engineChecks(clients)]);
  // when
  const response = await app.inject({ method: 'GET', url: '/ready' });
  // then
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({
    status: 'ready',
    checks: { database: 'up', 'engine-grpc': 'up', 'engine-rest': 'up' },
  });
  await app.close();
});

test('GET /ready answers 503 problem+json naming the engine when the engine is unreachable', async () => {
  // given
  const unreachable = createCamundaClients(await deadAddress(), log);
  const app = appWith([databaseCheck(pool), ...engineChecks(unreachable)]);
  // when
  const response = await app.inject({ method: 'GET', url: '/ready' });
  // then
  expect(response.statusCode).toBe(503);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toEqual({
    type: 'about:blank',
    title: 'Service Unavailable',
    status: 503,
    code: 'NOT_READY',
    detail: 'Not ready: engine-grpc, engine-rest are down',
    instance: '/ready',
    checks: { database: 'up', 'engine-grpc': 'down', 'engine-rest': 'down' },
  });
  await app.close();
  await unreachable.close();
});

test('GET /ready answers 503 problem+json naming the database when the database is unreachable', async () => {
  // given
  const deadPool = new pg.Pool({
    connectionString: `postgres://postgres:postgres@127.0.0.1:${await freePort()}/none`,
    connectionTimeoutMillis: 1000,
  });
  const app = appWith([databaseCheck(deadPool), ...engineChecks(clients)]);
  // when
  const response = await app.inject({ method: 'GET', url: '/ready' });
  // then
  expect(response.statusCode).toBe(503);
  expect(response.json()).toMatchObject({
    detail: 'Not ready: database is down',
    checks: { database: 'down', 'engine-grpc': 'up', 'engine-rest': 'up' },
  });
  await app.close();
  await deadPool.end();
});

test('the 503 names what is down but not why (no addresses, no driver messages)', async () => {
  // given
  const app = appWith([
    databaseCheck({ query: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:5432')) }),
  ]);
  // when
  const response = await app.inject({ method: 'GET', url: '/ready' });
  // then
  expect(response.statusCode).toBe(503);
  expect(response.body).not.toContain('ECONNREFUSED');
  expect(response.body).not.toContain('10.0.0.7');
  await app.close();
});
