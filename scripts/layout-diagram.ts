/**
 * Lays out a BPMN diagram from its layout description: incoming/outgoing references, lane members and
 * the whole diagram interchange (see scripts/diagram-layout/README.md).
 *
 *   node -r @swc-node/register scripts/layout-diagram.ts processes/complaint-handling.bpmn
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { messageOf } from '../lib/errors';
import { applyLayout } from './diagram-layout/apply-layout';
import { complaintHandlingLayout } from './diagram-layout/complaint-handling.layout';
import { createModdle } from './diagram-layout/moddle';
import type { DiagramLayout } from './diagram-layout/types';

const LAYOUTS: Readonly<Record<string, DiagramLayout>> = {
  'complaint-handling': complaintHandlingLayout,
};

async function main(file: string | undefined): Promise<number> {
  const layout = file && LAYOUTS[path.basename(file, '.bpmn')];
  if (!file || !layout) {
    process.stderr.write(
      `usage: layout-diagram.ts processes/<id>.bpmn (layouts: ${Object.keys(LAYOUTS).join(', ')})\n`,
    );
    return 2;
  }
  const moddle = createModdle();
  const { rootElement, warnings } = await moddle.fromXML(await readFile(file, 'utf8'));
  if (warnings.length > 0) {
    process.stderr.write(
      `${file} does not read cleanly:\n${warnings.map((w) => `  ${w.message}`).join('\n')}\n`,
    );
    return 1;
  }
  const { problems } = applyLayout(moddle, rootElement, layout);
  const { xml } = await moddle.toXML(rootElement, { format: true });
  await writeFile(file, `${xml}\n`);
  process.stdout.write(
    `${file}: laid out${problems.length ? `, with ${problems.length} problem(s):\n  ${problems.join('\n  ')}` : ''}\n`,
  );
  return problems.length > 0 ? 1 : 0;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${messageOf(error)}\n`);
    process.exit(1);
  },
);
