import type { EntityManager } from 'typeorm';
import type { RoutingRule } from '../../domain/routing';
import type { Category } from '../../domain/vocabulary';
import { RoutingRuleRecord } from '../entities/routing-rule.entity';

/** A line of the routing table as an administrator adds it. */
export interface NewRoutingRule {
  readonly category: Category;
  readonly subType: string | null;
  readonly departmentCode: string;
}

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

  /** Every rule, inactive ones too, as stored (the administration list). */
  async listRoutingRuleRecords(): Promise<RoutingRuleRecord[]> {
    return this.manager
      .createQueryBuilder(RoutingRuleRecord, 'r')
      .orderBy('r.category', 'ASC')
      .addOrderBy('r.sub_type', 'ASC', 'NULLS LAST')
      .getMany();
  }

  async findRoutingRuleRecord(id: number): Promise<RoutingRuleRecord | null> {
    return this.manager.findOneBy(RoutingRuleRecord, { id });
  }

  /** The rule for exactly this category and sub-type (null: the category-wide rule), active or not. */
  async findRoutingRuleFor(category: string, subType: string | null): Promise<RoutingRuleRecord | null> {
    return this.manager
      .createQueryBuilder(RoutingRuleRecord, 'r')
      .where(`r.category = :category AND coalesce(r.sub_type, '') = :subType`, {
        category,
        subType: subType ?? '',
      })
      .getOne();
  }

  async addRoutingRule(rule: NewRoutingRule, at: Date): Promise<RoutingRuleRecord> {
    const result = await this.manager.insert(RoutingRuleRecord, { ...rule, createdAt: at, updatedAt: at });
    const { id } = result.identifiers[0] as { id: number };
    return (await this.findRoutingRuleRecord(id)) as RoutingRuleRecord;
  }

  /** Sends a rule's complaints elsewhere or (de)activates it; null when unknown. */
  async updateRoutingRule(
    id: number,
    changes: { readonly departmentCode?: string; readonly active?: boolean },
    at: Date,
  ): Promise<RoutingRuleRecord | null> {
    const result = await this.manager.update(RoutingRuleRecord, { id }, { ...changes, updatedAt: at });
    return result.affected ? this.findRoutingRuleRecord(id) : null;
  }

  /** Removes a rule (its category's complaints are then routed by the category rule or by hand). */
  async removeRoutingRule(id: number): Promise<boolean> {
    const result = await this.manager.delete(RoutingRuleRecord, { id });
    return Boolean(result.affected);
  }
}
