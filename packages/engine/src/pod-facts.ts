import type { ContainerPort, Pod, PodSpec, Protocol } from '@netmap/model';
import { parseIp, type IpAddress } from './cidr.ts';
import type { Labels } from './label-selector.ts';
import { isNotObject, listOf } from './input-shape.ts';

/** A container port with its protocol defaulted. */
export interface PortFact {
  name?: string;
  port: number;
  protocol: Protocol;
}

/** What the engine knows of a pod. */
export interface PodFacts {
  /** `namespace/name`. */
  ref: string;
  namespace: string;
  name: string;
  labels: Labels;
  ips: IpAddress[];
  ports: readonly PortFact[];
  /** hostNetwork pods share the node's network namespace; NetworkPolicy does not apply to them. */
  hostNetwork: boolean;
  /**
   * Takes part in flows: not finished (Succeeded/Failed) and not waiting for an IP. A pod written
   * without any status (a manifest not yet applied) is taken as it will run, without a known IP.
   */
  isActive: boolean;
  /** Ready for Service traffic (no status: assumed ready once it runs). */
  isReady: boolean;
  /** Stands for the pods a workload will create, built from its pod template. */
  representative: boolean;
  /** `namespace/name[Kind]` of the top owner (the pod itself, `[Pod]`, when it has none). */
  workload: string;
  /** The controlling owner named by ownerReferences, if any. */
  owner?: { kind: string; name: string };
  nodeName?: string;
  /** Parts of the object the engine could not read (e.g. a container port with an unknown protocol). */
  problems: string[];
}

const PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];

/** Reads a Pod object into facts. */
export function readPod(pod: Pod, namespace: string): PodFacts {
  const name = pod.metadata?.name ?? '';
  const status = pod.status;
  const ips = podIps(status);
  const phase = status?.phase;
  const isFinished = phase === 'Succeeded' || phase === 'Failed';
  const isActive = !isFinished && (status === undefined || ips.length > 0);
  const { ports, problems } = readPorts(pod.spec);
  const ready = listOf<{ type?: string; status?: string }>(status?.conditions).find(
    (c) => c?.type === 'Ready',
  );
  const controller = controllerOf(pod.metadata?.ownerReferences);
  const facts: PodFacts = {
    ref: `${namespace}/${name}`,
    namespace,
    name,
    labels: stringLabels(pod.metadata?.labels),
    ips,
    ports,
    hostNetwork: pod.spec?.hostNetwork === true,
    isActive,
    isReady: isActive && (status === undefined || (ready ? ready.status === 'True' : phase === 'Running')),
    representative: false,
    workload: `${namespace}/${name}[Pod]`,
    problems,
  };
  if (controller?.kind && controller.name) facts.owner = { kind: controller.kind, name: controller.name };
  if (pod.spec?.nodeName) facts.nodeName = pod.spec.nodeName;
  return facts;
}

function podIps(status: Pod['status']): IpAddress[] {
  const texts = new Set<string>();
  if (typeof status?.podIP === 'string') texts.add(status.podIP);
  for (const entry of listOf<{ ip?: unknown }>(status?.podIPs))
    if (typeof entry?.ip === 'string') texts.add(entry.ip);
  return [...texts].map(parseIp).filter((ip): ip is IpAddress => ip !== undefined);
}

/** Container ports of every container (and of sidecar init containers, which keep running). */
export function readPorts(spec: PodSpec | undefined): { ports: readonly PortFact[]; problems: string[] } {
  const ports: PortFact[] = [];
  const problems: string[] = [];
  for (const container of listOf<NonNullable<PodSpec['containers']>[number]>(spec?.containers)) {
    readContainerPorts(container, ports, problems);
  }
  for (const container of listOf<NonNullable<PodSpec['initContainers']>[number]>(spec?.initContainers)) {
    if (container?.restartPolicy === 'Always') readContainerPorts(container, ports, problems);
  }
  return { ports: internPorts(ports), problems: problems.length > 0 ? problems : NO_PROBLEMS };
}

const NO_PROBLEMS: string[] = [];

function readContainerPorts(
  container: { name?: string; ports?: ContainerPort[] } | null | undefined,
  ports: PortFact[],
  problems: string[],
): void {
  for (const port of listOf<ContainerPort>(container?.ports)) {
    const fact = readPort(port);
    if (typeof fact === 'string') problems.push(`container ${container?.name ?? '?'}: ${fact}`);
    else ports.push(fact);
  }
}

/** The pods of a workload declare the same ports: share one list between them (less memory, less GC). */
const internedPorts = new Map<string, readonly PortFact[]>();

function internPorts(ports: PortFact[]): readonly PortFact[] {
  let key = '';
  for (const p of ports) key += `${p.name ?? ''}:${p.port}/${p.protocol},`;
  const shared = internedPorts.get(key);
  if (shared) return shared;
  if (internedPorts.size > 100_000) internedPorts.clear();
  internedPorts.set(key, ports);
  return ports;
}

function readPort(port: ContainerPort | null | undefined): PortFact | string {
  const number = port?.containerPort;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 65535) {
    return `containerPort ${String(number)} is not a port number`;
  }
  const protocol = port?.protocol ?? 'TCP';
  if (!PROTOCOLS.includes(protocol)) return `port ${number}: protocol "${protocol}" is not TCP, UDP or SCTP`;
  const fact: PortFact = { port: number, protocol: protocol as Protocol };
  if (typeof port?.name === 'string' && port.name !== '') fact.name = port.name;
  return fact;
}

/** Labels with non-string values dropped (the API server would reject them). */
export function stringLabels(labels: Record<string, unknown> | undefined): Labels {
  if (labels === undefined || labels === null || isNotObject(labels)) return {};
  // Labels are almost always well-formed: keep the object itself rather than copy it.
  if (Object.values(labels).every((value) => typeof value === 'string')) return labels as Labels;
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) if (typeof value === 'string') result[key] = value;
  return result;
}

/** The controlling owner reference, else the first one. */
export function controllerOf(references: unknown): { kind?: string; name?: string } | undefined {
  const list = listOf<{ kind?: string; name?: string; controller?: boolean }>(references);
  return list.find((o) => o?.controller) ?? list[0];
}
