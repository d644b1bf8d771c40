import type {
  ContainerPortDetails,
  Finding,
  OwnerRef,
  PodDetails,
  WorkloadDetails,
  WorkloadPod,
} from '@netmap/model';
import type { ClusterState } from './cluster-state.ts';
import { nodeIds } from './derive-topology.ts';
import { findingsAbout } from './object-findings.ts';
import type { PodFacts } from './pod-facts.ts';
import { mergePolicySelections, selectingPolicies } from './policy-selection.ts';
import { servicesInFront } from './service-details.ts';

/** `namespace/name[Kind]` read back into its parts; undefined for any other form. */
export function parseWorkloadRef(ref: string): { namespace: string; name: string; kind: string } | undefined {
  const match = /^([^/]+)\/([^/]+)\[([A-Za-z]+)\]$/.exec(ref);
  if (!match) return undefined;
  return { namespace: match[1]!, name: match[2]!, kind: match[3]! };
}

/** A workload `namespace/name[Kind]`: its pods (or its pod template), ports, Services and policies. */
export function describeWorkload(
  state: ClusterState,
  findings: readonly Finding[],
  ref: string,
): WorkloadDetails | undefined {
  const parts = parseWorkloadRef(ref);
  const pods = [...state.pods.values()].filter((pod) => pod.workload === ref);
  const template = state.representatives.get(ref);
  const members = pods.length > 0 ? pods : template ? [template] : [];
  if (!parts || members.length === 0) return undefined;
  // Policies as flows see them: those of the pods that take part; a finished Job's pods still tell.
  const active = members.filter((pod) => pod.isActive);
  const selection = mergePolicySelections(
    (active.length > 0 ? active : members).map((pod) => selectingPolicies(state, pod)),
  );
  const concerns = new Set([
    `workload ${ref}`,
    `${parts.kind} ${parts.namespace}/${parts.name}`,
    ...pods.map((pod) => `Pod ${pod.ref}`),
    ...policyNames(selection.policies),
  ]);
  return {
    kind: 'workload',
    id: nodeIds.workload(ref),
    name: parts.name,
    namespace: parts.namespace,
    labels: { ...members[0]!.labels },
    findings: findingsAbout(findings, (object) => concerns.has(object)),
    workloadKind: parts.kind,
    isTemplate: pods.length === 0,
    pods: pods.map(workloadPod),
    ports: distinctPorts(members),
    hostNetwork: members.some((pod) => pod.hostNetwork),
    services: servicesInFront(state, parts.namespace, (pod) => pod.workload === ref),
    ...selection,
  };
}

/** A Pod `namespace/name`: where it runs, what owns it, its ports, Services and policies. */
export function describePod(
  state: ClusterState,
  findings: readonly Finding[],
  ref: string,
): PodDetails | undefined {
  const pod = state.pods.get(ref);
  if (!pod) return undefined;
  const selection = selectingPolicies(state, pod);
  const concerns = new Set([`Pod ${pod.ref}`, ...policyNames(selection.policies)]);
  const details: PodDetails = {
    kind: 'pod',
    id: nodeIds.pod(pod.ref),
    name: pod.name,
    namespace: pod.namespace,
    labels: { ...pod.labels },
    findings: findingsAbout(findings, (object) => concerns.has(object)),
    workload: nodeIds.workload(pod.workload),
    ownerChain: ownerChainOf(pod),
    ips: pod.ips.map((ip) => ip.text),
    isActive: pod.isActive,
    isReady: pod.isReady,
    hostNetwork: pod.hostNetwork,
    ports: distinctPorts([pod]),
    services: servicesInFront(state, pod.namespace, (backend) => backend === pod),
    ...selection,
  };
  if (pod.nodeName) details.nodeName = pod.nodeName;
  return details;
}

/**
 * From the pod's controlling owner to its top workload. Kubernetes' own chains are at most two
 * steps (ReplicaSet → Deployment, Job → CronJob), which the pod's facts hold.
 */
function ownerChainOf(pod: PodFacts): OwnerRef[] {
  const chain: OwnerRef[] = pod.owner ? [{ ...pod.owner }] : [];
  const top = parseWorkloadRef(pod.workload);
  const isOwner = top && pod.owner?.kind === top.kind && pod.owner.name === top.name;
  if (top && top.kind !== 'Pod' && !isOwner) chain.push({ kind: top.kind, name: top.name });
  return chain;
}

function workloadPod(pod: PodFacts): WorkloadPod {
  const entry: WorkloadPod = {
    id: nodeIds.pod(pod.ref),
    name: pod.name,
    ips: pod.ips.map((ip) => ip.text),
    isActive: pod.isActive,
    isReady: pod.isReady,
  };
  if (pod.nodeName) entry.nodeName = pod.nodeName;
  if (pod.owner) entry.owner = { ...pod.owner };
  return entry;
}

function distinctPorts(pods: readonly PodFacts[]): ContainerPortDetails[] {
  const byKey = new Map<string, ContainerPortDetails>();
  for (const pod of pods) {
    for (const port of pod.ports) byKey.set(`${port.name ?? ''}:${port.port}/${port.protocol}`, { ...port });
  }
  return [...byKey.values()];
}

function policyNames(policies: { ingress: string[]; egress: string[] }): string[] {
  return [...policies.ingress, ...policies.egress].map((ref) => `NetworkPolicy ${ref}`);
}
