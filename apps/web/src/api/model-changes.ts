import { diffTopology, type Topology, type TopologyPatch } from '@netmap/model';

/** The ids of the nodes, flows and findings that one update added, changed or removed. */
export interface ModelChange {
  nodes: string[];
  flows: string[];
  findings: string[];
}

/** What a patch touched: its upserts and its removals. */
export function changedByPatch(patch: Pick<TopologyPatch, 'upserts' | 'removals'>): ModelChange {
  return {
    nodes: [...Object.keys(patch.upserts.nodes), ...patch.removals.nodes],
    flows: [...Object.keys(patch.upserts.flows), ...patch.removals.flows],
    findings: [...Object.keys(patch.upserts.findings), ...patch.removals.findings],
  };
}

/** What differs between two topologies, e.g. a model and the snapshot that replaces it after a gap. */
export function changedBetween(before: Topology, after: Topology): ModelChange {
  return changedByPatch(diffTopology(before, after));
}

/** Whether an update touched nothing. */
export function isNoChange(change: ModelChange): boolean {
  return change.nodes.length === 0 && change.flows.length === 0 && change.findings.length === 0;
}
