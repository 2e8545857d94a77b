import { type El, type Moddle } from './moddle';
import type { Box, Point } from './types';

/** Creates the BPMN DI elements (shapes, edges, labels) for the moddle tree. */
export class DiWriter {
  constructor(private readonly moddle: Moddle) {}

  private bounds(b: Box): El {
    return this.moddle.create('dc:Bounds', {
      x: Math.round(b.x),
      y: Math.round(b.y),
      width: Math.round(b.width),
      height: Math.round(b.height),
    });
  }

  shape(element: El, b: Box, attrs: Record<string, unknown>, label?: Box): El {
    return this.moddle.create('bpmndi:BPMNShape', {
      id: `${element.id}_di`,
      bpmnElement: element,
      ...attrs,
      bounds: this.bounds(b),
      ...(label ? { label: this.moddle.create('bpmndi:BPMNLabel', { bounds: this.bounds(label) }) } : {}),
    });
  }

  edge(flow: El, points: readonly Point[], label?: Box): El {
    return this.moddle.create('bpmndi:BPMNEdge', {
      id: `${flow.id}_di`,
      bpmnElement: flow,
      waypoint: points.map((p) => this.moddle.create('dc:Point', { x: Math.round(p.x), y: Math.round(p.y) })),
      ...(label ? { label: this.moddle.create('bpmndi:BPMNLabel', { bounds: this.bounds(label) }) } : {}),
    });
  }
}
