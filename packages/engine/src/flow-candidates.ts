import type { ClassChanges } from './class-changes.ts';
import type { CompiledPolicy, CompiledRule } from './compile-policy.ts';
import { isolatingPolicies } from './connection-ports.ts';
import { ingressSourceNamespaces } from './ingress-scope.ts';
import { PeerClasses } from './peer-classes.ts';
import type { PodClass, PodClassIndex } from './pod-classes.ts';
import { PortSet } from './port-set.ts';
import { rulePortSet, type MatchContext } from './rule-match.ts';

/**
 * The classes of a destination's namespace a class's egress rules may reach: `all` when no policy
 * isolates it for egress; else the classes each egress rule that reaches into the namespace selects.
 */
export type Reach = 'all' | readonly ReadonlySet<PodClass>[];

/** The classes of one namespace that a destination class may hear from, and the ports at most. */
export interface Admission {
  /** No connection from these classes to the destination opens a port outside this set. */
  bound: PortSet;
  /** Every class of the namespace (a destination no policy isolates), or those its ingress rules may admit. */
  admitted: 'all' | ReadonlySet<PodClass>;
}

const OPEN: Admission = { bound: PortSet.ALL, admitted: 'all' };

/** Classes isolated for egress by the same policies, and how far they reach into each namespace. */
interface EgressGroup {
  key: string;
  members: number;
  reach: Map<string, Reach & readonly ReadonlySet<PodClass>[]>;
}

type Scope = 'all' | ReadonlySet<string>;

/**
 * Finds the pairs of classes that may be connected at all, without asking about every pair: a
 * destination's ingress rules name the classes of a namespace they may admit (`PeerClasses`), a
 * sender's egress rules the classes they may reach. Every pair left out has no allowed or unknown
 * port (`connectionPorts` is empty); the pairs kept still need asking. What it finds is kept per
 * namespace until `refresh` says that the namespace's classes or labels changed.
 */
export class FlowCandidates {
  namespaces: readonly string[];
  private readonly peers: PeerClasses;
  /** By destination namespace, then by the destination's ingress policies and ports, then by source namespace. */
  private admissions = new Map<string, Map<string, Map<string, Admission>>>();
  /** By destination namespace, then by the sender's egress policies. */
  /** Classes by the egress policies that isolate them, each group with how far it reaches per namespace. */
  private readonly egressGroups = new Map<PodClass, EgressGroup | 'open'>();
  private groupsByKey = new Map<string, EgressGroup>();
  private readonly scopes = new Map<PodClass, Scope>();
  /** Classes by the namespaces their ingress rules may admit (`all`: any), built on first use and kept. */
  private admitters: { all: Set<PodClass>; byNamespace: Map<string, Set<PodClass>> } | undefined;
  private readonly signatures = new Map<PodClass, string>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;

  constructor(
    readonly classes: PodClassIndex,
    readonly context: MatchContext,
  ) {
    this.peers = new PeerClasses(classes, context);
    this.namespaces = classes.namespaces();
  }

  /** Forgets what the changes may have changed: whatever involves a changed or relabelled namespace. */
  refresh(changes: ClassChanges, relabelled: ReadonlySet<string>): void {
    const before = new Set(this.namespaces);
    this.namespaces = this.classes.namespaces();
    for (const podClass of [...changes.removed, ...changes.classes]) {
      this.forgetScope(podClass);
      this.forgetEgressGroup(podClass);
      this.signatures.delete(podClass);
    }
    if (changes.isAll) {
      this.scopes.clear();
      this.admitters = undefined;
      this.peers.forgetAll();
      this.admissions = new Map();
      this.groupsByKey = new Map();
      return;
    }
    // Namespace selectors may now select a relabelled or new namespace, or no longer select it.
    const judgedAnew = [...relabelled, ...this.namespaces.filter((namespace) => !before.has(namespace))];
    if (judgedAnew.length > 0) this.rejudgeScopes(new Set(judgedAnew));
    for (const podClass of changes.classes) this.indexScope(podClass);
    const dirty = changes.namespaces;
    this.peers.forget(dirty);
    for (const namespace of dirty) {
      this.admissions.delete(namespace);
    }
    for (const group of this.groupsByKey.values())
      for (const namespace of dirty) group.reach.delete(namespace);
    for (const bySignature of this.admissions.values())
      for (const bySource of bySignature.values()) for (const namespace of dirty) bySource.delete(namespace);
  }

  /** Decides again whether each kept scope holds these namespaces (others keep their answer). */
  private rejudgeScopes(namespaces: ReadonlySet<string>): void {
    for (const [podClass, scope] of [...this.scopes]) {
      if (scope === 'all') continue;
      const judged = ingressSourceNamespaces(podClass, namespaces, this.context);
      const next = new Set(scope);
      for (const namespace of namespaces) {
        if (judged === 'all' || judged.has(namespace)) next.add(namespace);
        else next.delete(namespace);
      }
      this.forgetScope(podClass);
      this.scopes.set(podClass, next);
      this.indexScope(podClass);
    }
  }

  /** Namespaces whose pods `target`'s ingress rules may admit at all. */
  sourceScope(target: PodClass): Scope {
    let scope = this.scopes.get(target);
    if (!scope) {
      scope = ingressSourceNamespaces(target, this.namespaces, this.context);
      this.scopes.set(target, scope);
    }
    return scope;
  }

