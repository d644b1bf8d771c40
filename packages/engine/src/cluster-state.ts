import type { Ingress, KubeObject, NetworkPolicy, Pod, Workload } from '@netmap/model';
import { readIngressRoutes, type IngressRoute } from './ingress-routes.ts';
import type { Cidr } from './cidr.ts';
import { compilePolicy, type CompiledPolicy } from './compile-policy.ts';
import { ClassProjection } from './class-projection.ts';
import { detectCni, type Cni } from './cni.ts';
import { stringLabels, readPod, type PodFacts } from './pod-facts.ts';
import { NamespaceFacts } from './namespace-facts.ts';
import { PodClassIndex } from './pod-classes.ts';
import type { Visibility } from './visibility.ts';
import { WORKLOAD_KINDS, WorkloadIndex } from './workloads.ts';

/** A change to one object, as a source reports it. */
export type ObjectChange = { type: 'upsert'; object: KubeObject } | { type: 'delete'; object: KubeObject };

/** An object the API server would reject, kept so it can be reported. */
export interface InvalidObject {
  kind: string;
  ref: string;
  error: string;
}

/** Kinds kept as they are for services and ingress routes. */
const STORED_KINDS: ReadonlySet<string> = new Set([
  'Service',
  'EndpointSlice',
  'Ingress',
  'IngressClass',
  'Node',
]);
const CLUSTER_SCOPED: ReadonlySet<string> = new Set(['Namespace', 'Node', 'IngressClass']);

/** Whether the state keeps the object as read for `objects()`, besides the facts it reads from it. */
function isKeptAsRead(kind: string): boolean {
  return kind === 'Pod' || kind === 'Namespace' || kind === 'NetworkPolicy' || WORKLOAD_KINDS.has(kind);
}

/** Where an object lives: `metadata.namespace`, or `default` as kubectl applies it. */
function namespaceOf(object: KubeObject): string {
  return CLUSTER_SCOPED.has(object.kind ?? '') ? '' : object.metadata?.namespace || 'default';
}

/** `namespace/name` (or `name` for cluster-scoped objects). */
export function refOf(object: KubeObject): string {
  const namespace = namespaceOf(object);
  return namespace ? `${namespace}/${object.metadata?.name ?? ''}` : (object.metadata?.name ?? '');
}

/**
 * Every fact the engine holds about a cluster, kept current one object change at a time: pods
 * grouped in classes, each class with the policies that select it, namespaces with their labels.
 */
export class ClusterState {
  readonly namespaces = new NamespaceFacts();
  readonly workloads = new WorkloadIndex();
  /** Every Pod object, active or not, by `namespace/name`. */
  readonly pods = new Map<string, PodFacts>();
  /** Stand-ins for workloads without pods, by workload ref. */
  readonly representatives = new Map<string, PodFacts>();
  readonly policies = new Map<string, CompiledPolicy>();
  readonly invalid = new Map<string, InvalidObject>();
  /** Services, EndpointSlices, Ingresses, IngressClasses and Nodes by `Kind namespace/name`. */
  readonly stored = new Map<string, KubeObject>();
  /**
   * Pods, workloads, Namespaces and NetworkPolicies (invalid ones too) as read, by `Kind namespace/name`,
   * so that a copy can be evaluated with changes. The same objects the source holds: no copies.
   */
  private readonly asRead = new Map<string, KubeObject>();
  /** EndpointSlices by `namespace/service`, from their kubernetes.io/service-name label. */
  private readonly slicesByService = new Map<string, Map<string, KubeObject>>();
  private readonly serviceOfSlice = new Map<string, string>();
  /** DaemonSets by `namespace/name`: they tell which network plugin runs. */
  private readonly daemonSets = new Map<string, Workload>();
  /** Counts of objects of kinds the engine does not read. */
  readonly ignored = new Map<string, number>();
  readonly classes: PodClassIndex;
  private readonly policiesByNamespace = new Map<string, Map<string, CompiledPolicy>>();
  /** How many Pod objects each workload has (a workload with none gets a stand-in). */
  private readonly podCounts = new Map<string, number>();
  private readonly projection = new ClassProjection();
  /** Bumped when policies or namespaces change: with the classes' revision, what flows depend on. */
  private rulesRevision = 0;
  private ipBlockCache:
    { revision: number; byDirection: Map<string, { cidr: Cidr; except: Cidr[] }[]> } | undefined;

