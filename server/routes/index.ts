import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../app';
import { adminRoutes } from './admin';
import { analysisRoutes } from './analysis';
import { authRoutes } from './auth';
import { complaintRoutes } from './complaints';
import { taskRoutes } from './tasks';
import { webhookRoutes } from './webhooks';

export interface ApiRoutesOptions {
  readonly deps: ApiDeps;
}

/** Every route under /api, one plugin per resource (each file says who may call what). */
export async function apiRoutes(app: FastifyInstance, { deps }: ApiRoutesOptions): Promise<void> {
  await app.register(complaintRoutes, { deps });
  await app.register(analysisRoutes, { deps });
  await app.register(authRoutes, { deps });
  await app.register(adminRoutes, { deps });
  await app.register(taskRoutes, { deps });
  await app.register(webhookRoutes, { deps });
}
