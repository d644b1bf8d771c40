import type {
  CanvasEdge,
  CanvasElements,
  CanvasNode,
  EdgeVisual,
  LegendEntry,
  NodeVisual,
} from '../packages/graph-canvas/src/types.ts';
import { Random } from './random.ts';

/** How big a synthetic graph for the browser benchmark is. */
export interface WebGraphSize {
  nodes: number;
  edges: number;
}

const NAMESPACE: NodeVisual = { shape: 'round-rectangle', color: '#94a3b8' };
const KINDS: readonly {
  name: string;
  label: string;
  share: number;
  visual: NodeVisual;
  caption?: (r: Random) => string;
}[] = [
  {
    name: 'deploy',
    label: 'Deployment',
    share: 0.55,
    visual: { shape: 'round-rectangle', color: '#93c5fd', borderColor: '#2563eb' },
    caption: (r) => `${r.int(1, 6)} pods`,
  },
  {
    name: 'svc',
    label: 'Service',
    share: 0.25,
    visual: { shape: 'ellipse', color: '#6ee7b7', borderColor: '#059669' },
  },
  {
    name: 'sts',
    label: 'StatefulSet',
    share: 0.1,
    visual: { shape: 'hexagon', color: '#c4b5fd', borderColor: '#7c3aed' },
    caption: (r) => `${r.int(1, 3)} pods`,
  },
  {
    name: 'ing',
    label: 'Ingress',
    share: 0.1,
    visual: { shape: 'diamond', color: '#fcd34d', borderColor: '#b45309' },
  },
];
const UNPROTECTED: Partial<NodeVisual> = { borderColor: '#dc2626', borderStyle: 'dashed' };
const EXTERNAL: NodeVisual = { shape: 'tag', color: '#fde68a', borderColor: '#92400e' };
const FLOWS: readonly { label: string; share: number; visual: EdgeVisual }[] = [
  { label: 'Allowed by policy', share: 0.6, visual: { color: '#16a34a', lineStyle: 'solid' } },
  { label: 'Allowed, no policy', share: 0.2, visual: { color: '#0284c7', lineStyle: 'dashed' } },
  { label: 'Denied', share: 0.15, visual: { color: '#dc2626', lineStyle: 'dotted', width: 2 } },
  { label: 'Ingress traffic', share: 0.05, visual: { color: '#7c3aed', lineStyle: 'solid', width: 3 } },
];
/** The legend of what the generated graph draws, for its exports. */
export const WEB_GRAPH_LEGEND: LegendEntry[] = [
  { label: 'Namespace', node: NAMESPACE, compound: true },
  ...KINDS.map((kind) => ({ label: kind.label, node: kind.visual })),
  { label: 'External network', node: EXTERNAL },
  { label: 'No NetworkPolicy', node: { shape: 'round-rectangle', color: '#ffffff', ...UNPROTECTED } },
  ...FLOWS.map((flow) => ({ label: flow.label, edge: flow.visual })),
];

const PORTS = ['TCP 80', 'TCP 443', 'TCP 8080', 'TCP 5432', 'UDP 53', 'TCP 9090'];
const TEAMS = ['shop', 'payments', 'search', 'auth', 'media', 'data', 'ops', 'ml'];

/**
 * A graph shaped like a cluster's map: about 50 nodes per namespace box, a few external
 * endpoints outside any, 70% of edges within a namespace; the same seed, the same graph.
 */
export function generateWebGraph(size: WebGraphSize, seed: number): CanvasElements {
  const random = new Random(seed);
  const namespaceCount = Math.max(1, Math.round(size.nodes / 50));
  const nodes: CanvasNode[] = [];
  const members: string[][] = [];
  for (let n = 0; n < namespaceCount; n++) {
    const id = `ns/${TEAMS[n % TEAMS.length]}-${Math.floor(n / TEAMS.length)}`;
    nodes.push({ id, label: id.slice(3), visual: NAMESPACE });
    members.push([]);
  }
  const externals: string[] = [];
  for (let i = 0; nodes.length < size.nodes + namespaceCount; i++) {
    if (random.chance(0.02)) {
      const id = `ext/${i}`;
      nodes.push({ id, label: `10.${random.int(0, 255)}.0.0/16`, visual: EXTERNAL });
      externals.push(id);
      continue;
    }
    const n = i % namespaceCount;
    const kind = pickShare(random, KINDS);
    const id = `${nodes[n]!.id.slice(3)}/${kind.name}-${i}`;
    const visual = random.chance(0.08) ? { ...kind.visual, ...UNPROTECTED } : kind.visual;
    const caption = kind.caption?.(random);
    nodes.push({
      id,
      parent: nodes[n]!.id,
      label: `${kind.name}-${i}`,
      visual,
      ...(caption ? { caption } : {}),
    });
    members[n]!.push(id);
  }
  const everyone = [...members.flat(), ...externals];
  const edges: CanvasEdge[] = [];
  for (let e = 0; e < size.edges; e++) {
    const group = random.pick(members.filter((list) => list.length > 1));
    const source = random.pick(group);
    let target = random.chance(0.7) ? random.pick(group) : random.pick(everyone);
    if (target === source) target = everyone[(everyone.indexOf(source) + 1) % everyone.length]!;
    const flow = pickShare(random, FLOWS);
    const label = random.chance(0.3) ? random.pick(PORTS) : undefined;
    edges.push({ id: `e${e}`, source, target, visual: flow.visual, ...(label ? { label } : {}) });
  }
  return { nodes, edges };
}

function pickShare<T extends { share: number }>(random: Random, items: readonly T[]): T {
  let roll = random.next();
  for (const item of items) {
    roll -= item.share;
    if (roll < 0) return item;
  }
  return items.at(-1)!;
}
