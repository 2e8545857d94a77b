/** A complaint as the search for repeated complaints sees it. */
export interface ReceivedComplaint {
  readonly id: string;
  readonly number: string;
  readonly category: string | null;
  readonly subType: string | null;
  readonly subject: string;
  readonly receivedAt: Date;
}

/** Why complaints were taken for the same problem: the same sub-type, or subjects alike. */
export type AlertKind = 'same_sub_type' | 'similar_subject';

/** Complaints alike enough, and close enough in time, to suggest a systemic problem (DOMAIN §4). */
export interface RepeatAlert {
  readonly kind: AlertKind;
  /** The category they share (same_sub_type), or the most frequent one among them (similar_subject). */
  readonly category: string | null;
  /** The sub-type they share; null for similar subjects. */
  readonly subType: string | null;
  /** The subject of the first of them. */
  readonly subject: string;
  readonly count: number;
  /** Oldest first. */
  readonly complaintNumbers: string[];
  readonly firstReceivedAt: string;
  readonly lastReceivedAt: string;
}

export interface RepeatRule {
  /** The window, in days, in which `minCount` alike complaints make an alert. */
  readonly windowDays: number;
  readonly minCount: number;
}

/**
 * How alike two subjects must be (pg_trgm similarity: shared trigrams over all trigrams, 0 to 1) to be
 * taken for the same problem. Short Chinese subjects score low: 0.45 joins rewordings of one problem
 * (发票金额开错了，要求重开发票 ~ 发票金额开错，请重开发票: 0.47) and keeps apart those that share a few words.
 */
export const SIMILAR_SUBJECT_THRESHOLD = 0.45;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The runs of a group of alike complaints that are dense enough: every window of `windowDays`
 * starting at a complaint that holds `minCount` or more complaints is hot, and overlapping hot
 * windows are merged into one run. Returns each run's complaints, oldest first.
 */
export function denseRuns<T extends { readonly receivedAt: Date }>(
  items: readonly T[],
  rule: RepeatRule,
): T[][] {
  const sorted = [...items].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const windowMs = rule.windowDays * DAY_MS;
  const runs: T[][] = [];
  let runEnd = -1; // index of the last complaint in the current run
  for (let first = 0; first < sorted.length; first++) {
    let last = first;
    const closes = sorted[first].receivedAt.getTime() + windowMs;
    while (last + 1 < sorted.length && sorted[last + 1].receivedAt.getTime() < closes) last++;
    if (last - first + 1 < rule.minCount) continue;
    if (runs.length > 0 && first <= runEnd) {
      runs[runs.length - 1].push(...sorted.slice(runEnd + 1, last + 1));
    } else {
      runs.push(sorted.slice(first, last + 1));
    }
    runEnd = Math.max(runEnd, last);
  }
  return runs;
}

/**
 * Alerts for complaints of the same category and sub-type, and for complaints whose subjects are
 * alike (`similarPairs`: pairs of ids the database found similar, linked transitively), that came in
 * `minCount` or more within `windowDays`. A similar-subject alert whose complaints all belong to a
 * same-sub-type alert says nothing new and is left out. Alerts come largest first.
 */
export function repeatAlerts(
  complaints: readonly ReceivedComplaint[],
  similarPairs: ReadonlyArray<readonly [string, string]>,
  rule: RepeatRule,
): RepeatAlert[] {
  const bySubType = groupBy(
    complaints.filter((c) => c.category !== null && c.subType !== null),
    (c) => `${c.category}/${c.subType}`,
  );
  const subTypeAlerts = [...bySubType.values()].flatMap((group) =>
    denseRuns(group, rule).map((run) => alertOf('same_sub_type', run)),
  );
  const covered = subTypeAlerts.map((alert) => new Set(alert.complaintNumbers));
  const subjectAlerts = similarGroups(complaints, similarPairs)
    .flatMap((group) => denseRuns(group, rule).map((run) => alertOf('similar_subject', run)))
    .filter((alert) => !covered.some((numbers) => alert.complaintNumbers.every((n) => numbers.has(n))));
  return [...subTypeAlerts, ...subjectAlerts].sort(
    (a, b) => b.count - a.count || a.firstReceivedAt.localeCompare(b.firstReceivedAt),
  );
}

/** The complaints linked by similar pairs, transitively (connected components of two or more). */
function similarGroups(
  complaints: readonly ReceivedComplaint[],
  pairs: ReadonlyArray<readonly [string, string]>,
): ReceivedComplaint[][] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let at = id;
    while (parent.has(at) && parent.get(at) !== at) at = parent.get(at) ?? at;
    parent.set(id, at);
    return at;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(ra, rb);
  }
  const linked = complaints.filter((c) => parent.has(c.id));
  return [...groupBy(linked, (c) => root(c.id)).values()];
}

function alertOf(kind: AlertKind, run: readonly ReceivedComplaint[]): RepeatAlert {
  const first = run[0];
  const last = run[run.length - 1];
  return {
    kind,
    category: kind === 'same_sub_type' ? first.category : mostFrequent(run.map((c) => c.category)),
    subType: kind === 'same_sub_type' ? first.subType : null,
    subject: first.subject,
    count: run.length,
    complaintNumbers: run.map((c) => c.number),
    firstReceivedAt: first.receivedAt.toISOString(),
    lastReceivedAt: last.receivedAt.toISOString(),
  };
}

function mostFrequent(values: ReadonlyArray<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
