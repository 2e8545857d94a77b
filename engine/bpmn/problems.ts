import { type ModelProblem } from './model';
import { idOf, type ModdleElement } from './moddle-element';

/** Collects every problem of a resource, so that one rejection lists them all. */
export class Problems {
  readonly list: ModelProblem[] = [];

  /** A problem of one element (reported with its id and BPMN type). */
  at(element: ModdleElement, message: string): void {
    const elementId = idOf(element);
    this.list.push(
      elementId
        ? { elementId, elementType: element.$type, message }
        : { message: `${element.$type}: ${message}` },
    );
  }

  /** A problem of the resource as a whole. */
  file(message: string): void {
    this.list.push({ message });
  }

  add(problem: ModelProblem): void {
    this.list.push(problem);
  }

  /**
   * `Element 'Gateway_1' of type 'bpmn:ComplexGateway' is not supported by the embedded engine`, with
   * what about it is not supported (`with …`) and a hint on what to do instead.
   */
  unsupported(element: ModdleElement, detail?: string, hint?: string): void {
    const what = detail ? ` with ${detail}` : '';
    const instead = hint ? `; ${hint}` : '';
    this.at(
      element,
      `Element '${idOf(element)}' of type '${element.$type}'${what} is not supported by the embedded engine${instead}`,
    );
  }

  get isEmpty(): boolean {
    return this.list.length === 0;
  }
}
