import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';

/** The part of a bpmn-moddle element the layout reads and writes. */
export interface El {
  readonly $type: string;
  readonly id: string;
  readonly name?: string;
  readonly $parent?: El;
  get(property: string): unknown;
  set(property: string, value: unknown): void;
}

/** The part of bpmn-moddle's API the layout uses (its entry point ships no types). */
export interface Moddle {
  fromXML(xml: string): Promise<{ rootElement: El; warnings: readonly { message: string }[] }>;
  toXML(element: El, options: { format: boolean }): Promise<{ xml: string }>;
  create(type: string, attrs?: Record<string, unknown>): El;
}

export function createModdle(): Moddle {
  return new BpmnModdle({ zeebe }) as unknown as Moddle;
}

export const list = (el: El, property: string): El[] => (el.get(property) as El[] | undefined) ?? [];

export const ref = (el: El, property: string): El | undefined => el.get(property) as El | undefined;

export const isA = (el: El, type: string): boolean => el.$type === type;
