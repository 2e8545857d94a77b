import { anchor, center } from './geometry';
import type { ExplicitRoute, PlacedShape, Point } from './types';

const near = (a: number, b: number) => Math.abs(a - b) < 1;

/**
 * Orthogonal waypoints of a sequence flow from `s` to `t`, by the first rule that fits:
 * boundary event (straight down/up, else down/up then across) · same row (straight) · same column
 * (straight) · into a sub-process at the source's height · into a gateway (across, then into the
 * vertex facing the source) · out of a gateway (out of the vertex facing the target, then across) ·
 * otherwise across, down/up half-way between the two, across.
 */
export function autoRoute(s: PlacedShape, t: PlacedShape): Point[] {
  const sc = center(s.bounds);
  const tc = center(t.bounds);
  const tb = t.bounds;
  if (s.attached) return fromBoundary(s, t);
  if (near(sc.y, tc.y)) {
    if (tc.x > sc.x) return [anchor(s.bounds, 'right'), anchor(tb, 'left')];
  } else if (near(sc.x, tc.x)) {
    return tc.y > sc.y
      ? [anchor(s.bounds, 'bottom'), anchor(tb, 'top')]
      : [anchor(s.bounds, 'top'), anchor(tb, 'bottom')];
  }
  if (t.kind === 'container' && sc.y > tb.y + 10 && sc.y < tb.y + tb.height - 10 && tb.x > sc.x) {
    return [anchor(s.bounds, 'right'), { x: tb.x, y: sc.y }];
  }
  if (t.kind === 'gateway') {
    const start = tc.x > sc.x ? anchor(s.bounds, 'right') : anchor(s.bounds, 'left');
    const end = tc.y > sc.y ? anchor(tb, 'top') : anchor(tb, 'bottom');
    return [start, { x: tc.x, y: start.y }, end];
  }
  if (s.kind === 'gateway' && tc.x > sc.x) {
    const start = tc.y > sc.y ? anchor(s.bounds, 'bottom') : anchor(s.bounds, 'top');
    return [start, { x: sc.x, y: tc.y }, anchor(tb, 'left')];
  }
  if (tc.x > sc.x) {
    const sy = s.kind === 'container' ? containerExitY(s, tc.y) : sc.y;
    const start = { x: s.bounds.x + s.bounds.width, y: sy };
    const end = anchor(tb, 'left');
    const midX = Math.round((start.x + end.x) / 2);
    return [start, { x: midX, y: sy }, { x: midX, y: end.y }, end];
  }
  throw new Error(`no automatic route from ${s.id} back to ${t.id}: give it an explicit route`);
}

/** A sub-process is left near its top or bottom edge, whichever faces the target. */
function containerExitY(s: PlacedShape, targetY: number): number {
  const { y, height } = s.bounds;
  if (targetY < y + 30) return y + 30;
  if (targetY > y + height - 30) return y + height - 30;
  return targetY;
}

function fromBoundary(s: PlacedShape, t: PlacedShape): Point[] {
  const start = anchor(s.bounds, s.attached === 'top' ? 'top' : 'bottom');
  const tb = t.bounds;
  if (start.x > tb.x && start.x < tb.x + tb.width) {
    return [start, { x: start.x, y: s.attached === 'top' ? tb.y + tb.height : tb.y }];
  }
  const tc = center(tb);
  const end = tc.x > start.x ? anchor(tb, 'left') : anchor(tb, 'right');
  return [start, { x: start.x, y: end.y }, end];
}

/** Waypoints of an explicit route; grid points are turned into pixels by `toPoint`. */
export function explicitRoute(
  s: PlacedShape,
  t: PlacedShape,
  route: ExplicitRoute,
  toPoint: (column: number, row: number) => Point,
): Point[] {
  return [
    anchor(s.bounds, route.exit),
    ...route.via.map(([c, r]) => toPoint(c, r)),
    anchor(t.bounds, route.enter),
  ];
}
