import { center, labelSize } from './geometry';
import type { Box, PlacedShape, Point } from './types';

/**
 * Where the name of an event or gateway goes: below an event (beside a boundary event, along its
 * flow); above a gateway unless a flow uses its top vertex, then below, else above on the left.
 */
export function shapeLabel(
  shape: PlacedShape,
  name: string,
  outgoing: readonly Point[][],
  usedVertices: ReadonlySet<string>,
): Box {
  const size = labelSize(name);
  const b = shape.bounds;
  const c = center(b);
  if (shape.attached) return boundaryLabel(shape, size, outgoing[0]);
  if (shape.kind === 'gateway') {
    if (!usedVertices.has('top')) return { x: c.x - size.width / 2, y: b.y - size.height - 6, ...size };
    if (!usedVertices.has('bottom')) return { x: c.x - size.width / 2, y: b.y + b.height + 6, ...size };
    return { x: b.x - size.width + 10, y: b.y - size.height - 2, ...size };
  }
  return { x: c.x - size.width / 2, y: b.y + b.height + 6, ...size };
}

/** Beside a boundary event whose flow goes straight on; else just above its flow after the bend. */
function boundaryLabel(
  shape: PlacedShape,
  size: { width: number; height: number },
  flow?: readonly Point[],
): Box {
  const b = shape.bounds;
  if (flow && flow.length > 2) {
    const bend = flow[1]!;
    return { x: bend.x + 6, y: bend.y - size.height - 4, ...size };
  }
  const y = shape.attached === 'top' ? b.y - size.height - 2 : b.y + b.height + 2;
  return { x: b.x + b.width + 4, y, ...size };
}

/** The name of a sequence flow: above its first horizontal segment, else beside its first segment. */
export function flowLabel(name: string, points: readonly Point[]): Box {
  const size = labelSize(name);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (Math.abs(a.y - b.y) < 1 && Math.abs(a.x - b.x) > 1) {
      const x = b.x > a.x ? a.x + 6 : a.x - 6 - size.width;
      return { x, y: a.y - size.height - 3, ...size };
    }
  }
  const a = points[0]!;
  const b = points[1] ?? a;
  return { x: a.x + 6, y: (a.y + b.y) / 2 - size.height / 2, ...size };
}

/** Which vertices of a gateway the flows use, from their first or last waypoint. */
export function vertexOf(gateway: Box, p: Point): string {
  const c = center(gateway);
  if (Math.abs(p.y - gateway.y) < 1) return 'top';
  if (Math.abs(p.y - (gateway.y + gateway.height)) < 1) return 'bottom';
  return p.x < c.x ? 'left' : 'right';
}
