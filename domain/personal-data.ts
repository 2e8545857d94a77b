/**
 * Masking of personal data for people who do not need to see it (001 第九条.2: 保护其个人信息).
 * Only the parts that help recognise a record are kept: 138****5678, z***n@example.com, 张*, J*** S****.
 */

const MASK = '*';

/** Chinese compound surnames (复姓) that keep two characters. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '端木',
  '南宫',
  '西门',
  '独孤',
]);

/**
 * Keeps the first three and the last four digits of the national number and any `+country` prefix:
 * `13812345678` → `138****5678`, `+86 138 1234 5678` → `+86 138****5678`, `021-12345678` → `021****5678`.
 * Short numbers keep only their last two digits.
 */
export function maskPhone(phone: string): string {
  const trimmed = phone.trim();
  const international = /^(\+|00)(86|852|853|886|1|44|49|33|81|82|65)[\s-]*/.exec(trimmed);
  const prefix = international ? `+${international[2]} ` : '';
  const digits = trimmed.slice(international?.[0].length ?? 0).replace(/\D/g, '');
  if (digits.length === 0) return prefix + MASK.repeat(4);
  if (digits.length < 7) return prefix + MASK.repeat(Math.max(digits.length - 2, 2)) + digits.slice(-2);
  return prefix + digits.slice(0, 3) + MASK.repeat(digits.length - 7) + digits.slice(-4);
}

/**
 * Keeps the first and last character of the local part and the domain: `zhang.san@example.com` →
 * `z***n@example.com`; a one- or two-character local part keeps its first character only.
 */
export function maskEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return maskWord(trimmed);
  const local = [...trimmed.slice(0, at)];
  const domain = trimmed.slice(at);
  const kept =
    local.length <= 2 ? local[0] + MASK.repeat(3) : local[0] + MASK.repeat(3) + local[local.length - 1];
  return kept + domain;
}

/**
 * A Chinese name keeps the surname (two characters for a compound surname): `张三` → `张*`,
 * `欧阳娜娜` → `欧阳**`. A Latin name keeps the first letter of each part: `John Smith` → `J*** S****`.
 */
export function maskName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const chars = [...trimmed];
  if (chars.length === 0) return '';
  if (/^[\p{Script=Han}·•]+$/u.test(trimmed)) {
    const surname = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
    const rest = chars.length - surname;
    return chars.slice(0, surname).join('') + MASK.repeat(Math.max(rest, 1));
  }
  return trimmed
    .split(/([\s\-'’.]+)/)
    .map((part) => (/^[\s\-'’.]*$/.test(part) || [...part].length === 1 ? part : maskWord(part)))
    .join('');
}

function maskWord(word: string): string {
  const chars = [...word];
  if (chars.length === 0) return '';
  return chars[0] + MASK.repeat(Math.max(chars.length - 1, 1));
}
