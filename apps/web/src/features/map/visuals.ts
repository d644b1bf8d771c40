import type { CanvasElements, EdgeVisual, LegendEntry, NodeVisual } from '@netmap/graph-canvas';

/**
 * What each kind of thing on the map looks like, in one place, so the legend is drawn from the same
 * table as the map. Colours follow the Okabe–Ito palette's hues (told apart with colour-blindness),
 * softened for fills; shapes and line styles differ too, so no meaning rests on colour alone.
 * Orange and red mean "look here".
 */

/** What a node stands for. */
export type NodeMeaning =
  | 'namespace'
  | 'k8s-node'
  | 'aggregate'
  | 'k8s-node-aggregate'
  | 'workload'
  | 'workload-all-denied'
  | 'pod'
  | 'pod-all-denied'
  | 'service-cluster-ip'
  | 'service-headless'
  | 'service-node-port'
  | 'service-load-balancer'
  | 'service-external-name'
  | 'service-broken'
  | 'ingress'
  | 'ingress-controller'
  | 'internet'
  | 'cidr'
  | 'outside-other';

/** A warning drawn as a node's border, on top of what the node is. */
export type Marking = 'no-ingress-policy' | 'no-egress-policy' | 'no-policy' | 'policies-unknown';

/** What an edge stands for. */
export type EdgeMeaning =
  | 'flow-allowed'
  | 'flow-unknown'
  | 'service-backend'
  | 'ingress-route'
  | 'exposure'
  | 'what-if-added'
  | 'what-if-removed';

const BLUE = '#2F6DB5';
const GREEN = '#1B7F5E';
const PURPLE = '#6A4C93';
const EARTH = '#6E6152';
const VERMILION = '#D55E00';
const ORANGE = '#E69F00';
const RED = '#B3261E';
const BLUISH_GREEN = '#009E73';

const node = (
  shape: NodeVisual['shape'],
  color: string,
  borderColor: string,
  borderStyle = 'solid' as const,
) => ({ shape, color, borderColor, borderStyle }) as NodeVisual;

/** Node visuals, in legend order. Each (shape, fill) pair is unique, so a node's meaning can be read back. */
export const NODE_VISUALS: Readonly<Record<NodeMeaning, { label: string; visual: NodeVisual }>> = {
  namespace: { label: 'Namespace', visual: node('round-rectangle', '#F6F7F9', '#A3ADBA') },
  'k8s-node': {
    label: 'Kubernetes node',
    visual: { ...node('rectangle', '#F4F1EA', '#8A8275'), borderStyle: 'dashed' },
  },
  aggregate: {
    label: 'Namespace, collapsed (counts)',
    visual: node('round-rectangle', '#E2E8F0', '#5B6B80'),
  },
  'k8s-node-aggregate': {
    label: 'Kubernetes node, collapsed (counts)',
    visual: node('rectangle', '#E6E0D2', '#8A8275'),
  },
  workload: { label: 'Workload (its pods as one node)', visual: node('round-rectangle', '#D6E6F5', BLUE) },
  'workload-all-denied': {
    label: 'Workload whose every flow is denied',
    visual: node('round-rectangle', '#E4E4E7', RED),
  },
  pod: { label: 'Pod', visual: node('ellipse', '#EAF2FB', BLUE) },
  'pod-all-denied': { label: 'Pod whose every flow is denied', visual: node('ellipse', '#E4E4E7', RED) },
  'service-cluster-ip': { label: 'Service (ClusterIP)', visual: node('ellipse', '#D3EEE3', GREEN) },
  'service-headless': {
    label: 'Service (headless)',
    visual: { ...node('ellipse', '#EEF8F3', GREEN), borderStyle: 'dotted' },
  },
  'service-node-port': { label: 'Service (NodePort)', visual: node('hexagon', '#B5E2CF', GREEN) },
  'service-load-balancer': { label: 'Service (LoadBalancer)', visual: node('diamond', '#8FD1B6', '#145E46') },
  'service-external-name': { label: 'Service (ExternalName)', visual: node('rectangle', '#D3EEE3', GREEN) },
  'service-broken': {
    label: 'Service with no ready endpoints (broken)',
    visual: { ...node('ellipse', '#FBE3E1', RED), borderStyle: 'dashed' },
  },
  ingress: { label: 'Ingress (hosts and paths)', visual: node('tag', '#E6DDF3', PURPLE) },
  'ingress-controller': { label: 'Ingress controller', visual: node('hexagon', '#CDBDE6', PURPLE) },
  internet: { label: 'Internet / outside the cluster', visual: node('ellipse', '#ECE7DF', EARTH) },
  cidr: { label: 'IP range named by a policy', visual: node('rectangle', '#F3EFE8', EARTH) },
  'outside-other': { label: 'Outside the cluster', visual: node('ellipse', '#F3EFE8', EARTH) },
};

/** Warning borders, in legend order. */
export const MARKINGS: Readonly<
  Record<Marking, { label: string; border: Required<Pick<NodeVisual, 'borderColor' | 'borderStyle'>> }>
