/**
 * The default data of the domain rules, typed. The db layer seeds the database from these files;
 * an administrator edits them there afterwards. Tests use them as the system's defaults.
 */
import type { ApprovalThresholds } from '../approval';
import type { WorkingCalendar } from '../calendar';
import type { ClassificationRules } from '../classify';
import type { DeadlineSettings } from '../deadlines';
import type { PenaltyPolicy } from '../penalties';
import type { Department, RoutingRule } from '../routing';
import approvalThresholds from './approval-thresholds.json';
import calendarCn2026 from './calendar-cn-2026.json';
import classificationRules from './classification-rules.json';
import deadlines from './deadlines.json';
import departments from './departments.json';
import penaltyPolicy from './penalty-policy.json';
import routingRules from './routing-rules.json';

export const DEFAULT_CALENDAR = calendarCn2026 as WorkingCalendar;
export const DEFAULT_DEADLINE_SETTINGS = deadlines as DeadlineSettings;
export const DEFAULT_DEPARTMENTS = departments as readonly Department[];
export const DEFAULT_ROUTING_RULES = routingRules as readonly RoutingRule[];
export const DEFAULT_APPROVAL_THRESHOLDS = approvalThresholds as ApprovalThresholds;
export const DEFAULT_PENALTY_POLICY = penaltyPolicy as PenaltyPolicy;
export const DEFAULT_CLASSIFICATION_RULES = classificationRules as unknown as ClassificationRules;
