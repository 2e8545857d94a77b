import type { EntityManager } from 'typeorm';
import type { DeadlineSetting, DeadlineSettings } from '../../domain/deadlines';
import { DEADLINES, type Deadline } from '../../domain/vocabulary';
import { NotFoundError } from '../../lib/errors';
import { DeadlineSettingRecord } from '../entities/deadline-setting.entity';

/** The deadline settings (DOMAIN §3: 24 h, 48 h, one week are defaults an administrator changes). */
export class DeadlineSettingsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Every deadline's setting; fails with NO_DEADLINE_SETTING naming each one missing. */
  async loadDeadlineSettings(): Promise<DeadlineSettings> {
    const records = await this.manager.find(DeadlineSettingRecord);
    const byDeadline = new Map(records.map((r) => [r.deadline, toSetting(r)]));
    const missing = DEADLINES.filter((d) => !byDeadline.has(d));
    if (missing.length > 0) {
      throw new NotFoundError(
        `No setting for the deadline(s) ${missing.join(', ')}: seed the reference data or add them`,
        'NO_DEADLINE_SETTING',
      );
    }
    return Object.fromEntries(byDeadline) as Record<Deadline, DeadlineSetting>;
  }
}

function toSetting(record: DeadlineSettingRecord): DeadlineSetting {
  return {
    duration: record.duration,
    basis: record.basis,
    escalateAfter: record.escalateAfter,
    startsFrom: record.startsFrom,
    description: { zh: record.descriptionZh, en: record.descriptionEn },
  };
}
