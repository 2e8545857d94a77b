import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  APPEAL_DECISIONS,
  APPROVAL_LEVELS,
  CATEGORIES,
  REMEDIES,
  RESPONSIBILITIES,
  REVIEW_OUTCOMES,
} from '../../../domain/vocabulary';
import { DEFAULT_DEPARTMENTS } from '../../../domain/defaults';
import { userTaskFormIds } from '../../../processes/diagram-facts';
import { processesDir } from '../../../lib/paths';

interface Component {
  readonly type: string;
  readonly key?: string;
  readonly path?: string;
  readonly label?: string;
  readonly dateLabel?: string;
  readonly timeLabel?: string;
  readonly description?: string;
  readonly readonly?: boolean;
  readonly values?: readonly { readonly label: string; readonly value: string }[];
  readonly components?: readonly Component[];
}

interface Form {
  readonly id: string;
  readonly schemaVersion: number;
  readonly components: readonly Component[];
}

const formsDir = path.join(processesDir(), 'forms');

async function readForms(): Promise<Map<string, Form>> {
  const files = (await readdir(formsDir)).filter((f) => f.endsWith('.form')).sort();
  const forms = new Map<string, Form>();
  for (const file of files)
    forms.set(file, JSON.parse(await readFile(path.join(formsDir, file), 'utf8')) as Form);
  return forms;
}

const allComponents = (components: readonly Component[]): Component[] =>
  components.flatMap((c) => [c, ...allComponents(c.components ?? [])]);

const CHINESE = /[\u4e00-\u9fff]/;

/** What each form asks for: the variables processes/README.md says its user task sets. */
const INPUTS: Readonly<Record<string, readonly string[]>> = {
  'review-validity': ['reviewOutcome', 'reviewReason', 'preliminaryReply'],
  'route-manually': ['departmentId'],
  'investigate-complaint': ['facts', 'rootCause', 'responsibility', 'responsibleStaff', 'lossAmount'],
  'propose-resolution': ['remedy', 'remedyAmount', 'remedyDeadline', 'remedyDescription'],
  'approve-resolution': ['approvalDecision', 'approvalComment'],
  'carry-out-resolution': ['resolutionCarriedOutAt'],
  'review-appeal': ['appealDecision', 'finalRemedy', 'finalRemedyAmount', 'finalDecisionText'],
  'follow-up-visit': ['resolved', 'satisfaction', 'followUpComment'],
};

/** Choices whose values must be exactly the codes of domain/vocabulary.ts (departments: domain/defaults). */
const VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  reviewOutcome: REVIEW_OUTCOMES,
  responsibility: RESPONSIBILITIES,
  remedy: REMEDIES,
  finalRemedy: REMEDIES,
  appealDecision: APPEAL_DECISIONS,
  approvalLevel: APPROVAL_LEVELS,
  category: CATEGORIES,
  approvalDecision: ['approve', 'send_back'],
  departmentId: DEFAULT_DEPARTMENTS.map((d) => d.code),
};

describe('Camunda forms', () => {
  it('are Camunda Forms JSON (schemaVersion 16 or later) whose id is the file name', async () => {
    // given
    const forms = await readForms();

    // when
    const problems = [...forms].filter(
      ([file, form]) => form.id !== path.basename(file, '.form') || !(form.schemaVersion >= 16),
    );

    // then
    expect(forms.size).toBeGreaterThan(0);
    expect(problems.map(([file]) => file)).toEqual([]);
  });

  it('exist for the form of every user task of the diagram', async () => {
    // given
    const xml = await readFile(path.join(processesDir(), 'complaint-handling.bpmn'), 'utf8');
    const formIds = [...(await readForms()).values()].map((f) => f.id);

    // when
    const links = await userTaskFormIds(xml);

    // then
    const missing = Object.entries(links).filter(([, formId]) => !formId || !formIds.includes(formId));
    expect(missing).toEqual([]);
  });

  it('are each used by a user task of the diagram', async () => {
    // given
    const xml = await readFile(path.join(processesDir(), 'complaint-handling.bpmn'), 'utf8');
    const used = new Set(Object.values(await userTaskFormIds(xml)));

    // when
    const unused = [...(await readForms()).values()].map((f) => f.id).filter((id) => !used.has(id));

    // then
    expect(unused).toEqual([]);
  });

  it('label every field and every choice in Chinese, with an English description', async () => {
    // given
    const forms = await readForms();

    // when
    const problems: string[] = [];
    for (const [file, form] of forms) {
      for (const c of allComponents(form.components).filter((c) => c.key ?? c.path)) {
        const label = c.label ?? c.dateLabel ?? '';
        if (!CHINESE.test(label)) problems.push(`${file}: ${c.key ?? c.path}: label '${label}'`);
        if (!c.description || CHINESE.test(c.description))
          problems.push(`${file}: ${c.key ?? c.path}: description`);
        for (const option of c.values ?? []) {
          if (!CHINESE.test(option.label)) problems.push(`${file}: ${c.key}: option '${option.label}'`);
        }
      }
    }

    // then
    expect(problems).toEqual([]);
  });

  it('ask for the variables their user task sets', async () => {
    // given
    const forms = await readForms();

    // when
    const inputs = Object.fromEntries(
      [...forms.values()].map((form) => [
        form.id,
        form.components.filter((c) => !c.readonly && (c.key ?? c.path)).map((c) => c.key ?? c.path),
      ]),
    );

    // then
    expect(inputs).toEqual(INPUTS);
  });

  it('offer exactly the vocabulary codes as the values of each choice', async () => {
    // given
    const forms = await readForms();

    // when
    const mismatches: string[] = [];
    for (const [file, form] of forms) {
      for (const c of allComponents(form.components).filter((c) => c.key && c.key in VOCABULARY)) {
        const values = (c.values ?? []).map((v) => v.value);
        if (values.join() !== VOCABULARY[c.key!]!.join())
          mismatches.push(`${file}: ${c.key}: ${values.join()}`);
      }
    }

    // then
    expect(mismatches).toEqual([]);
  });
});
