import type { ExternalDetails, NamespaceDetails, ObjectDetails } from '@netmap/model';
import { formatIp, parseIp, type IpAddress } from './cidr.ts';
import { compareText } from './compare-text.ts';
import { nodeIds } from './derive-topology.ts';
import type { Evaluation } from './evaluation.ts';
import { findingsAbout } from './object-findings.ts';
import { describeIngress, describeService } from './service-details.ts';
import { describePod, describeWorkload } from './workload-details.ts';

/** How flows name the ingress controller (see ingress-controller-flows). */
const INGRESS_CONTROLLER = '{ingress-controller}';

/**
 * What the details panel shows of the topology node `id` (`namespace:shop`,
 * `workload:shop/frontend[Deployment]`, `pod:…`, `service:…`, `ingress:…`, `external:…`); undefined
 * when the evaluation holds no such node. Only names, labels, ports and relations: never env,
 * args, volumes or annotations.
 */
export function describeObject(evaluation: Evaluation, id: string): ObjectDetails | undefined {
  const colon = id.indexOf(':');
  if (colon < 0) return undefined;
  const key = id.slice(colon + 1);
  const { state } = evaluation;
  switch (id.slice(0, colon)) {
    case 'namespace':
      return describeNamespace(evaluation, key);
    case 'workload':
      return describeWorkload(state, evaluation.findings(), key);
    case 'pod':
      return describePod(state, evaluation.findings(), key);
    case 'service':
      return describeService(state, evaluation.findings(), key);
    case 'ingress':
      return describeIngress(state, evaluation.findings(), key);
    case 'external':
      return describeExternal(evaluation, key);
    default:
      return undefined;
  }
}

/** A namespace that holds a Namespace object or pods (the topology's namespaces). */
function describeNamespace(evaluation: Evaluation, name: string): NamespaceDetails | undefined {
  const { state } = evaluation;
  const pods = [...state.pods.values()].filter((pod) => pod.namespace === name);
  const workloads = new Set(
    [...pods, ...state.representatives.values()]
      .filter((pod) => pod.namespace === name)
      .map((pod) => pod.workload),
  );
  if (!state.namespaces.has(name) && workloads.size === 0) return undefined;
  const policyPrefix = `NetworkPolicy ${name}/`;
  return {
    kind: 'namespace',
    id: nodeIds.namespace(name),
    name,
    labels: { ...state.namespaces.labelsOf(name).labels },
    // Its own findings and those of the policies in it, valid or not.
    findings: findingsAbout(
      evaluation.findings(),
      (object) => object === `Namespace ${name}` || object.startsWith(policyPrefix),
    ),
    workloads: workloads.size,
    pods: pods.length,
    policies: [...state.policiesIn(name)].map((policy) => policy.ref).sort(compareText),
  };
}

/**
 * The ingress controller, or a range of outside addresses in the form flows name it. Asking the
 * flows themselves whether they name it would recompute the ingress controller's flows (seconds
 * on a large cluster), so a range is checked by its form: canonical addresses, first before last.
 */
function describeExternal(evaluation: Evaluation, name: string): ExternalDetails | undefined {
  const base = { kind: 'external' as const, id: nodeIds.external(name), name, labels: {}, findings: [] };
  if (name === INGRESS_CONTROLLER) {
    if (evaluation.state.ingressRoutes().length === 0) return undefined;
    return {
      ...base,
      description:
        "The ingress controller: it receives the traffic of the cluster's Ingresses and forwards it to the pods of their Services.",
    };
  }
  const range = readRange(name);
  if (!range) return undefined;
  return {
    ...base,
    description: `Addresses ${range.first} to ${range.last}, outside the cluster (the map splits the outside where the policies' ipBlocks begin and end).`,
    range,
  };
}

/** `first-last[External]` (neither IPv4 nor IPv6 addresses hold a dash), as external-flows writes it. */
function readRange(name: string): { first: string; last: string } | undefined {
  const [, firstText = '', lastText = ''] = /^([^-]+)-([^-]+)\[External\]$/.exec(name) ?? [];
  const first = canonicalIp(firstText);
  const last = canonicalIp(lastText);
  if (!first || !last || first.family !== last.family || first.value > last.value) return undefined;
  return { first: firstText, last: lastText };
}

/** The address `text` stands for, if it is written as flows write addresses. */
function canonicalIp(text: string): IpAddress | undefined {
  const ip = parseIp(text);
  return ip && formatIp(ip.family, ip.value) === text ? ip : undefined;
}
