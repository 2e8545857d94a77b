import { readFileSync } from 'node:fs';
import { type FlowNode, type ProcessModel } from '../../../../engine/bpmn/model';
import path from 'node:path';

/** The text of a fixture beside these specs, e.g. `fixture('invalid/complex-gateway.bpmn')`. */
export function fixture(name: string): string {
  return readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

/** Looks a node up, failing the spec when it is missing. */
export function nodeOf(process: ProcessModel | undefined, id: string): FlowNode {
  const found = process?.nodes.get(id);
  if (!found) throw new Error(`no node '${id}' in ${process?.id ?? 'no process'}`);
  return found;
}
