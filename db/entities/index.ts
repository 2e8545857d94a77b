import { ApprovalThresholdRecord, LeadershipReportRuleRecord } from './approval-threshold.entity';
import { CalendarHoliday, CalendarRecord } from './calendar.entity';
import { Complainant, ContactFingerprint } from './complainant.entity';
import { ComplaintEvent } from './complaint-event.entity';
import { Complaint } from './complaint.entity';
import { DeadlineBreachRecord } from './deadline-breach.entity';
import { DeadlineSettingRecord } from './deadline-setting.entity';
import { DepartmentRecord } from './department.entity';
import { Evidence } from './evidence.entity';
import { KnowledgeArticle } from './knowledge-article.entity';
import { Penalty } from './penalty.entity';
import { RoutingRuleRecord } from './routing-rule.entity';
import { NotificationTemplate } from './notification-template.entity';
import { Notification, NotificationDelivery } from './notification.entity';
import { Satisfaction } from './satisfaction.entity';
import { Staff, StaffGroup } from './staff.entity';
import { ClassificationRulesRecord, PenaltyPolicyRecord } from './policy-documents.entity';

/** Every TypeORM entity of the application; the data source registers exactly these. */
export const entities: (new () => object)[] = [
  Complaint,
  Complainant,
  ContactFingerprint,
  Evidence,
  ComplaintEvent,
  DepartmentRecord,
  Staff,
  StaffGroup,
  RoutingRuleRecord,
  CalendarRecord,
  CalendarHoliday,
  DeadlineSettingRecord,
  ApprovalThresholdRecord,
  LeadershipReportRuleRecord,
  PenaltyPolicyRecord,
  ClassificationRulesRecord,
  Penalty,
  DeadlineBreachRecord,
  Satisfaction,
  KnowledgeArticle,
  Notification,
  NotificationDelivery,
  NotificationTemplate,
];
