/**
 * Facts read from a BPMN diagram, for the tests that hold the diagram and the code together (the
 * diagram's job types equal the worker registry; every BPMN error a worker throws is caught; every
 * user task's form exists). Pure: XML in, facts out. Reads Zeebe extensions with zeebe-bpmn-moddle.
 */
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';

/** The part of a moddle element these facts read. */
interface Element {
  readonly $type: string;
  readonly id?: string;
  readonly [property: string]: unknown;
}

/** Job types of every job-based element (service, send, script... tasks), sorted, without duplicates. */
export async function jobTypesOf(xml: string): Promise<string[]> {
  const elements = await flowElementsOf(xml);
  const types = elements.flatMap((e) => extensionsOf(e, 'zeebe:TaskDefinition').map((d) => String(d.type)));
  return [...new Set(types)].sort();
}

/**
 * Error codes the diagram catches (error boundary events and error start events of event
 * sub-processes), sorted, without duplicates. A catch-all error event (no error code) counts as `*`.
 */
export async function errorCodesCaughtIn(xml: string): Promise<string[]> {
  const elements = await flowElementsOf(xml);
  const codes = elements
    .filter((e) => e.$type === 'bpmn:BoundaryEvent' || e.$type === 'bpmn:StartEvent')
    .flatMap((e) => asElements(e.eventDefinitions))
    .filter((d) => d.$type === 'bpmn:ErrorEventDefinition')
    .map((d) => {
      const error = d.errorRef as Element | undefined;
      return typeof error?.errorCode === 'string' && error.errorCode !== '' ? error.errorCode : '*';
    });
  return [...new Set(codes)].sort();
}

/** Each user task's id → the `formId` of its `zeebe:formDefinition` (undefined when it links none). */
export async function userTaskFormIds(xml: string): Promise<Record<string, string | undefined>> {
  const elements = await flowElementsOf(xml);
  const result: Record<string, string | undefined> = {};
  for (const task of elements.filter((e) => e.$type === 'bpmn:UserTask')) {
    const formId = extensionsOf(task, 'zeebe:FormDefinition')[0]?.formId;
    result[String(task.id)] = typeof formId === 'string' ? formId : undefined;
  }
  return result;
}

let moddle: BpmnModdle | undefined;

/** Every flow element of every process, sub-processes included. */
async function flowElementsOf(xml: string): Promise<Element[]> {
  moddle ??= new BpmnModdle({ zeebe });
  const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
  const processes = asElements((rootElement as Element).rootElements).filter(
    (e) => e.$type === 'bpmn:Process',
  );
  return processes.flatMap(descendants);
}

function descendants(scope: Element): Element[] {
  return asElements(scope.flowElements).flatMap((e) => [e, ...descendants(e)]);
}

function extensionsOf(element: Element, type: string): Element[] {
  const container = element.extensionElements as Element | undefined;
  return asElements(container?.values).filter((e) => e.$type === type);
}

function asElements(value: unknown): Element[] {
  return Array.isArray(value) ? (value as Element[]) : [];
}
