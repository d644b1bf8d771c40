import type { EndpointSlice, Finding } from '@netmap/model';
import { listOf } from '../input-shape.ts';
import type { PodFacts } from '../pod-facts.ts';
import type { ServicePortFacts } from '../services.ts';
import { count, finding, listText, sortedSet } from './finding-text.ts';
import type { FindingScope, ServiceEntry } from './finding-scope.ts';

/**
 * Services that do not reach pods: a selector that selects no pod, a targetPort that the pods do
 * not define, no ready endpoint. Services without a selector are judged by their EndpointSlices
 * alone (someone else manages them); ExternalName Services send to no pod and are left out.
 */
export function serviceWiringFindings(scope: FindingScope): Finding[] {
  const findings: Finding[] = [];
  for (const entry of scope.services()) {
    const { facts } = entry;
    const slices = [...scope.state.endpointSlicesOf(facts.namespace, facts.name)] as EndpointSlice[];
    const ready = slices.length > 0 ? readyEndpoints(slices) : undefined;
    const { hasSelector } = entry;
    const pods = scope.selectedPods(entry);
    if (hasSelector && pods.length === 0) {
      if (!ready) findings.push(selectsNoPod(entry));
      continue;
    }
    for (const port of facts.ports) {
      const problem = targetPortProblem(port, pods);
      if (problem) findings.push(targetPortFinding(entry, port, problem));
    }
    const isReady = ready !== undefined ? ready > 0 : !hasSelector || pods.some((pod) => pod.isReady);
    if (!isReady && !entry.isPublishingNotReady) findings.push(notReady(entry, slices.length > 0, pods));
  }
  return findings;
}

function readyEndpoints(slices: EndpointSlice[]): number {
  return slices
    .flatMap((slice) => listOf<NonNullable<EndpointSlice['endpoints']>[number]>(slice.endpoints))
    .filter((endpoint) => endpoint?.conditions?.ready !== false).length;
}

function selectsNoPod({ facts }: ServiceEntry): Finding {
  const selector = Object.entries(facts.selector ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  return finding({
    id: `service-selects-no-pod:${facts.ref}`,
    severity: 'medium',
    category: 'wiring',
    objects: [`Service ${facts.ref}`],
    message: `Service ${facts.ref}: selector {${selector}} selects no pod in namespace ${facts.namespace}, so it sends traffic nowhere`,
    fix: 'Make the selector match the labels of the pods that serve it (look for a typo), or delete the Service.',
  });
}

type PortProblem = { severity: 'medium' | 'low'; text: string; fix: string };

/** A named targetPort no pod defines leaves the port without endpoints; a number no pod declares may still be listened on. */
function targetPortProblem(port: ServicePortFacts, pods: readonly PodFacts[]): PortProblem | undefined {
  if (pods.length === 0) return undefined;
  const target = port.targetPort;
  const hasPort = (pod: PodFacts, matches: (name: string | undefined, number: number) => boolean) =>
    pod.ports.some((p) => p.protocol === port.protocol && matches(p.name, p.port));
  if (typeof target === 'string' && !/^[0-9]+$/.test(target)) {
    if (pods.some((pod) => hasPort(pod, (name) => name === target))) return undefined;
    return {
      severity: 'medium',
      text: `targetPort "${target}" names no ${port.protocol} container port of the pods it selects, so this port has no endpoints`,
      fix: `Name the pods' container port "${target}", or set targetPort to a port they define.`,
    };
  }
  const number = Number(target);
  // containerPort is informational: judge only pods that declare ports of this protocol at all.
  if (!pods.every((pod) => hasPort(pod, () => true))) return undefined;
  if (pods.some((pod) => hasPort(pod, (_, n) => n === number))) return undefined;
  const declared = sortedSet(
    pods.flatMap((pod) => pod.ports.filter((p) => p.protocol === port.protocol)).map((p) => String(p.port)),
  );
  return {
    severity: 'low',
    text: `no pod it selects declares ${port.protocol} container port ${number} (they declare ${listText(declared)}), so connections fail unless a container listens there undeclared`,
    fix: 'Point targetPort at the port the container listens on (by name, to catch mistakes), or declare that port.',
  };
}

function targetPortFinding({ facts }: ServiceEntry, port: ServicePortFacts, problem: PortProblem): Finding {
  return finding({
    id: `service-target-port:${facts.ref}:${port.protocol}/${port.port}`,
    severity: problem.severity,
    category: 'wiring',
    objects: [`Service ${facts.ref}`],
    message: `Service ${facts.ref} port ${port.protocol} ${port.port}: ${problem.text}`,
    fix: problem.fix,
  });
}

function notReady({ facts }: ServiceEntry, hasSlices: boolean, pods: readonly PodFacts[]): Finding {
  const why = hasSlices
    ? 'its EndpointSlices list no ready endpoint'
    : `none of the ${count(pods.length, 'pod')} it selects is ready`;
  return finding({
    id: `service-no-ready-endpoints:${facts.ref}`,
    severity: 'medium',
    category: 'wiring',
    objects: [`Service ${facts.ref}`],
    message: `Service ${facts.ref} has no ready endpoint: ${why}, so connections to it fail`,
    fix: 'Find out why its pods are not ready (kubectl describe pod), or start some.',
  });
}