  constructor(objects: readonly KubeObject[] = []) {
    // Read everything first, then group pods once: policies decide the ipBlock atoms pods are grouped by.
    for (const object of objects) {
      this.keepAsRead({ type: 'upsert', object });
      this.store(object);
    }
    for (const policy of this.policies.values()) this.projection.include(policy);
    this.classes = new PodClassIndex(
      this.projection,
      // Policies of a namespace that could not be read (held from before) isolate nothing known.
      (namespace) =>
        this.namespaces.arePoliciesRead(namespace)
          ? (this.policiesByNamespace.get(namespace)?.values() ?? [])
          : [],
    );
    for (const pod of this.pods.values()) this.indexPod(pod);
    this.refreshRepresentatives(this.workloads.refs());
  }

  /** Applies one change and updates what depends on it. */
  apply(change: ObjectChange): void {
    const kind = change.object.kind ?? '';
    this.keepAsRead(change);
    if (kind === 'NetworkPolicy' || kind === 'Namespace') this.rulesRevision++;
    if (kind === 'Pod') return this.applyPod(change);
    if (kind === 'NetworkPolicy') return this.applyPolicy(change);
    if (WORKLOAD_KINDS.has(kind)) return this.applyWorkload(change);
    if (change.type === 'delete') this.remove(change.object);
    else this.store(change.object);
  }

  /**
   * Records what the source could read (see `Visibility`); returns the namespaces whose every flow
   * may have changed: those whose NetworkPolicies became readable or not, or all of them when
   * readability of namespace labels changed.
   */
  setVisibility(visibility: Visibility): string[] {
    const names = new Set([...this.namespaces.names(), ...this.classes.namespaces()]);
    if (visibility.policies !== 'all') for (const name of visibility.policies) names.add(name);
    const changed = this.namespaces.setVisibility(visibility, names);
    if (changed.policies.length === 0 && !changed.labels) return [];
    this.rulesRevision++;
    for (const namespace of changed.policies) this.classes.refreshPolicies(namespace);
    return changed.labels ? [...names] : changed.policies;
  }

  /** The network plugin, from the DaemonSets held; `unknown` when none gives it away (e.g. manifests). */
  get cni(): Cni {
    return detectCni([...this.daemonSets.values()]);
  }

  /** Changes whenever flows between workloads and the outside may have changed. */
  get flowRevision(): string {
    return `${this.classes.revision}.${this.rulesRevision}`;
  }

  /**
   * Every object the engine reads, as read: evaluating them again gives the same flows and findings.
   * (Objects of kinds the engine does not read are only counted, in `ignored`.)
   */
  objects(): KubeObject[] {
    return [...this.asRead.values(), ...this.stored.values()];
  }

  /** Every route of every Ingress. */
  ingressRoutes(): IngressRoute[] {
    const ingresses = [...this.stored.values()].filter((o): o is Ingress => o.kind === 'Ingress');
    return ingresses.flatMap((ingress) => readIngressRoutes(ingress, namespaceOf(ingress)));
  }

  /** The EndpointSlices of a Service. */
  endpointSlicesOf(namespace: string, service: string): Iterable<KubeObject> {
    return this.slicesByService.get(`${namespace}/${service}`)?.values() ?? [];
  }

  /** Active pods (and stand-ins) of one namespace. */
  *activePodsIn(namespace: string): Iterable<PodFacts> {
    for (const podClass of this.classes.inNamespace(namespace)) yield* podClass.members;
  }

  policiesIn(namespace: string): Iterable<CompiledPolicy> {
    return this.policiesByNamespace.get(namespace)?.values() ?? [];
  }

