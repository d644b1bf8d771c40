import type { FlowLevel, Topology, TopologyFlow, TopologyNode } from '@netmap/model';
import type { Evaluation } from './evaluation.ts';
import type { IngressRoute } from './ingress-routes.ts';
import type { NamespaceMembers } from './namespace-members.ts';
import { pairEnds, type PortUnion } from './flow-pairs.ts';
import { PortSet } from './port-set.ts';
import type { ChangeTracker } from './topology-change.ts';
import { externalNode, flowKey, pairEndId, topologyFlow, type FlowVerdict } from './topology-flows.ts';
import { deriveNamespaceNodes } from './topology-nodes.ts';

/**
 * Writes re-derived parts into a topology, entry by entry, only where they differ: the nodes of
 * some namespaces, the flows of one pair of ends, the findings. Keeps the outside's nodes while a
 * flow uses them.
 */
export class TopologyWriter {
  private readonly nodeIds = new Map<string, Set<string>>();
  private readonly externalUses = new Map<string, number>();

  constructor(
    private readonly topology: Topology,
    private readonly level: FlowLevel,
  ) {}

  /** Re-derives the nodes of the touched namespaces (all: every namespace). */
  writeNodes(
    evaluation: Evaluation,
    touched: 'all' | ReadonlySet<string>,
    routes: readonly IngressRoute[],
    members: NamespaceMembers,
    tracker: ChangeTracker,
  ): void {
    if (touched !== 'all' && touched.size === 0) return;
    const namespaces = touched === 'all' ? undefined : touched;
    const derived = deriveNamespaceNodes(evaluation, namespaces, routes, members);
    for (const namespace of namespaces ?? new Set([...this.nodeIds.keys(), ...derived.keys()]))
      this.writeNamespace(namespace, derived.get(namespace) ?? [], tracker);
  }

  /** Writes the flows (allowed, and unknown beyond allowed) of one pair of ends; none removes them. */
  writeFlowPair(key: string, union: PortUnion | undefined, tracker: ChangeTracker): void {
    const [fromEnd, toEnd] = pairEnds(key);
    const from = pairEndId(fromEnd, this.level);
    const to = pairEndId(toEnd, this.level);
    const allowed = union?.allowed ?? PortSet.EMPTY;
    this.writeFlow('allowed', from, to, allowed, tracker);
    this.writeFlow('unknown', from, to, (union?.unknown ?? PortSet.EMPTY).subtract(allowed), tracker);
  }

  /** Re-derives every finding. */
  writeFindings(evaluation: Evaluation, tracker: ChangeTracker): void {
    const findings = new Map(evaluation.findings().map((finding) => [finding.id, finding]));
    for (const id of Object.keys(this.topology.findings))
      if (!findings.has(id)) tracker.delete('findings', id);
    for (const [id, finding] of findings)
      if (!isSameJson(this.topology.findings[id], finding)) tracker.set('findings', id, finding);
  }

  private writeNamespace(namespace: string, nodes: readonly TopologyNode[], tracker: ChangeTracker): void {
    const before = this.nodeIds.get(namespace) ?? new Set<string>();
    const now = new Set<string>();
    for (const node of nodes) {
      now.add(node.id);
      if (!isSameJson(this.topology.nodes[node.id], node)) tracker.set('nodes', node.id, node);
    }
    for (const id of before) if (!now.has(id)) tracker.delete('nodes', id);
    if (now.size > 0) this.nodeIds.set(namespace, now);
    else this.nodeIds.delete(namespace);
  }

  private writeFlow(verdict: FlowVerdict, from: string, to: string, ports: PortSet, tracker: ChangeTracker) {
    const id = `${verdict}:${from}>${to}`;
    const current = this.topology.flows[id];
    if (ports.isEmpty()) {
      if (!current) return;
      tracker.delete('flows', id);
      this.useEnds(current, -1, tracker);
      return;
    }
    const flow = topologyFlow(verdict, from, to, ports);
    if (current && flowKey(current) === flowKey(flow)) return;
    tracker.set('flows', id, flow);
    if (!current) this.useEnds(flow, 1, tracker);
  }

  private useEnds(flow: TopologyFlow, delta: 1 | -1, tracker: ChangeTracker): void {
    for (const end of new Set([flow.from, flow.to])) {
      if (!end.startsWith('external:')) continue;
      const uses = (this.externalUses.get(end) ?? 0) + delta;
      if (uses > 0) this.externalUses.set(end, uses);
      else this.externalUses.delete(end);
      if (delta > 0 && uses === 1) tracker.set('nodes', end, externalNode(end));
      if (uses === 0) tracker.delete('nodes', end);
    }
  }
}

function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
