import { type Classification, classifyComplaint } from '../../../domain/classify';
import { DEFAULT_CLASSIFICATION_RULES as rules } from '../../../domain/defaults';
import { CATEGORIES, type Category, CHANNELS, type Channel, SUB_TYPES } from '../../../domain/vocabulary';
import heldOutSet from './fixtures/held-out-complaints.json';
import labelledSet from './fixtures/labelled-complaints.json';

interface LabelledComplaint {
  id: string;
  language: 'zh' | 'en';
  channel: Channel;
  declaredCategory?: Category;
  lossAmount: number;
  text: string;
  expected: { category: Category; subType: string; severity: number };
}

const labelled = labelledSet.complaints as LabelledComplaint[];
const heldOut = heldOutSet.complaints as LabelledComplaint[];

interface Scores {
  n: number;
  category: number;
  subType: number;
  severity: number;
  confusion: Record<Category, Record<Category, number>>;
  misses: string[];
}

function score(complaints: LabelledComplaint[]): Scores {
  const row = () => Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const s: Scores = {
    n: complaints.length,
    category: 0,
    subType: 0,
    severity: 0,
    confusion: {} as Scores['confusion'],
    misses: [],
  };
  for (const c of CATEGORIES) s.confusion[c] = row();
  for (const complaint of complaints) {
    const got: Classification = classifyComplaint(rules, {
      text: complaint.text,
      channel: complaint.channel,
      declaredCategory: complaint.declaredCategory,
      lossAmount: complaint.lossAmount,
    });
    const { expected } = complaint;
    s.confusion[expected.category][got.category] += 1;
    if (got.category === expected.category) s.category += 1;
    if (got.category === expected.category && got.subType === expected.subType) s.subType += 1;
    if (got.severity === expected.severity) s.severity += 1;
    if (got.category !== expected.category || got.subType !== expected.subType) {
      s.misses.push(
        `${complaint.id}: ${expected.category}.${expected.subType} → ${got.category}.${got.subType}`,
      );
    }
  }
  return s;
}

function report(name: string, s: Scores): string {
  const pct = (k: number) => `${k}/${s.n} (${((100 * k) / s.n).toFixed(1)}%)`;
  const width = 10;
  const header = ['expected \\ got'.padEnd(16), ...CATEGORIES.map((c) => c.padStart(width))].join('');
  const rows = CATEGORIES.map((e) =>
    [e.padEnd(16), ...CATEGORIES.map((g) => String(s.confusion[e][g]).padStart(width))].join(''),
  );
  return [
    `${name}: category ${pct(s.category)} · sub-type ${pct(s.subType)} · severity ${pct(s.severity)}`,
    header,
    ...rows,
    ...(s.misses.length ? ['misses:', ...s.misses.map((m) => `  ${m}`)] : []),
  ].join('\n');
}

describe('the labelled complaints', () => {
  test.each([
    ['labelled', labelled],
    ['held-out', heldOut],
  ])('the %s set is realistic data over the whole vocabulary', (_name, complaints) => {
    // when
    const codes = complaints.map((c) => c.expected);
    // then every expectation is a code of the vocabulary
    for (const c of complaints) {
      expect(SUB_TYPES[c.expected.category] as readonly string[]).toContain(c.expected.subType);
      expect(CHANNELS).toContain(c.channel);
      expect([1, 2, 3]).toContain(c.expected.severity);
    }
    // and every sub-type of every category appears, in both languages overall
    const covered = new Set(codes.map((e) => `${e.category}.${e.subType}`));
    const all = CATEGORIES.flatMap((c) => SUB_TYPES[c].map((s) => `${c}.${s}`));
    expect(all.filter((code) => !covered.has(code))).toEqual([]);
    expect(new Set(complaints.map((c) => c.language))).toEqual(new Set(['zh', 'en']));
  });

  test('the labelled set has at least 80 complaints with distinct ids', () => {
    // when
    const ids = new Set([...labelled, ...heldOut].map((c) => c.id));
    // then
    expect(labelled.length).toBeGreaterThanOrEqual(80);
    expect(ids.size).toBe(labelled.length + heldOut.length);
  });
});

describe('classifyComplaint on the labelled complaints', () => {
  test('finds the category of at least 90% of the labelled set', () => {
    // when
    const scores = score(labelled);
    // then
    console.log(report('labelled set', scores));
    expect(scores.category / scores.n).toBeGreaterThanOrEqual(0.9);
  });

  test('finds the category of at least 75% of the held-out set it was never tuned on', () => {
    // when
    const scores = score(heldOut);
    // then
    console.log(report('held-out set', scores));
    expect(scores.category / scores.n).toBeGreaterThanOrEqual(0.75);
  });
});
