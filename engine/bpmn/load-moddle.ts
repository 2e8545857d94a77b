import { BpmnModdle, type ModdleWarning } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { ModelValidationError, type ModelProblem } from './model';
import { idOf, isModdleElement, type ModdleElement } from './moddle-element';

/** One instance for the whole process: building the type registry is the expensive part. */
let moddle: BpmnModdle | undefined;

function sharedModdle(): BpmnModdle {
  moddle ??= new BpmnModdle({ zeebe });
  return moddle;
}

export interface ReadDefinitions {
  readonly definitions: ModdleElement;
  /** What moddle tolerated (unknown elements and attributes, unresolved references): problems for us. */
  readonly warnings: readonly ModelProblem[];
}

/** Reads BPMN XML with the Zeebe extensions registered; malformed XML throws a ModelValidationError. */
export async function readDefinitions(xml: string, resourceName: string): Promise<ReadDefinitions> {
  let result;
  try {
    result = await sharedModdle().fromXML(withoutDiagram(xml), 'bpmn:Definitions');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ModelValidationError(resourceName, [{ message: `Malformed BPMN XML: ${oneLine(message)}` }]);
  }
  if (!isModdleElement(result.rootElement) || result.rootElement.$type !== 'bpmn:Definitions') {
    throw new ModelValidationError(resourceName, [
      { message: 'Malformed BPMN XML: the root element is not bpmn:definitions' },
    ]);
  }
  return { definitions: result.rootElement, warnings: result.warnings.map(toProblem) };
}

const DI_NAMESPACE = /xmlns:([\w.-]+)\s*=\s*["']http:\/\/www\.omg\.org\/spec\/BPMN\/20100524\/DI["']/;

/**
 * Diagram interchange (shapes, edges, waypoints) has no meaning for execution and is often half of
 * a modeler file: it is blanked out before moddle reads the XML (newlines kept, so that line
 * numbers in moddle's messages stay right).
 */
export function withoutDiagram(xml: string): string {
  const prefix = DI_NAMESPACE.exec(xml)?.[1];
  if (prefix === undefined) return xml;
  const open = `<${prefix}:BPMNDiagram`;
  const close = `</${prefix}:BPMNDiagram>`;
  let result = '';
  let from = 0;
  for (let start = xml.indexOf(open); start !== -1; start = xml.indexOf(open, from)) {
    const end = diagramEnd(xml, start, close);
    if (end === undefined) break;
    result += xml.slice(from, start) + xml.slice(start, end).replace(/[^\n]/g, '');
    from = end;
  }
  return result + xml.slice(from);
}

/** Where the diagram element opened at `start` ends (self-closing or not), undefined when unclosed. */
function diagramEnd(xml: string, start: number, close: string): number | undefined {
  const tagEnd = xml.indexOf('>', start);
  if (tagEnd === -1) return undefined;
  if (xml[tagEnd - 1] === '/') return tagEnd + 1;
  const closeAt = xml.indexOf(close, tagEnd);
  return closeAt === -1 ? undefined : closeAt + close.length;
}

function toProblem(warning: ModdleWarning): ModelProblem {
  const message = oneLine(warning.message);
  const element = isModdleElement(warning.element) ? warning.element : undefined;
  const elementId = idOf(element);
  return elementId && element ? { elementId, elementType: element.$type, message } : { message };
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}
