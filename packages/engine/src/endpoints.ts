import type { EndpointRef } from '@netmap/model';
import { parseIp } from './cidr.ts';
import type { ClusterState } from './cluster-state.ts';
import type { ExplainedParty } from './explain-connection.ts';
import type { PodFacts } from './pod-facts.ts';

/** What a query names as one end of a connection. */
export type EndpointSpec =
  | { kind: 'pod'; ref: string }
  | { kind: 'workload'; ref: string }
  | { kind: 'service'; ref: string }
  | { kind: 'ip'; ip: string }
  | { kind: 'ingress'; host: string; path: string };

/** A query the engine cannot answer as asked (unknown object, pod without IP, …). */
export class QueryError extends Error {}

/**
 * Reads the CLI's and API's textual form of an endpoint: `ns/name` (pod), `ns/name[Kind]` (workload),
 * `svc/ns/name` or `service/ns/name`, `pod/ns/name`, an IP address, or `ingress/host/path`.
 */
export function parseEndpoint(text: string): EndpointSpec {
  const trimmed = text.trim();
  if (parseIp(trimmed)) return { kind: 'ip', ip: trimmed };
  const [prefix, ...rest] = trimmed.split('/');
  const tail = rest.join('/');
  if ((prefix === 'svc' || prefix === 'service') && rest.length === 2) return { kind: 'service', ref: tail };
  if (prefix === 'pod' && rest.length === 2) return { kind: 'pod', ref: tail };
  if (prefix === 'ingress' && rest.length >= 1) {
    const [host = '', ...path] = rest;
    return { kind: 'ingress', host, path: `/${path.join('/')}` };
  }
  if (/^[^/]+\/[^/[\]]+\[[A-Za-z]+\]$/.test(trimmed)) return { kind: 'workload', ref: trimmed };
  if (/^[^/]+\/[^/]+$/.test(trimmed)) return { kind: 'pod', ref: trimmed };
  throw new QueryError(
    `"${text}" is not an endpoint: use ns/pod, ns/name[Kind], svc/ns/name, ingress/host/path or an IP address`,
  );
}

/** The explanation's name for a pod. */
function podEndpointRef(pod: PodFacts): EndpointRef {
  return {
    kind: 'pod',
    pod: pod.ref,
    workload: pod.workload,
    ips: pod.ips.map((ip) => ip.text),
    hostNetwork: pod.hostNetwork,
    representative: pod.representative,
  };
}

/** A pod as a party to a connection; undefined when it takes part in no flow. */
export function podParty(state: ClusterState, pod: PodFacts): ExplainedParty | undefined {
  const podClass = state.classes.classOf(pod);
  return podClass ? { party: { kind: 'pod', podClass }, ref: podEndpointRef(pod) } : undefined;
}

/** The pods a pod or workload endpoint stands for; an error that says why when there are none. */
export function resolvePods(state: ClusterState, spec: EndpointSpec): PodFacts[] {
  if (spec.kind === 'pod') {
    const pod = state.pods.get(spec.ref) ?? state.representatives.get(spec.ref);
    if (!pod) throw new QueryError(`no pod ${spec.ref}`);
    if (!pod.isActive)
      throw new QueryError(`pod ${spec.ref} takes part in no flow: it has no IP or has finished`);
    return [pod];
  }
  if (spec.kind === 'workload') {
    const pods = [...state.activePods()].filter((pod) => pod.workload === spec.ref);
    if (pods.length === 0) throw new QueryError(`no active pod of workload ${spec.ref}`);
    return pods;
  }
  if (spec.kind === 'ip') {
    const ip = parseIp(spec.ip);
    const pod = [...state.activePods()].find((p) =>
      p.ips.some((own) => own.value === ip?.value && own.family === ip?.family),
    );
    return pod ? [pod] : [];
  }
  return [];
}
