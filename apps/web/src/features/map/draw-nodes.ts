import type { ExternalNode, PodNode, TopologyNode, WorkloadNode } from '@netmap/model';
import type { Grouping } from '../../view-state.ts';
import { canvasIds } from './canvas-ids.ts';
import type { ElementDraft } from './element-draft.ts';
import type { FilteredModel } from './filters.ts';
import { isAllDenied, type ModelIndex } from './model-index.ts';
import {
  ingressCaption,
  nameIn,
  podCaption,
  serviceCaption,
  serviceMeaning,
  serviceProblem,
  workloadCaption,
} from './node-text.ts';
import { INTERNET_ID, outsideRoleOf } from './outside.ts';
import { nodeVisual, type Marking } from './visuals.ts';

/** How one level of detail draws the filtered model. */
export interface DrawPlan {
  index: ModelIndex;
  filtered: FilteredModel;
  grouping: Grouping;
  /** Workloads drawn as boxes holding their pods (grouping by namespace or flat). */
  expanded: ReadonlySet<string>;
}

/** The warning border of a workload (and of its pods) that some direction leaves without policy, or whose policies are unknown. */
export function markingOf(workload: WorkloadNode): Marking | undefined {
  if (workload.policiesUnknown) return 'policies-unknown';
  const { ingress, egress } = workload.isolated;
  if (!ingress && !egress) return 'no-policy';
  if (!ingress) return 'no-ingress-policy';
  return egress ? undefined : 'no-egress-policy';
}

/** Draws every node that passed the filters, in boxes per namespace, per Kubernetes node, or none. */
export function drawNodes(draft: ElementDraft, plan: DrawPlan): void {
  const boxes = new BoxCounter(plan.grouping);
  for (const node of plan.index.nodes) {
    if (plan.filtered.nodes.has(node.id)) drawNode(draft, plan, boxes, node);
  }
  boxes.draw(draft, plan.index);
}

function drawNode(draft: ElementDraft, plan: DrawPlan, boxes: BoxCounter, node: TopologyNode): void {
  const inBox = plan.grouping === 'namespace';
  switch (node.kind) {
    case 'namespace':
      if (inBox) boxes.namespace(node.name);
      return;
    case 'workload': {
      const hasPodsOnNodes = plan.grouping === 'node' && keptPods(plan, node.id).length > 0;
      if (!hasPodsOnNodes) drawWorkload(draft, plan, node, boxes.namespace(node.namespace, 'workloads'));
      return;
    }
    case 'pod':
      return drawPod(draft, plan, boxes, node);
    case 'service': {
      const problem = serviceProblem(plan.index, node);
      draft.addNode({
        id: node.id,
        parent: boxes.namespace(node.namespace, 'services'),
        label: nameIn(node, inBox),
        caption: serviceCaption(node, problem),
        visual: nodeVisual(serviceMeaning(node, problem !== undefined)),
      });
      return;
    }
    case 'ingress':
      draft.addNode({
        id: node.id,
        parent: boxes.namespace(node.namespace, 'ingresses'),
        label: nameIn(node, inBox),
        caption: ingressCaption(node),
        visual: nodeVisual('ingress'),
      });
      return;
    case 'external':
      return drawOutside(draft, node);
  }
}

function keptPods(plan: DrawPlan, workload: string): PodNode[] {
  return (plan.index.podsByWorkload.get(workload) ?? []).filter((pod) => plan.filtered.nodes.has(pod.id));
}

function drawWorkload(
  draft: ElementDraft,
  plan: DrawPlan,
  workload: WorkloadNode,
  parent: string | undefined,
): void {
  const isDenied = isAllDenied(plan.index, workload);
  draft.addNode({
    id: workload.id,
    ...(parent ? { parent } : {}),
    label: nameIn(workload, plan.grouping === 'namespace'),
    caption: workloadCaption(workload),
    visual: nodeVisual(
      isDenied ? 'workload-all-denied' : 'workload',
      isDenied ? undefined : markingOf(workload),
    ),
  });
}

