import { planDeliveries } from '../../../notifications/channels';

describe('planDeliveries', () => {
  test('a customer with an e-mail address is written to by e-mail', () => {
    // when
    const plan = planDeliveries({ kind: 'customer', email: 'li.hua@example.com' }, [
      'log',
      'smtp',
      'webhook',
    ]);
    // then
    expect(plan).toEqual({
      deliveries: [{ transport: 'smtp', recipients: ['li.hua@example.com'] }],
      reachable: true,
    });
  });

  test('a customer whose complaint has a callback URL is told through the webhook', () => {
    // when
    const plan = planDeliveries({ kind: 'customer', callbackUrl: 'https://crm.example.com/hook' }, [
      'webhook',
    ]);
    // then
    expect(plan.deliveries).toEqual([{ transport: 'webhook', recipients: ['https://crm.example.com/hook'] }]);
  });

  test('a customer with both is told both ways', () => {
    // when
    const plan = planDeliveries(
      { kind: 'customer', email: 'li.hua@example.com', callbackUrl: 'https://crm.example.com/hook' },
      ['smtp', 'webhook'],
    );
    // then
    expect(plan.deliveries.map((d) => d.transport)).toEqual(['smtp', 'webhook']);
  });

  test('a customer with no address at all goes to the log, and is unreachable', () => {
    // when
    const plan = planDeliveries({ kind: 'customer', email: null, callbackUrl: ' ' }, [
      'log',
      'smtp',
      'webhook',
    ]);
    // then
    expect(plan).toEqual({ deliveries: [{ transport: 'log', recipients: [] }], reachable: false });
  });

  test('a transport that is not enabled is not used: the log stands in, the customer is still reachable', () => {
    // when
    const plan = planDeliveries({ kind: 'customer', email: 'li.hua@example.com' }, ['log']);
    // then
    expect(plan).toEqual({ deliveries: [{ transport: 'log', recipients: [] }], reachable: true });
  });

  test('staff are written to by e-mail at every known address of the group, each once', () => {
    // when
    const plan = planDeliveries(
      {
        kind: 'staff',
        group: 'quality-dept-managers',
        emails: ['a@corp.example', null, 'b@corp.example', 'a@corp.example'],
      },
      ['smtp'],
    );
    // then
    expect(plan.deliveries).toEqual([
      { transport: 'smtp', recipients: ['a@corp.example', 'b@corp.example'] },
    ]);
  });

  test('staff whose addresses are unknown are told through the log', () => {
    // when
    const plan = planDeliveries({ kind: 'staff', group: 'centre-directors', emails: [] }, [
      'smtp',
      'webhook',
    ]);
    // then
    expect(plan.deliveries).toEqual([{ transport: 'log', recipients: [] }]);
  });

  test('staff are never sent to a webhook (it is the integrator’s, for customers)', () => {
    // when
    const plan = planDeliveries({ kind: 'staff', group: 'centre-directors' }, ['webhook']);
    // then
    expect(plan.deliveries.map((d) => d.transport)).toEqual(['log']);
  });
});
