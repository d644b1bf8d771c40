import type { Reach } from '@netmap/engine';

/** Pods of one workload in a who-can-reach / what-can-this-reach answer. */
export interface ReachGroup {
  workload: string;
  /** The workload's node id on the graph. */
  id: string;
  pods: string[];
  ports: 'all' | string[];
  /** Ports whose answer depends on facts the server could not read. */
  unknownPorts: string[];
}

/** Groups an answer by workload, merging ports, in a stable order. */
export function groupReach(answer: readonly Reach[]): ReachGroup[] {
  const groups = new Map<string, ReachGroup>();
  for (const reach of answer) {
    const group = groups.get(reach.workload) ?? {
      workload: reach.workload,
      id: `workload:${reach.workload}`,
      pods: [],
      ports: [],
      unknownPorts: [],
    };
    group.pods.push(reach.pod);
    group.ports = mergePorts(group.ports, reach.ports);
    group.unknownPorts = [...new Set([...group.unknownPorts, ...reach.unknownPorts])].sort();
    groups.set(reach.workload, group);
  }
  return [...groups.values()].sort((a, b) => a.workload.localeCompare(b.workload));
}

function mergePorts(a: 'all' | string[], b: 'all' | string[]): 'all' | string[] {
  if (a === 'all' || b === 'all') return 'all';
  return [...new Set([...a, ...b])].sort();
}

/** The graph ids an answer covers: its workloads and its pods (shown when a workload is expanded). */
export function reachIds(groups: readonly ReachGroup[]): string[] {
  return groups.flatMap((group) => [group.id, ...group.pods.map((pod) => `pod:${pod}`)]);
}
