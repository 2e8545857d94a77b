import { maskEmail, maskName, maskPhone } from '../../../domain/personal-data';

describe('maskPhone', () => {
  test.each([
    ['13812345678', '138****5678', 'a mainland mobile'],
    ['138 1234 5678', '138****5678', 'a mobile written with spaces'],
    ['+86 138-1234-5678', '+86 138****5678', 'an international mobile'],
    ['0086 13812345678', '+86 138****5678', 'a 00-prefixed international mobile'],
    ['021-12345678', '021****5678', 'a landline with its area code'],
    ['12345', '***45', 'a short extension'],
    ['', '****', 'nothing'],
  ])('%s → %s (%s)', (phone, masked) => {
    // when
    const result = maskPhone(phone);
    // then
    expect(result).toBe(masked);
  });
});

describe('maskEmail', () => {
  test.each([
    ['zhang.san@example.com', 'z***n@example.com'],
    ['li@example.cn', 'l***@example.cn'],
    ['a@example.com', 'a***@example.com'],
    ['王小明@公司.中国', '王***明@公司.中国'],
    ['not-an-address', 'n*************'],
  ])('%s → %s', (email, masked) => {
    // when
    const result = maskEmail(email);
    // then
    expect(result).toBe(masked);
  });
});

describe('maskName', () => {
  test.each([
    ['张三', '张*', 'a two-character Chinese name keeps the surname'],
    ['王小明', '王**', 'a three-character Chinese name keeps the surname'],
    ['欧阳娜娜', '欧阳**', 'a compound surname keeps both characters'],
    ['司马光', '司马*', 'a compound surname with a one-character given name'],
    ['李', '李*', 'a surname alone still hides that it is complete'],
    ['John Smith', 'J*** S****', 'a Latin name keeps the initial of each part'],
    ['Jean-Luc Picard', 'J***-L** P*****', 'hyphenated parts are masked apart'],
    ["  Mary   O'Brien ", "M*** O'B****", 'extra spaces are dropped'],
    ['', '', 'nothing'],
  ])('%s → %s (%s)', (name, masked) => {
    // when
    const result = maskName(name);
    // then
    expect(result).toBe(masked);
  });
});
