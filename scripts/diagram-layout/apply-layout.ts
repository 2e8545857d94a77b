import { center } from './geometry';
import { DiWriter } from './di-writer';
import { checkOverlaps, type Grid, placeShapes } from './shapes';
import { flowLabel, shapeLabel, vertexOf } from './labels';
import { type El, type Moddle, isA, list, ref } from './moddle';
import { autoRoute, explicitRoute } from './routes';
import type { Box, DiagramLayout, PlacedShape, Point } from './types';

const POOL_LABEL = 30;

export interface LayoutResult {
  /** Problems a person should look at (shapes or labels on top of each other); empty when clean. */
  readonly problems: readonly string[];
}

/**
 * Rewrites, in place, what a modeler derives from the process: each flow node's incoming/outgoing
 * references, each lane's flow node references (from the row its node sits in) and the whole
 * diagram interchange (pool, lanes, shapes, edges, labels). Semantics are left untouched.
 */
export function applyLayout(moddle: Moddle, definitions: El, layout: DiagramLayout): LayoutResult {
  const process = list(definitions, 'rootElements').find((e) => e.id === layout.processId);
  if (!process) throw new Error(`process ${layout.processId} not found`);
  const collaboration = list(definitions, 'rootElements').find((e) => isA(e, 'bpmn:Collaboration'));
  const participant = collaboration && list(collaboration, 'participants')[0];
  if (!collaboration || !participant)
    throw new Error('the diagram needs a collaboration with one participant');

  const nodes = flowNodesOf(process);
  const flows = sequenceFlowsOf(process);
  linkFlows(nodes, flows);
  const grid = gridOf(layout);
  const shapes = placeShapes(nodes, layout, grid);
  const edges = new Map(flows.map((f) => [f.id, routeOf(f, shapes, layout, grid)]));
  const lanes = layLanes(process, nodes, shapes, layout, grid);
  const pool = poolAround(shapes, lanes, layout);
  const problems = checkOverlaps(nodes, shapes);

  const di = new DiWriter(moddle);
  const planeElements: El[] = [di.shape(participant, pool, { isHorizontal: true })];
  for (const [lane, box] of lanes)
    planeElements.push(
      di.shape(
        lane,
        { ...box, x: pool.x + POOL_LABEL, width: pool.width - POOL_LABEL },
        { isHorizontal: true },
      ),
    );
  for (const node of nodes) {
    const shape = shapes.get(node.id)!;
    const label = labelOf(node, shape, edges);
    planeElements.push(
      di.shape(node, shape.bounds, shape.kind === 'container' ? { isExpanded: true } : {}, label),
    );
  }
  for (const flow of flows) {
    const name = flow.name?.trim();
    const points = edges.get(flow.id)!;
    planeElements.push(di.edge(flow, points, name ? flowLabel(name, points) : undefined));
  }
  const plane = moddle.create('bpmndi:BPMNPlane', {
    id: 'BPMNPlane_1',
    bpmnElement: collaboration,
    planeElement: planeElements,
  });
  definitions.set('diagrams', [moddle.create('bpmndi:BPMNDiagram', { id: 'BPMNDiagram_1', plane })]);
  return { problems };
}

/** Every flow node, containers before what they contain (the order a modeler draws them in). */
function flowNodesOf(scope: El): El[] {
  const result: El[] = [];
  for (const element of list(scope, 'flowElements')) {
    if (isA(element, 'bpmn:SequenceFlow')) continue;
    result.push(element);
    if (isA(element, 'bpmn:SubProcess')) result.push(...flowNodesOf(element));
  }
  return result;
}

function sequenceFlowsOf(scope: El): El[] {
  return list(scope, 'flowElements').flatMap((e) =>
    isA(e, 'bpmn:SequenceFlow') ? [e] : isA(e, 'bpmn:SubProcess') ? sequenceFlowsOf(e) : [],
  );
}

function linkFlows(nodes: readonly El[], flows: readonly El[]): void {
  for (const node of nodes) {
    node.set(
      'incoming',
      flows.filter((f) => ref(f, 'targetRef') === node),
    );
    node.set(
      'outgoing',
      flows.filter((f) => ref(f, 'sourceRef') === node),
    );
  }
}

function gridOf(layout: DiagramLayout): Grid {
  const left = 160;
  return {
    point: (column, row) => ({
      x: left + column * layout.columnWidth,
      y: row * layout.rowHeight + layout.rowHeight / 2,
    }),
  };
}

function routeOf(flow: El, shapes: Map<string, PlacedShape>, layout: DiagramLayout, grid: Grid): Point[] {
  const s = shapes.get(ref(flow, 'sourceRef')!.id)!;
  const t = shapes.get(ref(flow, 'targetRef')!.id)!;
  const explicit = layout.routes?.[flow.id];
  return explicit ? explicitRoute(s, t, explicit, grid.point) : autoRoute(s, t);
}

function layLanes(
  process: El,
  nodes: readonly El[],
  shapes: Map<string, PlacedShape>,
  layout: DiagramLayout,
  grid: Grid,
): Map<El, Box> {
  const laneSet = list(process, 'laneSets')[0];
  const lanes = laneSet ? list(laneSet, 'lanes') : [];
  const result = new Map<El, Box>();
  let firstRow = 0;
  for (const spec of layout.lanes) {
    const lane = lanes.find((l) => l.id === spec.id);
    if (!lane) throw new Error(`lane ${spec.id} not found in the process`);
    const top = grid.point(0, firstRow).y - layout.rowHeight / 2;
    const box = { x: 0, y: top, width: 0, height: spec.rows * layout.rowHeight };
    result.set(lane, box);
    const members = nodes
      .filter((n) => n.$parent === process)
      .filter((n) => {
        const shape = shapes.get(isA(n, 'bpmn:BoundaryEvent') ? ref(n, 'attachedToRef')!.id : n.id)!;
        const y = isA(n, 'bpmn:SubProcess') ? shape.bounds.y + 1 : center(shape.bounds).y;
        return y >= box.y && y < box.y + box.height;
      });
    lane.set('flowNodeRef', members);
    firstRow += spec.rows;
  }
  return result;
}

function poolAround(shapes: Map<string, PlacedShape>, lanes: Map<El, Box>, layout: DiagramLayout): Box {
  const all = [...shapes.values()].map((s) => s.bounds);
  const left = Math.min(...all.map((b) => b.x)) - 40 - POOL_LABEL;
  const right = Math.max(...all.map((b) => b.x + b.width)) + 60;
  const boxes = [...lanes.values()];
  const top = boxes[0]!.y;
  const height = layout.lanes.reduce((sum, l) => sum + l.rows, 0) * layout.rowHeight;
  return { x: left, y: top, width: right - left, height };
}

function labelOf(node: El, shape: PlacedShape, edges: Map<string, Point[]>): Box | undefined {
  const name = node.name?.trim();
  if (!name || shape.kind === 'task' || shape.kind === 'container') return undefined;
  const outgoing = list(node, 'outgoing').map((f) => edges.get(f.id)!);
  const touching = [
    ...outgoing.map((p) => p[0]!),
    ...list(node, 'incoming').map((f) => edges.get(f.id)!.at(-1)!),
  ];
  const used = new Set(touching.map((p) => vertexOf(shape.bounds, p)));
  return shapeLabel(shape, name, outgoing, used);
}
