import { DateTime } from 'luxon';
import type { Language } from '../domain/vocabulary';
import { TemplateError } from './errors';
import { APPEAL_DECISION_LABELS, DEADLINE_LABELS, REMEDY_LABELS, TEMPLATE_LABELS } from './labels';

/** What a template variable may hold: text, a number, an instant (a Date or an ISO 8601 string). */
export type TemplateValue = string | number | Date | null | undefined;
export type TemplateVariables = Readonly<Record<string, TemplateValue>>;

/** The time zone dates are written in unless told otherwise (the complaint centre's, DOMAIN §1). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface FormatContext {
  readonly language: Language;
  readonly timeZone: string;
}

type Formatter = (value: string | number | Date, context: FormatContext, name: string) => string;

const DATE_FORMATS: Readonly<Record<Language, { date: string; time: string }>> = {
  'zh-CN': { date: 'yyyy年M月d日', time: 'HH:mm' },
  en: { date: 'd MMMM yyyy', time: 'HH:mm' },
};

/** The `|filter` of a placeholder: how its value is written in the reader's language. */
export const FILTERS: Readonly<Record<string, Formatter>> = {
  date: (value, context, name) => instant(value, context, name).toFormat(DATE_FORMATS[context.language].date),
  datetime: (value, context, name) => {
    const at = instant(value, context, name);
    const { date, time } = DATE_FORMATS[context.language];
    const zone = zoneLabel(context);
    return context.language === 'zh-CN'
      ? `${at.toFormat(date)} ${at.toFormat(time)}（${zone}）`
      : `${at.toFormat(date)}, ${at.toFormat(time)} (${zone})`;
  },
  money: (value, context, name) => {
    const amount = typeof value === 'number' ? value : Number(value);
    if (value instanceof Date || !Number.isFinite(amount) || String(value).trim() === '') {
      throw invalid(name, 'an amount in CNY', value);
    }
    return new Intl.NumberFormat(context.language, { style: 'currency', currency: 'CNY' }).format(amount);
  },
  remedy: label(REMEDY_LABELS, 'a remedy code'),
  deadline: label(DEADLINE_LABELS, 'a deadline code'),
  appealDecision: label(APPEAL_DECISION_LABELS, 'an appeal decision (upheld or rejected)'),
  template: label(TEMPLATE_LABELS, 'a notification template key'),
};

/** A value as the reader sees it; without a filter, text as is, numbers plainly, instants as datetime. */
export function formatValue(
  value: string | number | Date,
  filter: string | undefined,
  context: FormatContext,
  name: string,
): string {
  if (filter === undefined) {
    return value instanceof Date ? FILTERS.datetime(value, context, name) : String(value);
  }
  return FILTERS[filter](value, context, name);
}

function instant(value: string | number | Date, context: FormatContext, name: string): DateTime {
  const at =
    value instanceof Date
      ? DateTime.fromJSDate(value)
      : typeof value === 'string'
        ? DateTime.fromISO(value, { setZone: true })
        : DateTime.invalid('not a date');
  if (!at.isValid) throw invalid(name, 'a date (an ISO 8601 string or a Date)', value);
  return at.setZone(context.timeZone).setLocale(context.language);
}

function zoneLabel(context: FormatContext): string {
  if (context.timeZone !== DEFAULT_TIME_ZONE) return context.timeZone;
  return context.language === 'zh-CN' ? '北京时间' : 'Beijing time';
}

function label(
  labels: Readonly<Record<string, Readonly<Record<Language, string>>>>,
  what: string,
): Formatter {
  return (value, context, name) => {
    const entry = typeof value === 'string' && Object.hasOwn(labels, value) ? labels[value] : undefined;
    if (!entry) throw invalid(name, `${what} (one of ${Object.keys(labels).join(', ')})`, value);
    return entry[context.language];
  };
}

function invalid(name: string, expected: string, value: unknown): TemplateError {
  return new TemplateError(
    'TEMPLATE_VALUE_INVALID',
    `The value of "${name}" must be ${expected}, got ${JSON.stringify(value)}`,
    { placeholder: name },
  );
}
