/**
 * Contact details as the log may show them (001 第九条.2: only those who need it see contact
 * details): enough to tell deliveries apart, never the address itself. E-mail addresses and phone
 * numbers are masked the domain's way (domain/personal-data.ts).
 */
import { maskEmail, maskPhone } from '../domain/personal-data';
import type { NotifyTransport } from '../lib/config';

/** `https://crm.example.com/hooks/abc?token=x` → `https://crm.example.com/***` (paths may carry tokens). */
export function maskUrl(url: string): string {
  try {
    return `${new URL(url).origin}/***`;
  } catch {
    return '***';
  }
}

/** The recipients of a delivery, masked for the log. */
export function maskRecipients(transport: NotifyTransport, recipients: readonly string[]): string[] {
  return recipients.map((recipient) => (transport === 'webhook' ? maskUrl(recipient) : maskEmail(recipient)));
}

const EMAILS = /[^\s@<>()（）"'，,;；:：]+@[^\s@<>()（）"'，,;；:：]+\.[A-Za-z]{2,}/g;
/** Mainland mobiles (1[3-9] + 9 digits), landlines with their area code (0xx-xxxxxxxx), `+` numbers. */
const PHONES = /(?<!\d)(?:\+\d[\d -]{6,}\d|1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8})(?!\d)/g;

/**
 * A text with the e-mail addresses and phone numbers in it masked: free text that staff typed (a
 * review reason, a decision) may quote the complainant's contact details. Complaint and order numbers
 * are left alone.
 */
export function maskContactDetails(text: string): string {
  return text.replace(EMAILS, (email) => maskEmail(email)).replace(PHONES, (phone) => maskPhone(phone));
}
