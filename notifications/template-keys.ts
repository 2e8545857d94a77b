/**
 * Every notification the lifecycle sends (DOMAIN §3), by audience. The `template` header of the
 * `notify-customer` / `notify-staff` jobs names one of these (processes/README.md).
 */
export const CUSTOMER_TEMPLATES = [
  'acknowledgement',
  'preliminary_reply',
  'invalid',
  'malicious',
  'result',
  'final_decision',
  'follow_up',
  'withdrawn',
] as const;

export const STAFF_TEMPLATES = [
  'department_assigned',
  'escalation_team_manager',
  'escalation_centre_director',
  'report_to_leadership',
  'unreachable',
  'evidence_added',
] as const;

export type CustomerTemplateKey = (typeof CUSTOMER_TEMPLATES)[number];
export type StaffTemplateKey = (typeof STAFF_TEMPLATES)[number];
export type TemplateKey = CustomerTemplateKey | StaffTemplateKey;
export type Audience = 'customer' | 'staff';

export const TEMPLATE_KEYS: readonly TemplateKey[] = [...CUSTOMER_TEMPLATES, ...STAFF_TEMPLATES];

export function isTemplateKey(value: string): value is TemplateKey {
  return (TEMPLATE_KEYS as readonly string[]).includes(value);
}

export function audienceOf(key: TemplateKey): Audience {
  return (CUSTOMER_TEMPLATES as readonly string[]).includes(key) ? 'customer' : 'staff';
}
