// Positions of the network diagram, computed from the layer sizes (never hard-coded counts).
import { layout } from '../theme';

export interface NodePos {
  x: number;
  y: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  /** pos[l][j]: centre of unit j of layer l (l = 0 is the input). */
  pos: NodePos[][];
  /** Target nodes (one per output unit) and the loss node. */
  targets: NodePos[];
  loss: NodePos;
  radius: number;
  inputRadius: number;
  unitGap: number;
  layerGap: number;
  /** Edge weight labels drawn (small networks) or on hover (large ones). */
  labelEdges: boolean;
  /** Per layer l (1..L): label its edges (few edges) or show them on hover. */
  labelLayer: boolean[];
  /** Per-node detail lines (z, dZ, dA) drawn. */
  detailed: boolean;
  fontSize: number;
  /** Where along an edge (from its source) its label sits. */
  edgeLabelAt: number;
  /** Widths of the target and input boxes. */
  targetWidth: number;
  inputWidth: number;
}

/** Widths (px) of the widest labels, so that columns leave room for them at any Digits. */
export interface LabelWidths {
  /** Widest weight tag, bias tag, input box, target box. */
  weight: number;
  bias: number;
  input: number;
  target: number;
}

/** Per-node detail lines and tags (small networks); larger ones draw marks, values on hover. */
export function isDetailed(layers: number[]): boolean {
  return Math.max(...layers) <= layout.maxDetailedUnits;
}

export function computeLayout(layers: number[], widths: LabelWidths = { weight: 90, bias: 90, input: 50, target: 68 }): DiagramLayout {
  const maxUnits = Math.max(...layers);
  const L = layers.length - 1;
  let edges = 0;
  for (let l = 1; l <= L; l++) edges += layers[l] * layers[l - 1];
  const detailed = isDetailed(layers);
  const labelEdges = edges <= layout.maxLabelledEdges;
  // Crossing edges of bigger layers would put labels on top of each other: those show on hover.
  const labelLayer = layers.map((n, l) => l > 0 && labelEdges && (n * layers[l - 1] <= 4 || Math.min(n, layers[l - 1]) === 1));
  const unitGap = detailed
    ? 178
    : Math.min(64, Math.max(9, 560 / Math.max(1, maxUnits - 1)));
  const radius = detailed ? layout.nodeRadius : Math.max(3, Math.min(layout.nodeRadius * 0.8, unitGap * 0.38));
  const shrink = radius / layout.nodeRadius;
  const inputRadius = layout.inputRadius * shrink;
  const edgeLabelAt = 0.4;
  // A weight tag at edgeLabelAt clears its source node; neighbouring bias tags clear each other.
  const source = Math.max(radius, widths.input / 2);
  const roomForTags = detailed ? Math.max((widths.weight / 2 + source + 12) / edgeLabelAt, widths.bias + 24) : 0;
  const layerGap = Math.max(L <= 3 ? layout.layerGap : Math.max(layout.minLayerGap, 900 / L), roomForTags);
  // Room above the first row for the headings and the bias tags.
  const top = layout.margin + (detailed ? 62 : 10);
  const bodyHeight = (maxUnits - 1) * unitGap;
  // Room left of the inputs for their box and name (x1).
  const left = 36 + Math.max(36, widths.input / 2 + 26);
  const pos: NodePos[][] = layers.map((n, l) => {
    // Input boxes (and their names, 20 px of text) are taller than a small unit's ring: their
    // column spreads wider when there is room (two inputs beside 64 units met each other).
    const gap = l === 0 && n > 1 ? Math.min(Math.max(unitGap, 2 * inputRadius + 6, 20), bodyHeight / (n - 1)) : unitGap;
    const offset = (bodyHeight - (n - 1) * gap) / 2;
    return Array.from({ length: n }, (_, j) => ({ x: left + l * layerGap, y: top + offset + j * gap }));
  });
  const outX = left + L * layerGap;
  const targetX = outX + Math.max(118, radius + 52 + widths.target / 2);
  const targets = pos[L].map((p) => ({ x: targetX, y: p.y }));
  const loss = { x: targetX + widths.target / 2 + 64, y: top + bodyHeight / 2 };
  return {
    width: loss.x + radius + 30,
    // Below the last row: up to four detail lines (z, a, dA, dZ).
    height: top + bodyHeight + (detailed ? radius + 80 : 40),
    edgeLabelAt,
    pos,
    targets,
    loss,
    radius,
    inputRadius,
    unitGap,
    layerGap,
    labelEdges,
    labelLayer,
    detailed,
    fontSize: detailed ? 13 : Math.max(8, 12 * shrink),
    targetWidth: widths.target,
    inputWidth: widths.input,
  };
}

/** Point at fraction t along the segment a → b. */
export function along(a: NodePos, b: NodePos, t: number): NodePos {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}
