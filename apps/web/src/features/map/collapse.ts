import type { TopologyNode } from '@netmap/model';
import { canvasIds } from './canvas-ids.ts';
import { drawInternet, drawOutside, markingOf } from './draw-nodes.ts';
import { FlowMerger } from './draw-edges.ts';
import { ElementDraft } from './element-draft.ts';
import type { FilteredModel } from './filters.ts';
import { namespaceOf, type ModelIndex } from './model-index.ts';
import { INTERNET_ID, outsideCanvasId } from './outside.ts';
import { edgeVisual, nodeVisual } from './visuals.ts';

interface NamespaceCounts {
  workloads: number;
  pods: number;
  services: number;
  ingresses: number;
  unprotected: number;
  exposed: number;
}

const COUNT_WORDS: [keyof NamespaceCounts, string, string][] = [
  ['workloads', 'workload', 'workloads'],
  ['pods', 'pod', 'pods'],
  ['services', 'service', 'services'],
  ['ingresses', 'ingress', 'ingresses'],
  ['unprotected', 'unprotected', 'unprotected'],
];

/**
 * The map at namespace level, for when the workloads are too many to draw: one node per namespace
 * with counts, the outside as usual, flows merged between them, and the exposures to each namespace.
 */
export function drawNamespaceLevel(index: ModelIndex, filtered: FilteredModel): ElementDraft {
  const draft = new ElementDraft();
  const counts = new Map<string, NamespaceCounts>();
  for (const node of index.nodes) {
    if (!filtered.nodes.has(node.id)) continue;
    if (node.kind === 'external') {
      drawOutside(draft, node);
      continue;
    }
    const namespace = namespaceOf(node)!;
    const entry = counts.get(namespace) ?? {
      workloads: 0,
      pods: 0,
      services: 0,
      ingresses: 0,
      unprotected: 0,
      exposed: 0,
    };
    count(entry, node);
    counts.set(namespace, entry);
    if (node.kind !== 'pod' && node.kind !== 'namespace')
      draft.addMember(canvasIds.aggregate(namespace), node.id);
  }
  for (const [namespace, entry] of counts) {
    const caption = COUNT_WORDS.filter(([key]) => entry[key] > 0)
      .map(([key, one, many]) => `${entry[key]} ${entry[key] === 1 ? one : many}`)
      .join(' · ');
    draft.addNode({
      id: canvasIds.aggregate(namespace),
      label: namespace,
      caption,
      visual: nodeVisual('aggregate'),
    });
  }
  const merger = new FlowMerger();
  const endOf = (id: string) => {
    const node = index.model.nodes[id];
    if (!node) return id;
    return node.kind === 'external' ? outsideCanvasId(node) : canvasIds.aggregate(namespaceOf(node)!);
  };
  for (const flow of filtered.flows) merger.add(draft, flow, endOf(flow.from), endOf(flow.to));
  merger.draw(draft);
  drawExposures(draft, counts);
  return draft;
}

function count(entry: NamespaceCounts, node: TopologyNode): void {
  if (node.kind === 'workload') {
    entry.workloads++;
    if (markingOf(node)) entry.unprotected++;
  } else if (node.kind === 'pod') entry.pods++;
  else if (node.kind === 'service') {
    entry.services++;
    if (node.serviceType === 'NodePort' || node.serviceType === 'LoadBalancer') entry.exposed++;
  } else if (node.kind === 'ingress') {
    entry.ingresses++;
    entry.exposed++;
  }
}

function drawExposures(draft: ElementDraft, counts: Map<string, NamespaceCounts>): void {
  for (const [namespace, { exposed }] of counts) {
    if (exposed === 0) continue;
    drawInternet(draft);
    const target = canvasIds.aggregate(namespace);
    draft.addEdge({
      id: canvasIds.exposure(target),
      source: INTERNET_ID,
      target,
      label: `${exposed} exposed`,
      visual: edgeVisual('exposure'),
    });
  }
}

/** The map at Kubernetes node level: one node per Kubernetes node, with its pod count. */
export function drawK8sNodeLevel(index: ModelIndex, filtered: FilteredModel): ElementDraft {
  const draft = new ElementDraft();
  const pods = new Map<string, { name: string | undefined; count: number }>();
  for (const node of index.nodes) {
    if (node.kind !== 'pod' || !filtered.nodes.has(node.id)) continue;
    const id = canvasIds.k8sNode(node.nodeName);
    const entry = pods.get(id) ?? { name: node.nodeName, count: 0 };
    entry.count++;
    pods.set(id, entry);
    draft.addMember(id, node.id);
  }
  for (const [id, { name, count }] of pods)
    draft.addNode({
      id,
      label: name ?? 'Not scheduled',
      caption: `${count} pod${count === 1 ? '' : 's'}`,
      visual: nodeVisual('k8s-node-aggregate'),
    });
  return draft;
}
