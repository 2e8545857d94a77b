import type { AppealDecision, Deadline, Language, Remedy } from '../domain/vocabulary';
import type { TemplateKey } from './template-keys';

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Language, string>>>>;

/** Remedies as the customer reads them (000 三.5; 002 三.4). */
export const REMEDY_LABELS: Labels<Remedy> = {
  return: { 'zh-CN': '退货', en: 'return of the goods' },
  exchange: { 'zh-CN': '换货', en: 'exchange' },
  repair: { 'zh-CN': '维修', en: 'repair' },
  discount: { 'zh-CN': '折让', en: 'discount' },
  compensation: { 'zh-CN': '赔偿', en: 'compensation' },
  refund: { 'zh-CN': '退款', en: 'refund' },
  coupon: { 'zh-CN': '优惠券', en: 'coupon' },
  apology: { 'zh-CN': '致歉并说明情况', en: 'apology and explanation' },
};

/** Deadlines as staff read them in escalation notices (DOMAIN §3). */
export const DEADLINE_LABELS: Labels<Deadline> = {
  review: { 'zh-CN': '初审', en: 'initial review' },
  preliminary_reply: { 'zh-CN': '初步答复', en: 'preliminary reply' },
  investigation: { 'zh-CN': '调查', en: 'investigation' },
  result: { 'zh-CN': '处理结果答复', en: 'answer with the result' },
  appeal_window: { 'zh-CN': '申诉期', en: 'appeal window' },
  follow_up: { 'zh-CN': '回访', en: 'follow-up visit' },
};

/** The complaint centre's decision on an appeal (001 第八条.5). */
export const APPEAL_DECISION_LABELS: Labels<AppealDecision> = {
  upheld: { 'zh-CN': '申诉成立，处理方案予以调整', en: 'your appeal is upheld and the resolution changed' },
  rejected: { 'zh-CN': '申诉不成立，维持原处理决定', en: 'your appeal is not upheld; the resolution stands' },
};

/** Names of the notifications themselves (e.g. in "customer unreachable" notices). */
export const TEMPLATE_LABELS: Labels<TemplateKey> = {
  acknowledgement: { 'zh-CN': '受理通知', en: 'acknowledgement' },
  preliminary_reply: { 'zh-CN': '初步答复', en: 'preliminary reply' },
  invalid: { 'zh-CN': '无效投诉答复', en: 'answer to an invalid complaint' },
  malicious: { 'zh-CN': '不实投诉答复', en: 'answer to a false complaint' },
  result: { 'zh-CN': '处理结果通知', en: 'notice of the result' },
  final_decision: { 'zh-CN': '最终处理决定', en: 'final decision' },
  follow_up: { 'zh-CN': '回访通知', en: 'follow-up notice' },
  withdrawn: { 'zh-CN': '撤回确认', en: 'withdrawal confirmation' },
  department_assigned: { 'zh-CN': '分派通知', en: 'assignment notice' },
  escalation_team_manager: { 'zh-CN': '逾期提醒（班组长）', en: 'overdue notice (team manager)' },
  escalation_centre_director: { 'zh-CN': '逾期升级（中心主任）', en: 'overdue escalation (centre director)' },
  report_to_leadership: { 'zh-CN': '上报领导', en: 'report to leadership' },
  unreachable: { 'zh-CN': '无法联系客户', en: 'customer unreachable' },
  evidence_added: { 'zh-CN': '新增证据', en: 'evidence added' },
};
