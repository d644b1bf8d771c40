import type { CompiledPolicy, CompiledRule } from './compile-policy.ts';
import { isolatingPolicies } from './connection-ports.ts';
import { ingressSourceNamespaces } from './ingress-scope.ts';
import { PeerClasses } from './peer-classes.ts';
import type { PodClass, PodClassIndex } from './pod-classes.ts';
import { PortSet } from './port-set.ts';
import { rulePortSet, type MatchContext } from './rule-match.ts';

/** Source scopes of classes kept between states, for as long as each class and the namespaces are unchanged. */
export type SourceScopes = WeakMap<PodClass, 'all' | ReadonlySet<string>>;

/** A class that may send, and the classes of the destination's namespace its egress rules may reach. */
export interface Sender {
  podClass: PodClass;
  /** `all` when no policy isolates it for egress; else the classes each reaching egress rule selects. */
  targets: 'all' | readonly ReadonlySet<PodClass>[];
}

/** The classes of one namespace that a destination class may hear from, and the ports at most. */
export interface Admission {
  /** No connection from these senders to the destination opens a port outside this set. */
  bound: PortSet;
  senders: ReadonlyMap<PodClass, Sender>;
}

/**
 * Finds the pairs of classes that may be connected at all, without asking about every pair: a
 * destination's ingress rules name the classes of a namespace they may admit (`PeerClasses`), a
 * sender's egress rules the classes they may reach. Every pair left out has no allowed or unknown
 * port (`connectionPorts` is empty); the pairs kept still need asking. Caches hold for one state of
 * the classes, policies and namespaces: make a new one after changes.
 */
export class FlowCandidates {
  readonly namespaces: readonly string[];
  private readonly peers: PeerClasses;
  private readonly admissions = new Map<string, Map<string, Admission>>();
  private readonly senders = new Map<string, Map<PodClass, Sender>>();
  private readonly targets = new Map<string, Map<string, readonly ReadonlySet<PodClass>[]>>();
  private readonly egressKeys = new Map<PodClass, string | undefined>();
  private readonly ruleScopes = new Map<CompiledRule, 'all' | Set<string>>();
  private readonly portIds = new Map<readonly unknown[], number>();

  constructor(
    readonly classes: PodClassIndex,
    readonly context: MatchContext,
    /** Where earlier states' source scopes are kept: valid while the class and the namespaces are unchanged. */
    private readonly scopes: SourceScopes = new WeakMap(),
  ) {
    this.peers = new PeerClasses(classes, context);
    this.namespaces = classes.namespaces();
  }

  /** Namespaces whose pods `target`'s ingress rules may admit at all. */
  sourceScope(target: PodClass): 'all' | ReadonlySet<string> {
    let scope = this.scopes.get(target);
    if (!scope) {
      scope = ingressSourceNamespaces(target, this.namespaces, this.context);
      this.scopes.set(target, scope);
    }
    return scope;
  }

  /** The classes of namespace `source` that may open something to `target`, and on which ports at most. */
  admission(target: PodClass, source: string): Admission {
    // Admission depends only on the target's namespace, ingress policies and container ports.
    const policies = isolatingPolicies({ kind: 'pod', podClass: target }, 'ingress');
    const key = `${target.namespace} ${policies.map((p) => p.ref).join(',')} ${this.portsId(target.ports)}`;
    let bySource = this.admissions.get(key);
    if (!bySource) this.admissions.set(key, (bySource = new Map()));
    let found = bySource.get(source);
    if (!found) bySource.set(source, (found = this.admit(target, policies, source)));
    return found;
  }

  private admit(target: PodClass, policies: readonly CompiledPolicy[], source: string): Admission {
    const senders = this.sendersToward(source, target.namespace);
    if (policies.length === 0) return { bound: PortSet.ALL, senders };
    let bound = PortSet.EMPTY;
    const admitted = new Map<PodClass, Sender>();
    for (const policy of policies) {
      for (const rule of policy.ingress!) {
        let isAny = false;
        for (const podClass of this.peers.ofRule(rule, policy, source)) {
          const sender = senders.get(podClass);
          if (sender) admitted.set(podClass, sender);
          isAny ||= sender !== undefined;
        }
        if (isAny) bound = bound.union(rulePortSet(rule, { kind: 'pod', podClass: target }));
      }
    }
    return { bound, senders: admitted };
  }

  /** The classes of `source` whose egress may reach some pod of `destination`. */
  private sendersToward(source: string, destination: string): Map<PodClass, Sender> {
    const key = `${source} ${destination}`;
    let found = this.senders.get(key);
    if (!found) {
      found = new Map();
      for (const podClass of this.classes.inNamespace(source)) {
        const targets = this.egressTargets(podClass, destination);
        if (targets === 'all' || targets.length > 0) found.set(podClass, { podClass, targets });
      }
      this.senders.set(key, found);
    }
    return found;
  }

  private egressTargets(sender: PodClass, destination: string): Sender['targets'] {
    const key = this.egressKey(sender);
    if (key === undefined) return 'all';
    let byDestination = this.targets.get(key);
    if (!byDestination) this.targets.set(key, (byDestination = new Map()));
    let found = byDestination.get(destination);
    if (!found) {
      const reached: ReadonlySet<PodClass>[] = [];
      for (const policy of sender.egressPolicies) {
        for (const rule of policy.egress!) {
          if (!this.mayReachNamespace(rule, policy, destination)) continue;
          const classes = this.peers.setOfRule(rule, policy, destination);
          if (classes.size > 0) reached.push(classes);
        }
      }
      byDestination.set(destination, (found = reached));
    }
    return found;
  }

  /** Egress rules look at the destination only: classes with the same egress policies reach the same pods. */
  private egressKey(sender: PodClass): string | undefined {
    if (this.egressKeys.has(sender)) return this.egressKeys.get(sender);
    const policies = isolatingPolicies({ kind: 'pod', podClass: sender }, 'egress');
    const key = policies.length === 0 ? undefined : policies.map((p) => p.ref).join(',');
    this.egressKeys.set(sender, key);
    return key;
  }

  /** Whether some peer of an egress rule may select pods of `namespace`, judged by namespaces alone. */
  private mayReachNamespace(rule: CompiledRule, policy: CompiledPolicy, namespace: string): boolean {
    let scope = this.ruleScopes.get(rule);
    if (!scope) this.ruleScopes.set(rule, (scope = this.ruleScope(rule, policy)));
    return scope === 'all' || scope.has(namespace);
  }

  private ruleScope(rule: CompiledRule, policy: CompiledPolicy): 'all' | Set<string> {
    const scope = new Set<string>();
    for (const peer of rule.peers ?? []) {
      if (peer.kind === 'ipBlock') return 'all';
      if (!peer.namespaceSelector) scope.add(policy.namespace);
      else
        for (const name of this.namespaces)
          if (this.context.namespaces.matches(peer.namespaceSelector, name) !== 'no-match') scope.add(name);
    }
    return rule.peers ? scope : 'all';
  }

  private portsId(ports: readonly unknown[]): number {
    let id = this.portIds.get(ports);
    if (id === undefined) this.portIds.set(ports, (id = this.portIds.size));
    return id;
  }
}

/** Whether a sender's egress rules may reach `target` at all. */
export function mayReach(sender: Sender, target: PodClass): boolean {
  return sender.targets === 'all' || sender.targets.some((reached) => reached.has(target));
}