  /** Active pods (and stand-ins for workloads without pods). */
  *activePods(): Iterable<PodFacts> {
    for (const pod of this.pods.values()) if (pod.isActive) yield pod;
    yield* this.representatives.values();
  }

  private keepAsRead(change: ObjectChange): void {
    const kind = change.object.kind ?? '';
    if (!isKeptAsRead(kind)) return;
    const key = `${kind} ${refOf(change.object)}`;
    if (change.type === 'upsert') this.asRead.set(key, change.object);
    else this.asRead.delete(key);
  }

  private store(object: KubeObject): void {
    const kind = object.kind ?? '';
    const namespace = namespaceOf(object);
    if (kind === 'Namespace') {
      const name = object.metadata?.name ?? '';
      this.namespaces.set(name, stringLabels(object.metadata?.labels));
    } else if (kind === 'Pod') {
      const facts = readPod(object as Pod, namespace);
      this.pods.set(facts.ref, facts);
    } else if (kind === 'NetworkPolicy') {
      this.storePolicy(object as NetworkPolicy, namespace);
    } else if (WORKLOAD_KINDS.has(kind)) {
      this.workloads.set(object as Workload, namespace);
      if (kind === 'DaemonSet') this.daemonSets.set(refOf(object), object as Workload);
    } else if (STORED_KINDS.has(kind)) {
      this.stored.set(`${kind} ${refOf(object)}`, object);
      if (kind === 'EndpointSlice') this.indexSlice(object, true);
    } else {
      this.ignored.set(kind, (this.ignored.get(kind) ?? 0) + 1);
    }
  }

  private remove(object: KubeObject): void {
    const kind = object.kind ?? '';
    if (kind === 'Namespace') this.namespaces.delete(object.metadata?.name ?? '');
    else this.stored.delete(`${kind} ${refOf(object)}`);
    if (kind === 'EndpointSlice') this.indexSlice(object, false);
  }

  private indexSlice(slice: KubeObject, isPresent: boolean): void {
    const ref = refOf(slice);
    // A slice may name another service than when it was stored: take it out of the old one first.
    const previous = this.serviceOfSlice.get(ref);
    if (previous !== undefined) this.slicesByService.get(previous)?.delete(ref);
    this.serviceOfSlice.delete(ref);
    const service = slice.metadata?.labels?.['kubernetes.io/service-name'];
    if (!isPresent || typeof service !== 'string') return;
    const key = `${namespaceOf(slice)}/${service}`;
    let slices = this.slicesByService.get(key);
    if (!slices) this.slicesByService.set(key, (slices = new Map()));
    slices.set(ref, slice);
    this.serviceOfSlice.set(ref, key);
  }

  private storePolicy(object: NetworkPolicy, namespace: string): void {
    const ref = refOf(object);
    this.unstorePolicy(ref, namespace);
    const compiled = compilePolicy(object, namespace);
    if (compiled.error !== undefined) {
      this.invalid.set(`NetworkPolicy ${ref}`, { kind: 'NetworkPolicy', ref, error: compiled.error });
      return;
    }
    this.policies.set(ref, compiled.policy);
    let inNamespace = this.policiesByNamespace.get(namespace);
    if (!inNamespace) this.policiesByNamespace.set(namespace, (inNamespace = new Map()));
    inNamespace.set(ref, compiled.policy);
  }

  private unstorePolicy(ref: string, namespace: string): void {
    if (this.invalid.size > 0) this.invalid.delete(`NetworkPolicy ${ref}`);
    if (this.policies.delete(ref)) this.policiesByNamespace.get(namespace)?.delete(ref);
  }

  private applyPolicy(change: ObjectChange): void {
    const namespace = namespaceOf(change.object);
    if (change.type === 'delete') this.unstorePolicy(refOf(change.object), namespace);
    else this.storePolicy(change.object as NetworkPolicy, namespace);
    const policy = this.policies.get(refOf(change.object));
    // A label key or ipBlock edge no policy looked at before can split pods that behaved alike:
    // regroup them (rare; linear in pods).
    if (change.type === 'upsert' && policy && this.projection.include(policy)) this.classes.reclassify();
    this.classes.refreshPolicies(namespace);
  }

