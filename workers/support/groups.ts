import type { ApprovalThresholds } from '../../domain/approval';
import type { ApprovalLevel } from '../../domain/vocabulary';
import { CENTRE_GROUPS } from '../../db/seed-demo-staff';

/** The complaint centre's own candidate groups, and its management's. */
export interface CentreGroups {
  /** First-line agents: initial review, follow-up; they call a customer no notice reaches. */
  readonly agents: string;
  /** The centre's team managers: first escalation level of the centre's own tasks. */
  readonly teamManagers: string;
  /** The centre director: second escalation level (001 试行办法 五). */
  readonly director: string;
  /** Company leadership: internal problems are reported to it (001 第九条.4). */
  readonly leadership: string;
}

/**
 * The centre's groups. The management groups are those of the approval authority (核决权限), which
 * an administrator keeps in the database: the fallback group of the team-manager step, the centre
 * director's step and the leadership step. One place names each group.
 */
export function centreGroups(thresholds: ApprovalThresholds): CentreGroups {
  const groupOf = (level: ApprovalLevel) => {
    const step = thresholds.steps.find((s) => s.level === level);
    if (!step) throw new Error(`the approval thresholds have no "${level}" step, whose group is needed`);
    return step.approverGroup;
  };
  return {
    agents: CENTRE_GROUPS.agents,
    teamManagers: groupOf('team_manager'),
    director: groupOf('centre_director'),
    leadership: groupOf('leadership'),
  };
}
