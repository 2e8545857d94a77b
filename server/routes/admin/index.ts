import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../../app';
import { apiKeyRoutes } from './api-keys';
import { approvalThresholdRoutes } from './approval-thresholds';
import { calendarRoutes } from './calendars';
import { classificationRuleRoutes } from './classification-rules';
import { departmentRoutes } from './departments';
import { knowledgeArticleRoutes } from './knowledge-articles';
import { notificationTemplateRoutes } from './notification-templates';
import { penaltyPolicyRoutes } from './penalty-policies';
import { routingRuleRoutes } from './routing-rules';
import { staffRoutes } from './staff';

export interface AdminRoutesOptions {
  readonly deps: ApiDeps;
}

/** The administration under /api/admin (one file per resource; see README.md) and the knowledge search. */
export async function adminRoutes(app: FastifyInstance, { deps }: AdminRoutesOptions): Promise<void> {
  for (const routes of [
    apiKeyRoutes,
    departmentRoutes,
    staffRoutes,
    routingRuleRoutes,
    calendarRoutes,
    approvalThresholdRoutes,
    penaltyPolicyRoutes,
    classificationRuleRoutes,
    notificationTemplateRoutes,
    knowledgeArticleRoutes,
  ]) {
    await app.register(routes, { deps });
  }
}