function drawPod(draft: ElementDraft, plan: DrawPlan, boxes: BoxCounter, pod: PodNode): void {
  const workload = plan.index.model.nodes[pod.workload];
  const onNodes = plan.grouping === 'node';
  if (!onNodes && !(plan.expanded.has(pod.workload) && plan.filtered.nodes.has(pod.workload))) return;
  const isDenied = workload?.kind === 'workload' && isAllDenied(plan.index, workload);
  const marking = workload?.kind === 'workload' && !isDenied ? markingOf(workload) : undefined;
  draft.addNode({
    id: pod.id,
    parent: onNodes ? boxes.k8sNode(pod.nodeName) : pod.workload,
    label: onNodes ? nameIn(pod, false) : pod.name,
    caption: podCaption(pod, !onNodes),
    visual: nodeVisual(isDenied ? 'pod-all-denied' : 'pod', marking),
  });
}

/** Draws a node of the outside: the Internet (shared by the pieces no policy names), a CIDR, the ingress controller. */
export function drawOutside(draft: ElementDraft, node: ExternalNode): void {
  const role = outsideRoleOf(node);
  if (role.kind === 'internet') {
    drawInternet(draft);
    draft.addMember(INTERNET_ID, node.id);
    return;
  }
  if (role.kind === 'cidr')
    draft.addNode({ id: node.id, label: role.cidr, caption: 'IP range', visual: nodeVisual('cidr') });
  else if (role.kind === 'ingress-controller')
    draft.addNode({
      id: node.id,
      label: 'Ingress controller',
      caption: 'serves the Ingresses',
      visual: nodeVisual('ingress-controller'),
    });
  else
    draft.addNode({
      id: node.id,
      label: role.label,
      caption: 'outside the cluster',
      visual: nodeVisual('outside-other'),
    });
}

/** The Internet node, from which flows of unnamed addresses and exposures start. */
export function drawInternet(draft: ElementDraft): void {
  draft.addNode({
    id: INTERNET_ID,
    label: 'Internet',
    caption: 'outside the cluster',
    visual: nodeVisual('internet'),
  });
}

const SINGULAR = { workloads: 'workload', services: 'service', ingresses: 'ingress' };

/** The boxes that hold nodes (namespaces or Kubernetes nodes), with counts of what they hold for captions. */
class BoxCounter {
  private readonly namespaces = new Map<string, Map<string, number>>();
  private readonly k8sNodes = new Map<string, { name: string | undefined; pods: number }>();

  constructor(private readonly grouping: Grouping) {}

  /** The namespace box's id (undefined unless grouping by namespace), counting one more of `what`. */
  namespace(name: string, what?: string): string | undefined {
    if (this.grouping !== 'namespace') return undefined;
    const counts = this.namespaces.get(name) ?? new Map<string, number>();
    if (what) counts.set(what, (counts.get(what) ?? 0) + 1);
    this.namespaces.set(name, counts);
    return `namespace:${name}`;
  }

  /** The Kubernetes node box's id, counting one more pod. */
  k8sNode(name: string | undefined): string {
    const id = canvasIds.k8sNode(name);
    const box = this.k8sNodes.get(id) ?? { name, pods: 0 };
    box.pods++;
    this.k8sNodes.set(id, box);
    return id;
  }

  draw(draft: ElementDraft, index: ModelIndex): void {
    for (const [name, counts] of this.namespaces) {
      const caption = Object.entries(SINGULAR)
        .filter(([what]) => counts.has(what))
        .map(([what, one]) => `${counts.get(what)} ${counts.get(what) === 1 ? one : what}`)
        .join(' · ');
      const id = `namespace:${name}`;
      const known = index.model.nodes[id];
      draft.addNode({
        id,
        label: known?.name ?? name,
        ...(caption ? { caption } : {}),
        visual: nodeVisual('namespace'),
      });
    }
    for (const [id, { name, pods }] of this.k8sNodes) {
      draft.addNode({
        id,
        label: name ?? 'Not scheduled',
        caption: `${pods} pod${pods === 1 ? '' : 's'}`,
        visual: nodeVisual('k8s-node'),
      });
    }
  }
}
