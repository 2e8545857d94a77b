/**
 * The words of the complaint domain (../shared/DOMAIN.md), shared by every part of the system.
 * Codes are stable English identifiers; zh-CN and English labels for people are in
 * notifications/labels.ts and the forms.
 */

/** How a complaint reached us (DOMAIN §1; seeds 001 第五条, 002 三.1). */
export const CHANNELS = [
  'phone',
  'web',
  'wechat',
  'social_media',
  'email',
  'letter',
  'on_site',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** External = customers; internal = branch offices and other departments (001 工作内容 三.1). */
export const SOURCES = ['external', 'internal'] as const;
export type Source = (typeof SOURCES)[number];

/** Category → its sub-types (DOMAIN §2; seeds 000 一, 001 工作内容 三.3). */
export const SUB_TYPES = {
  quality: ['defect', 'spec_mismatch', 'tolerance', 'malfunction'],
  contract: ['quantity', 'grade', 'spec', 'delivery_time', 'delivery_place', 'settlement', 'terms'],
  transport: ['damage', 'loss', 'spoilage', 'packing_handling'],
  service: ['quality', 'attitude', 'manner', 'skill'],
  logistics: [
    'damaged_goods',
    'shortage_lost',
    'delay',
    'claims',
    'business_error',
    'price',
    'information',
    'other',
  ],
  finance: ['commission', 'cash_on_delivery', 'invoice', 'tax', 'other'],
} as const;
export type Category = keyof typeof SUB_TYPES;
export const CATEGORIES = Object.keys(SUB_TYPES) as Category[];
export type SubType<C extends Category = Category> = (typeof SUB_TYPES)[C][number];

/**
 * 1 = grumble about policy or the customer's own misunderstanding; 2 = staff attitude, skill or
 * mistake that hurt the customer; 3 = system failure or another department's error that caused a
 * loss (001 试行办法 四).
 */
export const SEVERITIES = [1, 2, 3] as const;
export type Severity = (typeof SEVERITIES)[number];

/** From urgency and impact: loss amount, repeat complainant, public/media exposure (001 4.2; 003). */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Nature of a complaint once investigated (004 二). */
export const NATURES = ['justified', 'unjustified', 'shared'] as const;
export type Nature = (typeof NATURES)[number];

/** Outcome of the initial review (000 三.2; 001 第七、十一条). */
export const REVIEW_OUTCOMES = ['valid', 'invalid', 'malicious'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** Whose responsibility, as the department's investigation finds (000 三.4). */
export const RESPONSIBILITIES = ['company', 'customer', 'shared'] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

/** Remedies a department may propose (000 三.5; 002 三.4). */
export const REMEDIES = [
  'return',
  'exchange',
  'repair',
  'discount',
  'compensation',
  'refund',
  'coupon',
  'apology',
] as const;
export type Remedy = (typeof REMEDIES)[number];

/** Who must approve a resolution, rising with the amount (核决权限; 000 三.6, 001 经典版 第二条). */
export const APPROVAL_LEVELS = ['team_manager', 'department_head', 'centre_director', 'leadership'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

/** The escalation chain for missed deadlines (001 试行办法 五): agent → team manager → centre director. */
export const ESCALATION_LEVELS = ['agent', 'team_manager', 'centre_director'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** Every deadline of the lifecycle (DOMAIN §3); each is a setting with a default, counted in business time. */
export const DEADLINES = [
  'review',
  'preliminary_reply',
  'investigation',
  'result',
  'appeal_window',
  'follow_up',
] as const;
export type Deadline = (typeof DEADLINES)[number];

/** The customer's answer to the result (001 第八条.4-5). */
export const CUSTOMER_RESPONSES = ['accept', 'appeal'] as const;
export type CustomerResponse = (typeof CUSTOMER_RESPONSES)[number];

/** The complaint centre's final decision on an appeal. */
export const APPEAL_DECISIONS = ['upheld', 'rejected'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

/** Where a complaint stands; kept on the record by the workers. */
export const COMPLAINT_STATES = [
  'registered',
  'in_review',
  'invalid',
  'malicious',
  'investigating',
  'resolving',
  'awaiting_customer',
  'appeal_review',
  'follow_up',
  'closed',
  'withdrawn',
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/** The states a complaint ends in: nothing more happens to it. */
export const FINAL_STATES: readonly ComplaintState[] = ['closed', 'invalid', 'malicious', 'withdrawn'];

/** Languages the customer can be answered in. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
