import { DomainError, type LocalizedText } from './domain-error';
import { type Category, SUB_TYPES } from './vocabulary';

/** A department complaints are routed to (domain/defaults/departments.json). */
export interface Department {
  /** Stable code, e.g. `quality_management`; the process variable `departmentId`. */
  readonly code: string;
  readonly name: LocalizedText;
  /** Candidate group of the department's staff: investigates, proposes, carries out (`departmentGroup`). */
  readonly candidateGroup: string;
  /** The department's team managers: first escalation level, first approval level. */
  readonly teamManagerGroup: string;
  /** The department's head: second approval level. */
  readonly directorGroup: string;
}

/**
 * One line of the routing table: a category, optionally narrowed to a sub-type, and the department
 * that handles it (domain/defaults/routing-rules.json).
 */
export interface RoutingRule {
  readonly category: Category;
  readonly subType?: string;
  readonly department: string;
}

/** Where a complaint goes, and which rule decided it. */
export type Route =
  | { readonly routed: true; readonly department: string; readonly rule: RoutingRule }
  | { readonly routed: false; readonly reason: 'NO_ROUTE'; readonly message: string };

/**
 * The department for a category and sub-type: the most specific rule wins (category + sub-type
 * over category alone); among equally specific rules the first. No rule → `NoRoute`, which the
 * worker turns into the BPMN error NO_ROUTE (the complaint centre then routes by hand).
 */
export function routeComplaint(
  rules: readonly RoutingRule[],
  category: string,
  subType?: string | null,
): Route {
  const exact = subType ? rules.find((r) => r.category === category && r.subType === subType) : undefined;
  const general = rules.find((r) => r.category === category && r.subType === undefined);
  const rule = exact ?? general;
  if (rule) return { routed: true, department: rule.department, rule };
  return {
    routed: false,
    reason: 'NO_ROUTE',
    message: `no routing rule for category "${category}"${subType ? ` / sub-type "${subType}"` : ''}: add one, or route the complaint by hand`,
  };
}

/** The department with this code, if there is one. */
export function findDepartment(departments: readonly Department[], code: string): Department | undefined {
  return departments.find((d) => d.code === code);
}

/**
 * Checks a routing table against the vocabulary and the departments (an administrator's edit);
 * throws INVALID_ROUTING_RULES with every problem. Categories without a rule are allowed: their
 * complaints are routed by hand.
 */
export function checkRoutingRules(rules: readonly RoutingRule[], departments: readonly Department[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    const subTypes = SUB_TYPES[rule.category] as readonly string[] | undefined;
    if (!subTypes) problems.push(`rule ${i + 1}: unknown category "${rule.category}"`);
    else if (rule.subType !== undefined && !subTypes.includes(rule.subType)) {
      problems.push(`rule ${i + 1}: "${rule.subType}" is not a sub-type of ${rule.category}`);
    }
    if (!findDepartment(departments, rule.department))
      problems.push(`rule ${i + 1}: unknown department "${rule.department}"`);
    const key = `${rule.category}/${rule.subType ?? '*'}`;
    if (seen.has(key)) problems.push(`rule ${i + 1}: a second rule for ${key}`);
    seen.add(key);
  });
  if (problems.length > 0) throw new DomainError('INVALID_ROUTING_RULES', problems.join('; '));
}
