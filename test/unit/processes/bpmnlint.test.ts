import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { Linter, type LintReport } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { processesDir } from '../../../lib/paths';

/**
 * Every diagram under processes/ is linted as Camunda Modeler lints it for Camunda 8.8: bpmnlint's
 * recommended rules plus bpmnlint-plugin-camunda-compat's `camunda-cloud-8-8`. The XML is read by a
 * moddle that knows the Zeebe extensions (the plain bpmnlint CLI does not, and reports false errors).
 * No rule is turned off.
 */
const config = { extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8'] };

/** Warnings accepted on purpose, as `diagram: rule: element id`, each with its reason. None so far. */
const ACCEPTED_WARNINGS: readonly string[] = [];

interface Finding {
  readonly rule: string;
  readonly id: string;
  readonly message: string;
  readonly category: LintReport['category'];
}

async function lint(xml: string): Promise<Finding[]> {
  const { rootElement, warnings } = await new BpmnModdle({ zeebe }).fromXML(xml);
  if (warnings.length > 0) throw new Error(`moddle: ${warnings.map((w) => w.message).join('; ')}`);
  const linter = new Linter({ config, resolver: new NodeResolver() });
  const reports = await linter.lint(rootElement);
  return Object.entries(reports).flatMap(([rule, list]) =>
    list.map((r) => ({ rule, id: r.id ?? '', message: r.message, category: r.category })),
  );
}

const show = (f: Finding) => `${f.rule}: ${f.id}: ${f.message}`;

async function diagrams(): Promise<string[]> {
  const files = await readdir(processesDir());
  return files.filter((f) => f.endsWith('.bpmn')).sort();
}

describe('BPMN lint (bpmnlint recommended + camunda-compat 8.8)', () => {
  it('finds the diagrams to lint', async () => {
    // given / when
    const files = await diagrams();

    // then
    expect(files).toContain('complaint-handling.bpmn');
  });

  it('reports no errors in any diagram', async () => {
    // given
    const files = await diagrams();

    // when
    const errors: string[] = [];
    for (const file of files) {
      const findings = await lint(await readFile(path.join(processesDir(), file), 'utf8'));
      errors.push(...findings.filter((f) => f.category !== 'warn').map((f) => `${file}: ${show(f)}`));
    }

    // then
    expect(errors).toEqual([]);
  });

  it('reports only the accepted warnings', async () => {
    // given
    const files = await diagrams();

    // when
    const warnings: string[] = [];
    for (const file of files) {
      const findings = await lint(await readFile(path.join(processesDir(), file), 'utf8'));
      warnings.push(...findings.filter((f) => f.category === 'warn').map((f) => `${file}: ${show(f)}`));
    }

    // then
    expect(warnings).toEqual(ACCEPTED_WARNINGS);
  });

  it('applies the Camunda 8.8 rules: a service task without a job type is an error', async () => {
    // given
    const xml = await readFile(path.join(__dirname, 'fixtures', 'service-task-without-type.bpmn'), 'utf8');

    // when
    const findings = await lint(xml);

    // then
    expect(findings.filter((f) => f.category === 'error').map(show)).toEqual([
      expect.stringMatching(/^camunda-compat\/implementation: Task_Untyped: /),
    ]);
  });
});
