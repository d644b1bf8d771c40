import type { OwnerReference, Pod } from '@netmap/model';
import type { ClusterNode } from './cluster-network.ts';
import type { GenerationContext } from './generation-context.ts';
import type { GeneratedPodSpec } from './workload-templates.ts';

/** What a pod's phase is; Pending pods have no IP yet, Succeeded ones (finished Jobs) keep theirs. */
export type PodPhase = 'Running' | 'Pending' | 'Succeeded';

/** A pod to create, as its controller would. */
export interface PodRequest {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  spec: GeneratedPodSpec;
  owner: OwnerReference;
  phase: PodPhase;
  /** Schedule on this node (DaemonSets); any node with room otherwise. */
  node?: ClusterNode;
}

/** A Pod object as the API server returns it, with status, owner and pod IP; counts against the budget. */
export function createPod(context: GenerationContext, request: PodRequest): Pod {
  const { network, random } = context;
  context.podBudget--;
  const hostNetwork = request.spec.hostNetwork === true;
  const node = request.node ?? network.pickNode();
  const podIp = request.phase === 'Pending' ? undefined : hostNetwork ? node.ip : network.podIpOn(node);
  const metrics = request.spec.containers[0]?.ports.find((p) => p.name === 'metrics');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: request.name,
      namespace: request.namespace,
      uid: random.uid(),
      resourceVersion: String(random.int(1_000_000, 99_999_999)),
      labels: request.labels,
      annotations: metrics
        ? { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(metrics.containerPort) }
        : {},
      ownerReferences: [{ ...request.owner, controller: true }],
    },
    // Pending pods in this cluster are unschedulable: no node, no IP.
    spec: request.phase === 'Pending' ? request.spec : { ...request.spec, nodeName: node.name },
    status: statusOf(request.phase, podIp, node.ip),
  };
}

function statusOf(phase: PodPhase, podIp: string | undefined, hostIp: string): Pod['status'] {
  if (phase === 'Pending' || podIp === undefined) {
    return { phase, conditions: [{ type: 'PodScheduled', status: 'False' }] };
  }
  const ready = phase === 'Running' ? 'True' : 'False';
  return {
    phase,
    podIP: podIp,
    podIPs: [{ ip: podIp }],
    hostIP: hostIp,
    conditions: [
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: ready },
      { type: 'ContainersReady', status: ready },
      { type: 'PodScheduled', status: 'True' },
    ],
  };
}
