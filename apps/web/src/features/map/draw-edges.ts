import type { IngressNode, ServiceNode, TopologyFlow } from '@netmap/model';
import { canvasIds } from './canvas-ids.ts';
import type { DrawPlan } from './draw-nodes.ts';
import { drawInternet } from './draw-nodes.ts';
import type { ElementDraft } from './element-draft.ts';
import { backendPods, routeServiceId } from './model-index.ts';
import { INTERNET_ID, outsideCanvasId } from './outside.ts';
import { exposureLabel, routesLabel } from './node-text.ts';
import { mergePorts, portsLabel, type Ports } from './port-list.ts';
import { edgeVisual } from './visuals.ts';

interface MergedFlow {
  verdict: TopologyFlow['verdict'];
  source: string;
  target: string;
  ports: Ports[];
}

/** Flows that land on the same two drawn nodes with one verdict become one edge, their ports merged. */
export class FlowMerger {
  private readonly merged = new Map<string, MergedFlow>();

  add(draft: ElementDraft, flow: TopologyFlow, source: string, target: string): void {
    const id = canvasIds.flow(flow.verdict, source, target);
    const entry = this.merged.get(id) ?? { verdict: flow.verdict, source, target, ports: [] };
    entry.ports.push(flow.ports);
    this.merged.set(id, entry);
    draft.addMember(id, flow.id);
  }

  draw(draft: ElementDraft): void {
    for (const [id, { verdict, source, target, ports }] of this.merged) {
      draft.addEdge({
        id,
        source,
        target,
        label: portsLabel(mergePorts(ports)),
        visual: edgeVisual(verdict === 'allowed' ? 'flow-allowed' : 'flow-unknown'),
      });
    }
  }
}

/** The drawn nodes a flow's end stands on: the workload, its pods (grouping by node), or the outside's node. */
export function flowEndsOf(plan: DrawPlan, draft: ElementDraft, id: string): string[] {
  const node = plan.index.model.nodes[id];
  if (node?.kind === 'external') return [outsideCanvasId(node)];
  if (plan.grouping !== 'node' || draft.hasNode(id)) return [id];
  return (plan.index.podsByWorkload.get(id) ?? []).map((pod) => pod.id).filter((pod) => draft.hasNode(pod));
}

/** Draws the flows that passed the filters between the nodes drawn. */
export function drawFlows(draft: ElementDraft, plan: DrawPlan): void {
  const merger = new FlowMerger();
  for (const flow of plan.filtered.flows) {
    const targets = flowEndsOf(plan, draft, flow.to);
    for (const source of flowEndsOf(plan, draft, flow.from))
      for (const target of targets) merger.add(draft, flow, source, target);
  }
  merger.draw(draft);
}

/** Service → the pods behind it (or their workloads), Ingress → Service, and the outside → what it exposes. */
export function drawServiceEdges(draft: ElementDraft, plan: DrawPlan, showOutside: boolean): void {
  const exposed: (ServiceNode | IngressNode)[] = [];
  for (const node of plan.index.nodes) {
    if (!draft.hasNode(node.id)) continue;
    if (node.kind === 'service') {
      drawBackends(draft, plan, node);
      if (node.serviceType === 'NodePort' || node.serviceType === 'LoadBalancer') exposed.push(node);
    } else if (node.kind === 'ingress') {
      drawRoutes(draft, node);
      exposed.push(node);
    }
  }
  if (!showOutside || exposed.length === 0) return;
  drawInternet(draft);
  for (const target of exposed)
    draft.addEdge({
      id: canvasIds.exposure(target.id),
      source: INTERNET_ID,
      target: target.id,
      label: exposureLabel(target),
      visual: edgeVisual('exposure'),
    });
}

function drawBackends(draft: ElementDraft, plan: DrawPlan, service: ServiceNode): void {
  for (const pod of backendPods(plan.index, service)) {
    if (!plan.filtered.nodes.has(pod.id)) continue;
    const target = draft.hasNode(pod.id) ? pod.id : pod.workload;
    draft.addEdge({
      id: canvasIds.backend(service.id, target),
      source: service.id,
      target,
      visual: edgeVisual('service-backend'),
    });
  }
}

function drawRoutes(draft: ElementDraft, ingress: IngressNode): void {
  const byService = new Map<string, IngressNode['routes']>();
  for (const route of ingress.routes) {
    const service = routeServiceId(ingress.namespace, route.service);
    byService.set(service, [...(byService.get(service) ?? []), route]);
  }
  for (const [service, routes] of byService)
    draft.addEdge({
      id: canvasIds.route(ingress.id, service),
      source: ingress.id,
      target: service,
      label: routesLabel(routes),
      visual: edgeVisual('ingress-route'),
    });
}
