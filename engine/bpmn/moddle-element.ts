/**
 * A node of the tree bpmn-moddle reads: its `$type` (`bpmn:ServiceTask`, `zeebe:TaskDefinition`) and
 * its properties. Properties are read directly: moddle serves declared defaults from the prototype
 * (e.g. `cancelActivity` is true when the attribute is absent).
 */
export interface ModdleElement {
  readonly $type: string;
  readonly [property: string]: unknown;
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string'
  );
}

export function textOf(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element?.[property];
  return typeof value === 'string' ? value : undefined;
}

/** A string property, undefined when absent or blank. */
export function nonBlankTextOf(element: ModdleElement | undefined, property: string): string | undefined {
  const value = textOf(element, property);
  return value === undefined || value.trim() === '' ? undefined : value;
}

export function flagOf(element: ModdleElement | undefined, property: string): boolean | undefined {
  const value = element?.[property];
  return typeof value === 'boolean' ? value : undefined;
}

export function childOf(element: ModdleElement | undefined, property: string): ModdleElement | undefined {
  const value = element?.[property];
  return isModdleElement(value) ? value : undefined;
}

export function childrenOf(element: ModdleElement | undefined, property: string): readonly ModdleElement[] {
  const value = element?.[property];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

export function idOf(element: ModdleElement | undefined): string {
  return textOf(element, 'id') ?? '';
}

/** The text of a formal expression child (`conditionExpression`, `timeDuration`, …). */
export function bodyOf(element: ModdleElement | undefined, property: string): string | undefined {
  return textOf(childOf(element, property), 'body');
}

/** A string attribute written in the XML (not a default moddle serves from its descriptor). */
export function explicitTextOf(element: ModdleElement | undefined, property: string): string | undefined {
  return element !== undefined && Object.hasOwn(element, property) ? textOf(element, property) : undefined;
}