  /** The classes whose ingress rules may admit some pod of `namespace`. */
  admitting(namespace: string): Iterable<PodClass> {
    if (!this.admitters) {
      this.admitters = { all: new Set(), byNamespace: new Map() };
      for (const podClass of this.classes.all()) this.indexScope(podClass);
    }
    const { all, byNamespace } = this.admitters;
    const some = byNamespace.get(namespace);
    return some ? [...all, ...some] : all;
  }

  private indexScope(podClass: PodClass): void {
    if (!this.admitters) return;
    const scope = this.sourceScope(podClass);
    if (scope === 'all') this.admitters.all.add(podClass);
    else
      for (const namespace of scope)
        getOrAdd(this.admitters.byNamespace, namespace, () => new Set<PodClass>()).add(podClass);
  }

  private forgetScope(podClass: PodClass): void {
    const scope = this.scopes.get(podClass);
    if (!scope) return;
    this.scopes.delete(podClass);
    if (!this.admitters) return;
    if (scope === 'all') this.admitters.all.delete(podClass);
    else for (const namespace of scope) this.admitters.byNamespace.get(namespace)?.delete(podClass);
  }

  /** The classes of namespace `source` that may open something to `target`, and on which ports at most. */
  admission(target: PodClass, source: string): Admission {
    const policies = isolatingPolicies({ kind: 'pod', podClass: target }, 'ingress');
    if (policies.length === 0) return OPEN;
    const bySignature = getOrAdd(
      this.admissions,
      target.namespace,
      () => new Map<string, Map<string, Admission>>(),
    );
    const bySource = getOrAdd(
      bySignature,
      this.signatureOf(target, policies),
      () => new Map<string, Admission>(),
    );
    let found = bySource.get(source);
    if (!found) bySource.set(source, (found = this.admit(target, policies, source)));
    return found;
  }

  /** The classes of `source` that may open something to `target`, and how far their egress reaches. */
  *sendersInto(target: PodClass, source: string): Iterable<PodClass> {
    const { admitted } = this.admission(target, source);
    for (const podClass of admitted === 'all' ? this.classes.inNamespace(source) : admitted) {
      const reach = this.reachOf(podClass, target.namespace);
      if (reach === 'all' || reach.some((reached) => reached.has(target))) yield podClass;
    }
  }

  /** Admission depends only on the target's namespace, ingress policies and container ports. */
  private signatureOf(target: PodClass, policies: readonly CompiledPolicy[]): string {
    let signature = this.signatures.get(target);
    if (signature === undefined) {
      signature = `${policies.map((p) => this.idOf(p)).join(',')} ${this.idOf(target.ports)}`;
      this.signatures.set(target, signature);
    }
    return signature;
  }

  private admit(target: PodClass, policies: readonly CompiledPolicy[], source: string): Admission {
    let bound = PortSet.EMPTY;
    const admitted = new Set<PodClass>();
    for (const policy of policies) {
      for (const rule of policy.ingress!) {
        let isAny = false;
        for (const podClass of this.peers.ofRule(rule, policy, source)) {
          const reach = this.reachOf(podClass, target.namespace);
          if (reach !== 'all' && reach.length === 0) continue;
          admitted.add(podClass);
          isAny = true;
        }
        if (isAny) bound = bound.union(rulePortSet(rule, { kind: 'pod', podClass: target }));
      }
    }
    return { bound, admitted };
  }

  /** How far a class's egress rules may reach into namespace `destination`. */
  reachOf(sender: PodClass, destination: string): Reach {
    const group = this.egressGroupOf(sender);
    if (group === 'open') return 'all';
    let found = group.reach.get(destination);
    if (!found) {
      const reached: ReadonlySet<PodClass>[] = [];
      for (const policy of sender.egressPolicies) {
        for (const rule of policy.egress!) {
          if (!this.mayReachNamespace(rule, policy, destination)) continue;
          const classes = this.peers.setOfRule(rule, policy, destination);
          if (classes.size > 0) reached.push(classes);
        }
      }
      group.reach.set(destination, (found = reached));
    }
    return found;
  }

  private forgetEgressGroup(podClass: PodClass): void {
    const group = this.egressGroups.get(podClass);
    this.egressGroups.delete(podClass);
    if (group && group !== 'open' && --group.members === 0) this.groupsByKey.delete(group.key);
  }

  /** Egress rules look at the destination only: classes with the same egress policies reach the same pods. */
  private egressGroupOf(sender: PodClass): EgressGroup | 'open' {
    let group = this.egressGroups.get(sender);
    if (group === undefined) {
      const policies = isolatingPolicies({ kind: 'pod', podClass: sender }, 'egress');
      const key = policies.map((p) => this.idOf(p)).join(',');
      group =
        key === '' ? 'open' : getOrAdd(this.groupsByKey, key, () => ({ key, members: 0, reach: new Map() }));
      if (group !== 'open') group.members++;
      this.egressGroups.set(sender, group);
    }
    return group;
  }

  /** Whether some peer of an egress rule may select pods of `namespace`, judged by namespaces alone. */
  private mayReachNamespace(rule: CompiledRule, policy: CompiledPolicy, namespace: string): boolean {
    if (!rule.peers) return true;
    return rule.peers.some((peer) => {
      if (peer.kind === 'ipBlock') return true;
      if (!peer.namespaceSelector) return namespace === policy.namespace;
      return this.context.namespaces.matches(peer.namespaceSelector, namespace) !== 'no-match';
    });
  }

  /** A number per object (a policy, a list of ports), stable while the object lives. */
  private idOf(object: object): number {
    let id = this.ids.get(object);
    if (id === undefined) this.ids.set(object, (id = this.nextId++));
    return id;
  }
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