> = {
  'no-policy': {
    label: 'No ingress or egress policy (unprotected)',
    border: { borderColor: VERMILION, borderStyle: 'solid' },
  },
  'no-ingress-policy': {
    label: 'No ingress policy (unprotected)',
    border: { borderColor: VERMILION, borderStyle: 'dashed' },
  },
  'no-egress-policy': {
    label: 'No egress policy (unprotected)',
    border: { borderColor: ORANGE, borderStyle: 'dotted' },
  },
  'policies-unknown': {
    label: 'Policies could not be read (isolation unknown)',
    border: { borderColor: EARTH, borderStyle: 'dashed' },
  },
};

/** Edge visuals, in legend order. */
export const EDGE_VISUALS: Readonly<Record<EdgeMeaning, { label: string; visual: EdgeVisual }>> = {
  'flow-allowed': {
    label: 'Allowed flow',
    visual: { color: BLUE, lineStyle: 'solid', width: 2, arrow: true },
  },
  'flow-unknown': {
    label: 'Flow that depends on unknown facts',
    visual: { color: ORANGE, lineStyle: 'dashed', width: 2, arrow: true },
  },
  'service-backend': {
    label: 'Service → backends',
    visual: { color: GREEN, lineStyle: 'dotted', width: 1.5, arrow: true },
  },
  'ingress-route': {
    label: 'Ingress host/path → Service',
    visual: { color: PURPLE, lineStyle: 'solid', width: 1.5, arrow: true },
  },
  exposure: {
    label: 'Exposed outside the cluster (NodePort, LoadBalancer, Ingress)',
    visual: { color: RED, lineStyle: 'solid', width: 3, arrow: true },
  },
  // A what-if draft's difference, drawn over the live flows while its preview is shown.
  'what-if-added': {
    label: 'Flow the draft would allow',
    visual: { color: BLUISH_GREEN, lineStyle: 'solid', width: 3.5, arrow: true },
  },
  'what-if-removed': {
    label: 'Flow the draft would deny',
    visual: { color: RED, lineStyle: 'dashed', width: 3.5, arrow: true },
  },
};

/** The look of a node of this meaning, with a warning border when marked. */
export function nodeVisual(meaning: NodeMeaning, marking?: Marking): NodeVisual {
  const base = NODE_VISUALS[meaning].visual;
  return marking ? { ...base, ...MARKINGS[marking].border } : { ...base };
}

/** The look of an edge of this meaning. */
export function edgeVisual(meaning: EdgeMeaning): EdgeVisual {
  return { ...EDGE_VISUALS[meaning].visual };
}

const entries = <K extends string, V>(record: Readonly<Record<K, V>>) => Object.entries(record) as [K, V][];
const nodeKey = (visual: NodeVisual) => `${visual.shape}|${visual.color}`;
const borderKey = (visual: Pick<NodeVisual, 'borderColor' | 'borderStyle'>) =>
  `${visual.borderColor ?? ''}|${visual.borderStyle ?? 'solid'}`;
const edgeKey = (visual: EdgeVisual) =>
  `${visual.color}|${visual.lineStyle}|${visual.width ?? 1.5}|${visual.arrow ?? true}`;

const MEANING_BY_NODE = new Map(
  entries(NODE_VISUALS).map(([meaning, { visual }]) => [nodeKey(visual), meaning]),
);
const MARKING_BY_BORDER = new Map(
  entries(MARKINGS).map(([marking, { border }]) => [borderKey(border), marking]),
);
const MEANING_BY_EDGE = new Map(
  entries(EDGE_VISUALS).map(([meaning, { visual }]) => [edgeKey(visual), meaning]),
);

/** The legend of what is on screen: one row per kind of node, warning and edge actually drawn. */
export function legendFor(elements: CanvasElements): LegendEntry[] {
  const nodes = new Set<NodeMeaning>();
  const markings = new Set<Marking>();
  const edges = new Set<EdgeMeaning>();
  for (const { visual } of elements.nodes) {
    const meaning = MEANING_BY_NODE.get(nodeKey(visual));
    if (!meaning) continue;
    nodes.add(meaning);
    if (borderKey(visual) === borderKey(NODE_VISUALS[meaning].visual)) continue;
    const marking = MARKING_BY_BORDER.get(borderKey(visual));
    if (marking) markings.add(marking);
  }
  for (const { visual } of elements.edges) {
    const meaning = MEANING_BY_EDGE.get(edgeKey(visual));
    if (meaning) edges.add(meaning);
  }
  return [
    ...entries(NODE_VISUALS)
      .filter(([meaning]) => nodes.has(meaning))
      .map(([, { label, visual }]) => ({ label, node: { ...visual } })),
    ...entries(MARKINGS)
      .filter(([marking]) => markings.has(marking))
      .map(([, { label, border }]) => ({
        label,
        node: { shape: 'round-rectangle' as const, color: '#FFFFFF', ...border },
      })),
    ...entries(EDGE_VISUALS)
      .filter(([meaning]) => edges.has(meaning))
      .map(([, { label, visual }]) => ({ label, edge: { ...visual } })),
  ];
}
