import type { EntityManager } from 'typeorm';
import type { ClassificationRules } from '../../domain/classify/classification-rules';
import { NotFoundError } from '../../lib/errors';
import { ClassificationRulesRecord } from '../entities/policy-documents.entity';
import { sameInstance } from './same-instance';

/** The classification rules document (DOMAIN §2), versioned; the active version classifies. */
export class ClassificationRulesRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Fails with NO_CLASSIFICATION_RULES when no version is active. */
  async findActiveClassificationRules(): Promise<ClassificationRules> {
    const record = await this.manager.findOneBy(ClassificationRulesRecord, { active: true });
    if (!record) {
      throw new NotFoundError(
        'No classification rules are active: seed the reference data',
        'NO_CLASSIFICATION_RULES',
      );
    }
    return sameInstance('classification-rules', {
      ...(record.document as ClassificationRules),
      version: record.version,
    });
  }

  /** Stores the rules as the next version and makes it the active one; returns the version. */
  async publishClassificationRules(rules: ClassificationRules, by: string): Promise<number> {
    return this.manager.transaction(async (manager) => {
      await manager.query(`LOCK TABLE classification_rules IN SHARE ROW EXCLUSIVE MODE`);
      const rows: { next: number }[] = await manager.query(
        `SELECT coalesce(max(version), 0) + 1 AS next FROM classification_rules`,
      );
      const version = rows[0].next;
      await manager.update(ClassificationRulesRecord, { active: true }, { active: false });
      await manager.insert(ClassificationRulesRecord, {
        version,
        active: true,
        document: { ...rules, version },
        createdBy: by,
      });
      return version;
    });
  }
}
