import { addTime, parseDuration, type TimeBasis, type WorkingCalendar } from './calendar';
import { DomainError, type Instant, type LocalizedText } from './domain-error';
import { DEADLINES, type Deadline } from './vocabulary';

/** The moment a deadline counts from; the worker passes that moment as `from`. */
export type DeadlineStart =
  'received' | 'routed' | 'investigation_completed' | 'result_notified' | 'resolution_carried_out';

/** One deadline of the lifecycle, as an administrator sets it. */
export interface DeadlineSetting {
  /** ISO 8601. In business time a day is one working day and a week the calendar's working days. */
  readonly duration: string;
  readonly basis: TimeBasis;
  /**
   * When the second escalation level (centre director) is due after the first breach (team
   * manager), counted from the due date on the same basis; `null` = no escalation (the appeal
   * window is the customer's time, not ours).
   */
  readonly escalateAfter: string | null;
  readonly startsFrom: DeadlineStart;
  /** What the setting says, for the administration page. */
  readonly description: LocalizedText;
}

/** Every deadline's setting (domain/defaults/deadlines.json). */
export type DeadlineSettings = Readonly<Record<Deadline, DeadlineSetting>>;

/** When a deadline falls and when its second escalation level is due, ISO 8601 with offset. */
export interface ComputedDeadline {
  readonly dueAt: string;
  readonly escalateAt: string | null;
}

/**
 * Computes a deadline from the moment it counts from (`from`, injected: never read from the clock),
 * on the setting's basis and in the calendar's zone.
 */
export function computeDeadline(
  settings: DeadlineSettings,
  calendar: WorkingCalendar,
  deadline: Deadline,
  from: Instant,
): ComputedDeadline {
  const setting = settings[deadline] as DeadlineSetting | undefined;
  if (!setting) {
    throw new DomainError(
      'UNKNOWN_DEADLINE',
      `no setting for deadline "${deadline}"; the settings must cover ${DEADLINES.join(', ')}`,
    );
  }
  const dueAt = addTime(calendar, setting.basis, from, setting.duration);
  const escalateAt =
    setting.escalateAfter === null ? null : addTime(calendar, setting.basis, dueAt, setting.escalateAfter);
  return { dueAt, escalateAt };
}

/** `preliminary_reply` → `preliminaryReply`: the stem of the process variables `<stem>DueAt`, `<stem>EscalateAt`. */
export function deadlineVariableStem(deadline: Deadline): string {
  return deadline.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Checks every deadline's setting (an administrator's edit); throws INVALID_DEADLINE_SETTINGS with every problem. */
export function checkDeadlineSettings(settings: DeadlineSettings): void {
  const problems: string[] = [];
  for (const deadline of DEADLINES) {
    const setting = settings[deadline] as DeadlineSetting | undefined;
    if (!setting) {
      problems.push(`${deadline}: missing`);
      continue;
    }
    if (setting.basis !== 'business' && setting.basis !== 'calendar') {
      problems.push(`${deadline}: basis must be "business" or "calendar"`);
    }
    for (const [field, iso] of [
      ['duration', setting.duration],
      ['escalateAfter', setting.escalateAfter],
    ] as const) {
      if (iso === null) continue;
      try {
        const parts = parseDuration(iso);
        if (setting.basis === 'business' && (parts.months > 0 || parts.years > 0)) {
          problems.push(
            `${deadline}.${field}: "${iso}" uses months or years, which business time cannot count`,
          );
        }
      } catch {
        problems.push(`${deadline}.${field}: "${iso}" is not an ISO 8601 duration`);
      }
    }
  }
  if (problems.length > 0) throw new DomainError('INVALID_DEADLINE_SETTINGS', problems.join('; '));
}
