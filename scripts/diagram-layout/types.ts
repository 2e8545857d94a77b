/** A layout description: where each element of one BPMN process sits on a grid of columns and rows. */
export interface DiagramLayout {
  /** The process laid out (the collaboration's only participant refers to it). */
  readonly processId: string;
  /** Distance between column centres and between row centres, in pixels. */
  readonly columnWidth: number;
  readonly rowHeight: number;
  /** Lanes from top to bottom, each `rows` rows tall; rows are numbered from 0 across all lanes. */
  readonly lanes: readonly { readonly id: string; readonly rows: number }[];
  /** Centre of every flow node except sub-processes and boundary events, as [column, row]; fractions allowed. */
  readonly nodes: Readonly<Record<string, GridPlace>>;
  /** Boundary events per host, left to right, and the side of the host they sit on (default: bottom). */
  readonly boundaries?: Readonly<
    Record<string, { readonly side?: 'top' | 'bottom'; readonly order: readonly string[] }>
  >;
  /** Sequence flows that the automatic router cannot draw well: where they leave, pass and arrive. */
  readonly routes?: Readonly<Record<string, ExplicitRoute>>;
}

export type GridPlace = readonly [column: number, row: number] | GridShape;

export interface GridShape {
  readonly at: readonly [column: number, row: number];
  /** Width and height in pixels, when not the element type's default. */
  readonly width?: number;
  readonly height?: number;
}

export type Side = 'top' | 'bottom' | 'left' | 'right';

export interface ExplicitRoute {
  readonly exit: Side;
  /** Bends as [column, row]; consecutive points must share a column or a row. */
  readonly via: readonly (readonly [number, number])[];
  readonly enter: Side;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What the router and the label placer need to know of a shape. */
export interface PlacedShape {
  readonly id: string;
  readonly kind: 'task' | 'event' | 'gateway' | 'container';
  readonly bounds: Box;
  /** For boundary events: the side of the host they sit on. */
  readonly attached?: 'top' | 'bottom';
}
