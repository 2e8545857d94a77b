import type { EntityManager } from 'typeorm';
import type { RoutingRule } from '../../domain/routing';
import type { Category } from '../../domain/vocabulary';
import { RoutingRuleRecord } from '../entities/routing-rule.entity';

/** The routing table category/sub-type → department (DOMAIN §3.4), as `routeComplaint` takes it. */
export class RoutingRulesRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Active rules, sub-type rules of a category before its category-wide rule. */
  async loadActiveRoutingRules(): Promise<RoutingRule[]> {
    const records = await this.manager
      .createQueryBuilder(RoutingRuleRecord, 'r')
      .where('r.active')
      .orderBy('r.category', 'ASC')
      .addOrderBy('r.sub_type', 'ASC', 'NULLS LAST')
      .getMany();
    return records.map((r) => ({
      category: r.category as Category,
      ...(r.subType ? { subType: r.subType } : {}),
      department: r.departmentCode,
    }));
  }
}
