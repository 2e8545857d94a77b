import type { Box, Point, Side } from './types';

export const center = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

export function anchor(b: Box, side: Side): Point {
  const c = center(b);
  switch (side) {
    case 'top':
      return { x: c.x, y: b.y };
    case 'bottom':
      return { x: c.x, y: b.y + b.height };
    case 'left':
      return { x: b.x, y: c.y };
    case 'right':
      return { x: b.x + b.width, y: c.y };
  }
}

export const boxAround = (c: Point, width: number, height: number): Box => ({
  x: Math.round(c.x - width / 2),
  y: Math.round(c.y - height / 2),
  width,
  height,
});

/** The smallest box holding all of `boxes`, grown by `pad` on each side. */
export function enclose(
  boxes: readonly Box[],
  pad: { top: number; right: number; bottom: number; left: number },
): Box {
  const left = Math.min(...boxes.map((b) => b.x)) - pad.left;
  const top = Math.min(...boxes.map((b) => b.y)) - pad.top;
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + pad.right;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + pad.bottom;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * Rough width of a label in bpmn-js's 11 px Arial: CJK characters are square, Latin ones about half.
 * Good enough to size label boxes; bpmn-js re-wraps the text itself.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 11 : 6;
  return width;
}

/** A label box at most `maxWidth` wide, as many 14 px lines tall as the text needs. */
export function labelSize(text: string, maxWidth = 90): { width: number; height: number } {
  const width = textWidth(text);
  if (width <= maxWidth) return { width: Math.max(width, 20), height: 14 };
  return { width: maxWidth, height: 14 * Math.ceil(width / (maxWidth - 8)) };
}
