import { maskContactDetails, maskRecipients, maskUrl } from '../../../notifications/mask';

describe('masking contact details for the log', () => {
  test('a callback URL keeps only its origin: paths and queries may carry tokens', () => {
    // when
    const masked = maskUrl('https://crm.example.com/hooks/c0ffee?token=secret');
    // then
    expect(masked).toBe('https://crm.example.com/***');
  });

  test('recipients are masked by the kind of address their transport uses', () => {
    // when
    const masked = [
      maskRecipients('smtp', ['li.hua@example.com']),
      maskRecipients('webhook', ['https://crm.example.com/hook']),
    ];
    // then
    expect(masked).toEqual([['l***a@example.com'], ['https://crm.example.com/***']]);
  });

  test('e-mail addresses and phone numbers inside free text are masked', () => {
    // when
    const masked = maskContactDetails(
      '请联系 wang.wu@example.cn、13812345678、021-62345678 或 +852 2345 6789',
    );
    // then
    expect(masked).toBe('请联系 w***u@example.cn、138****5678、021****5678 或 +852 234*6789');
  });

  test('complaint numbers, order numbers and amounts in free text are kept', () => {
    // when
    const masked = maskContactDetails('投诉 26110007，订单 SO-20261102-88，金额 1280000 元');
    // then
    expect(masked).toBe('投诉 26110007，订单 SO-20261102-88，金额 1280000 元');
  });
});
