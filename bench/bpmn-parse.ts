/**
 * How long the engine takes to parse and validate a modeler-sized diagram once warm
 * (`node -r @swc-node/register bench/bpmn-parse.ts [file.bpmn]`). Prints figures; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBpmn } from '../engine/bpmn/parse-bpmn';

async function main(): Promise<void> {
  const file =
    process.argv[2] ?? path.join(__dirname, '../test/unit/engine/bpmn/fixtures/complaint-handling-rich.bpmn');
  const xml = readFileSync(file, 'utf8');
  const [first] = await parseBpmn(xml, 'warm-up.bpmn');
  const runs = 50;
  const started = performance.now();
  for (let run = 0; run < runs; run++) await parseBpmn(xml, 'timed.bpmn');
  const perParse = (performance.now() - started) / runs;
  console.table({
    diagram: path.basename(file),
    flowNodes: first?.nodes.size,
    runs,
    msPerParse: Number(perParse.toFixed(2)),
  });
}

void main();