  private applyPod(change: ObjectChange): void {
    const ref = refOf(change.object);
    const old = this.pods.get(ref);
    if (old) this.unindexPod(old);
    this.pods.delete(ref);
    let facts: PodFacts | undefined;
    if (change.type === 'upsert') {
      facts = readPod(change.object as Pod, namespaceOf(change.object));
      this.pods.set(ref, facts);
      this.indexPod(facts);
    }
    this.refreshRepresentatives([old?.workload, facts?.workload].filter((w): w is string => w !== undefined));
  }

  private applyWorkload(change: ObjectChange): void {
    const namespace = namespaceOf(change.object);
    const { kind = '', metadata } = change.object;
    // Owners decide every pod's top workload in this namespace: regroup those pods.
    const affected = [...this.pods.values()].filter((pod) => pod.namespace === namespace);
    for (const pod of affected) this.unindexPod(pod);
    const before = this.workloads.refs(namespace);
    if (change.type === 'delete') this.workloads.delete(namespace, metadata?.name ?? '', kind);
    else this.workloads.set(change.object as Workload, namespace);
    if (kind === 'DaemonSet') {
      if (change.type === 'delete') this.daemonSets.delete(refOf(change.object));
      else this.daemonSets.set(refOf(change.object), change.object as Workload);
    }
    for (const pod of affected) this.indexPod(pod);
    this.refreshRepresentatives(new Set([...before, ...this.workloads.refs(namespace)]));
  }

  private indexPod(pod: PodFacts): void {
    pod.workload = this.workloads.topOwnerOf(pod);
    this.podCounts.set(pod.workload, (this.podCounts.get(pod.workload) ?? 0) + 1);
    if (pod.isActive) this.classes.add(pod);
  }

  private unindexPod(pod: PodFacts): void {
    const count = (this.podCounts.get(pod.workload) ?? 1) - 1;
    if (count > 0) this.podCounts.set(pod.workload, count);
    else this.podCounts.delete(pod.workload);
    this.classes.remove(pod);
  }

  /** Keeps one stand-in pod for each given workload while it has no pods of its own. */
  private refreshRepresentatives(refs: Iterable<string>): void {
    for (const ref of refs) {
      const stale = this.representatives.get(ref);
      if (stale) {
        this.representatives.delete(ref);
        this.classes.remove(stale);
      }
      const wanted = this.podCounts.has(ref) ? undefined : this.workloads.representativeOf(ref);
      if (!wanted) continue;
      this.representatives.set(ref, wanted);
      this.classes.add(wanted);
    }
  }

  /** Every ipBlock peer of the policies, of one direction or of both. */
  ipBlockPeers(direction?: 'ingress' | 'egress'): { cidr: Cidr; except: Cidr[] }[] {
    // Asked after every change to cut the outside into pieces: read once per revision of the policies.
    if (this.ipBlockCache?.revision !== this.rulesRevision)
      this.ipBlockCache = { revision: this.rulesRevision, byDirection: new Map() };
    const key = direction ?? 'both';
    let peers = this.ipBlockCache.byDirection.get(key);
    if (!peers) this.ipBlockCache.byDirection.set(key, (peers = this.readIpBlockPeers(direction)));
    return [...peers];
  }

  private readIpBlockPeers(direction?: 'ingress' | 'egress'): { cidr: Cidr; except: Cidr[] }[] {
    const peers: { cidr: Cidr; except: Cidr[] }[] = [];
    for (const policy of this.policies.values()) {
      const rules = direction
        ? (policy[direction] ?? [])
        : [...(policy.ingress ?? []), ...(policy.egress ?? [])];
      for (const rule of rules)
        for (const peer of rule.peers ?? []) if (peer.kind === 'ipBlock') peers.push(peer);
    }
    return peers;
  }
}
