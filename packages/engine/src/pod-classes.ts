import type { IpAddress } from './cidr.ts';
import type { CompiledPolicy } from './compile-policy.ts';
import type { ClassProjection } from './class-projection.ts';
import { selects, type Labels } from './label-selector.ts';
import type { PodFacts, PortFact } from './pod-facts.ts';

/**
 * Pods that NetworkPolicy cannot tell apart (see {@link ClassProjection}). Every verdict is
 * computed once per class, not per pod.
 */
export interface PodClass {
  id: number;
  key: string;
  namespace: string;
  /** Labels of one member: members differ only in labels that no pod selector looks at. */
  labels: Labels;
  ports: readonly PortFact[];
  /** IPs of one member; every member's IPs fall in the same ipBlock atoms. */
  ips: readonly IpAddress[];
  hostNetwork: boolean;
  members: Set<PodFacts>;
  /** How many members each workload has here: flows are per workload. */
  workloads: Map<string, number>;
  /** Policies that select these pods and hold the direction in policyTypes; non-empty means isolated. */
  ingressPolicies: CompiledPolicy[];
  egressPolicies: CompiledPolicy[];
}

/** The classes of the active pods of a cluster, kept up to date one pod at a time. */
export class PodClassIndex {
  private readonly byKey = new Map<string, PodClass>();
  private readonly byNamespace = new Map<string, Set<PodClass>>();
  private readonly classOfPod = new Map<PodFacts, PodClass>();
  private nextId = 0;
  /**
   * Bumped whenever the classes, or which workloads have members in which class, change: flows
   * between workloads can only change then (or when policies or namespaces change).
   */
  revision = 0;

  constructor(
    private readonly projection: ClassProjection,
    private readonly policiesOf: (namespace: string) => Iterable<CompiledPolicy>,
  ) {}

  /** Adds an active pod; returns its class (new classes get their selecting policies at once). */
  add(pod: PodFacts): PodClass {
    const key = this.projection.keyOf(pod);
    let podClass = this.byKey.get(key);
    if (!podClass) {
      this.revision++;
      podClass = this.createClass(key, pod);
      this.byKey.set(key, podClass);
      let inNamespace = this.byNamespace.get(pod.namespace);
      if (!inNamespace) this.byNamespace.set(pod.namespace, (inNamespace = new Set()));
      inNamespace.add(podClass);
    }
    podClass.members.add(pod);
    const count = podClass.workloads.get(pod.workload) ?? 0;
    if (count === 0) this.revision++;
    podClass.workloads.set(pod.workload, count + 1);
    this.classOfPod.set(pod, podClass);
    return podClass;
  }

  remove(pod: PodFacts): void {
    const podClass = this.classOfPod.get(pod);
    if (!podClass) return;
    this.classOfPod.delete(pod);
    podClass.members.delete(pod);
    const count = (podClass.workloads.get(pod.workload) ?? 1) - 1;
    if (count > 0) podClass.workloads.set(pod.workload, count);
    else {
      podClass.workloads.delete(pod.workload);
      this.revision++;
    }
    if (podClass.members.size > 0) return;
    this.byKey.delete(podClass.key);
    this.byNamespace.get(podClass.namespace)?.delete(podClass);
  }

  classOf(pod: PodFacts): PodClass | undefined {
    return this.classOfPod.get(pod);
  }

  /** Namespaces that have at least one class. */
  namespaces(): string[] {
    return [...this.byNamespace].filter(([, classes]) => classes.size > 0).map(([namespace]) => namespace);
  }

  inNamespace(namespace: string): Iterable<PodClass> {
    return this.byNamespace.get(namespace) ?? [];
  }

  all(): Iterable<PodClass> {
    return this.byKey.values();
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Regroups every pod after the projection changed. */
  reclassify(): void {
    const pods = [...this.classOfPod.keys()];
    this.byKey.clear();
    this.byNamespace.clear();
    this.classOfPod.clear();
    for (const pod of pods) this.add(pod);
  }

  /** Re-evaluates which policies select each class of a namespace (after a policy changed). */
  refreshPolicies(namespace: string): void {
    for (const podClass of this.inNamespace(namespace)) this.assignPolicies(podClass);
  }

  private createClass(key: string, pod: PodFacts): PodClass {
    const podClass: PodClass = {
      id: this.nextId++,
      key,
      namespace: pod.namespace,
      labels: pod.labels,
      ports: pod.ports,
      ips: pod.ips,
      hostNetwork: pod.hostNetwork,
      members: new Set(),
      workloads: new Map(),
      ingressPolicies: [],
      egressPolicies: [],
    };
    this.assignPolicies(podClass);
    return podClass;
  }

  private assignPolicies(podClass: PodClass): void {
    podClass.ingressPolicies = [];
    podClass.egressPolicies = [];
    for (const policy of this.policiesOf(podClass.namespace)) {
      if (!selects(policy.podSelector, podClass.labels)) continue;
      if (policy.ingress) podClass.ingressPolicies.push(policy);
      if (policy.egress) podClass.egressPolicies.push(policy);
    }
  }
}
