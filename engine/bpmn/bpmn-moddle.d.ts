// The part of bpmn-moddle's API the parser uses (the package ships no types for its entry point).
declare module 'bpmn-moddle' {
  /** A problem bpmn-moddle tolerated while reading: unknown element or attribute, unresolved reference. */
  export interface ModdleWarning {
    readonly message: string;
    readonly element?: unknown;
    readonly property?: string;
    readonly value?: unknown;
  }

  export interface FromXmlResult {
    readonly rootElement: unknown;
    readonly warnings: readonly ModdleWarning[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string, options?: Record<string, unknown>): Promise<FromXmlResult>;
  }
}
