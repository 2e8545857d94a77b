import { boxAround, center, contains, enclose, overlaps } from './geometry';
import { type El, isA, list, ref } from './moddle';
import type { DiagramLayout, GridPlace, GridShape, PlacedShape, Point } from './types';

const SIZES = { task: [120, 80], event: [36, 36], gateway: [50, 50] } as const;
const CONTAINER_PAD = { top: 25, right: 30, bottom: 35, left: 30 };

export interface Grid {
  point(column: number, row: number): Point;
}

const isGridPoint = (place: GridPlace): place is readonly [number, number] => Array.isArray(place);

function kindOf(node: El): PlacedShape['kind'] {
  if (isA(node, 'bpmn:SubProcess')) return 'container';
  if (node.$type.endsWith('Gateway')) return 'gateway';
  if (node.$type.endsWith('Event')) return 'event';
  return 'task';
}

export function placeShapes(
  nodes: readonly El[],
  layout: DiagramLayout,
  grid: Grid,
): Map<string, PlacedShape> {
  const shapes = new Map<string, PlacedShape>();
  const missing: string[] = [];
  for (const node of nodes) {
    const kind = kindOf(node);
    if (kind === 'container' || isA(node, 'bpmn:BoundaryEvent')) continue;
    const place = layout.nodes[node.id];
    if (!place) {
      missing.push(node.id);
      continue;
    }
    const { at, width, height }: GridShape = isGridPoint(place) ? { at: place } : place;
    const [w, h] = SIZES[kind];
    shapes.set(node.id, {
      id: node.id,
      kind,
      bounds: boxAround(grid.point(at[0], at[1]), width ?? w, height ?? h),
    });
  }
  if (missing.length > 0) throw new Error(`no place in the layout for: ${missing.join(', ')}`);
  for (const node of [...nodes].reverse()) {
    if (kindOf(node) !== 'container') continue;
    const children = list(node, 'flowElements').flatMap((c) => shapes.get(c.id)?.bounds ?? []);
    shapes.set(node.id, { id: node.id, kind: 'container', bounds: enclose(children, CONTAINER_PAD) });
  }
  placeBoundaryEvents(nodes, layout, shapes);
  return shapes;
}

function placeBoundaryEvents(
  nodes: readonly El[],
  layout: DiagramLayout,
  shapes: Map<string, PlacedShape>,
): void {
  const byHost = new Map<El, El[]>();
  for (const node of nodes.filter((n) => isA(n, 'bpmn:BoundaryEvent'))) {
    const host = ref(node, 'attachedToRef')!;
    byHost.set(host, [...(byHost.get(host) ?? []), node]);
  }
  for (const [host, events] of byHost) {
    const spec = layout.boundaries?.[host.id];
    const order = spec?.order ?? events.map((e) => e.id);
    const side = spec?.side ?? 'bottom';
    const hostBox = shapes.get(host.id)!.bounds;
    const c = center(hostBox);
    events.forEach((event) => {
      const i = order.indexOf(event.id);
      if (i < 0) throw new Error(`boundary event ${event.id} missing from the order of ${host.id}`);
      const x = c.x + (i - (order.length - 1) / 2) * 40;
      const y = side === 'top' ? hostBox.y : hostBox.y + hostBox.height;
      shapes.set(event.id, {
        id: event.id,
        kind: 'event',
        attached: side,
        bounds: boxAround({ x, y }, 36, 36),
      });
    });
  }
}

/** Shapes that overlap although neither contains nor hosts the other. */
export function checkOverlaps(nodes: readonly El[], shapes: Map<string, PlacedShape>): string[] {
  const problems: string[] = [];
  const related = (a: El, b: El) =>
    ref(a, 'attachedToRef') === b || ref(b, 'attachedToRef') === a || a.$parent === b || b.$parent === a;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [nodes[i]!, nodes[j]!];
      const [ba, bb] = [shapes.get(a.id)!.bounds, shapes.get(b.id)!.bounds];
      if (related(a, b) || contains(ba, bb) || contains(bb, ba)) continue;
      if (overlaps(ba, bb)) problems.push(`${a.id} overlaps ${b.id}`);
    }
  }
  return problems;
}
