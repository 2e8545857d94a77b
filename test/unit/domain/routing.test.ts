import {
  DEFAULT_DEPARTMENTS as departments,
  DEFAULT_ROUTING_RULES as defaults,
} from '../../../domain/defaults';
import { checkRoutingRules, findDepartment, routeComplaint, type RoutingRule } from '../../../domain/routing';

describe('routeComplaint with the default table (DOMAIN §3.4; 000 三.3; 002 三.2)', () => {
  test.each([
    ['transport', 'damage', 'storage_transport', '储运部'],
    ['quality', 'defect', 'quality_management', '质量管理部'],
    ['service', 'attitude', 'customer_service', '客户服务部'],
    ['contract', 'settlement', 'sales', '销售部'],
    ['finance', 'invoice', 'finance', '财务部'],
    ['logistics', 'delay', 'logistics', '物流部'],
  ])('%s / %s goes to %s (%s)', (category, subType, department, name) => {
    // when
    const route = routeComplaint(defaults, category, subType);
    // then
    expect(route).toMatchObject({ routed: true, department });
    expect(findDepartment(departments, department)?.name.zh).toBe(name);
  });
});

describe('routeComplaint', () => {
  const rules: RoutingRule[] = [
    { category: 'contract', department: 'sales' },
    { category: 'contract', subType: 'settlement', department: 'finance' },
  ];

  test('a category + sub-type rule wins over the category rule', () => {
    // when
    const route = routeComplaint(rules, 'contract', 'settlement');
    // then
    expect(route).toMatchObject({ routed: true, department: 'finance' });
  });

  test('the category rule applies to the other sub-types', () => {
    // when
    const route = routeComplaint(rules, 'contract', 'grade');
    // then
    expect(route).toMatchObject({ routed: true, department: 'sales' });
  });

  test('the more specific rule wins wherever it stands in the table', () => {
    // when
    const route = routeComplaint([...rules].reverse(), 'contract', 'settlement');
    // then
    expect(route).toMatchObject({ routed: true, department: 'finance', rule: rules[1] });
  });

  test('no rule for the category is NO_ROUTE, with a message saying what to do', () => {
    // when
    const route = routeComplaint(rules, 'logistics', 'delay');
    // then
    expect(route).toEqual({
      routed: false,
      reason: 'NO_ROUTE',
      message:
        'no routing rule for category "logistics" / sub-type "delay": add one, or route the complaint by hand',
    });
  });
});

describe('checkRoutingRules', () => {
  test('accepts the default table', () => {
    // when
    const check = () => checkRoutingRules(defaults, departments);
    // then
    expect(check).not.toThrow();
  });

  test('names unknown departments, foreign sub-types and duplicates', () => {
    // given
    const rules = [
      { category: 'quality', department: 'quality_management' },
      { category: 'quality', subType: 'delay', department: 'quality_management' },
      { category: 'service', department: 'marketing' },
      { category: 'quality', department: 'sales' },
    ] as RoutingRule[];
    // when
    const check = () => checkRoutingRules(rules, departments);
    // then
    expect(check).toThrow(
      'rule 2: "delay" is not a sub-type of quality; rule 3: unknown department "marketing"; rule 4: a second rule for quality/*',
    );
  });
});
