import type { CompiledPeer, CompiledPolicy, CompiledRule } from './compile-policy.ts';
import type { PodClass, PodClassIndex } from './pod-classes.ts';
import { matchPeer, type MatchContext } from './rule-match.ts';

/**
 * The classes of one namespace that a rule's peers select or may select (`matchRulePeers` is not
 * `no-match`), found without testing every class: selector peers look up their `In` requirements
 * in an index of the namespace's labels, and peers that many policies share (the same selectors,
 * the same ipBlock) are matched once. Holds for one state of the classes and namespaces.
 */
export class PeerClasses {
  private readonly byRule = new Map<CompiledRule, Map<string, readonly PodClass[]>>();
  private readonly setsByRule = new Map<CompiledRule, Map<string, ReadonlySet<PodClass>>>();
  private readonly byPeer = new Map<string, readonly PodClass[]>();
  private readonly labelIndex = new Map<string, Map<string, PodClass[]>>();

  constructor(
    private readonly classes: PodClassIndex,
    private readonly context: MatchContext,
  ) {}

  /** Classes of `namespace` that some peer of `rule` (of `policy`) may select; all of them for a rule without peers. */
  ofRule(rule: CompiledRule, policy: CompiledPolicy, namespace: string): readonly PodClass[] {
    let byNamespace = this.byRule.get(rule);
    if (!byNamespace) this.byRule.set(rule, (byNamespace = new Map()));
    let found = byNamespace.get(namespace);
    if (!found) {
      found = rule.peers
        ? this.ofPeers(rule.peers, policy, namespace)
        : [...this.classes.inNamespace(namespace)];
      byNamespace.set(namespace, found);
    }
    return found;
  }

  /** {@link ofRule} as a set. */
  setOfRule(rule: CompiledRule, policy: CompiledPolicy, namespace: string): ReadonlySet<PodClass> {
    let byNamespace = this.setsByRule.get(rule);
    if (!byNamespace) this.setsByRule.set(rule, (byNamespace = new Map()));
    let found = byNamespace.get(namespace);
    if (!found) {
      const list = this.ofRule(rule, policy, namespace);
      found = list.length === 0 ? NONE : new Set(list);
      byNamespace.set(namespace, found);
    }
    return found;
  }

  private ofPeers(
    peers: readonly CompiledPeer[],
    policy: CompiledPolicy,
    namespace: string,
  ): readonly PodClass[] {
    const lists = peers.map((peer) => this.ofPeer(peer, policy, namespace)).filter((list) => list.length > 0);
    if (lists.length <= 1) return lists[0] ?? [];
    return [...new Set(lists.flat())];
  }

  private ofPeer(peer: CompiledPeer, policy: CompiledPolicy, namespace: string): readonly PodClass[] {
    if (peer.kind === 'selector' && !this.mayMatchNamespace(peer, policy, namespace)) return [];
    const key = `${peerKey(peer, policy)}\u0000${namespace}`;
    let found = this.byPeer.get(key);
    if (!found) {
      found = [...this.candidates(peer, namespace)].filter(
        (podClass) => matchPeer(peer, policy, { kind: 'pod', podClass }, this.context) !== 'no-match',
      );
      this.byPeer.set(key, found);
    }
    return found;
  }

  private mayMatchNamespace(
    peer: Extract<CompiledPeer, { kind: 'selector' }>,
    policy: CompiledPolicy,
    namespace: string,
  ): boolean {
    if (!peer.namespaceSelector) return namespace === policy.namespace;
    return this.context.namespaces.matches(peer.namespaceSelector, namespace) !== 'no-match';
  }

  /** The classes that could satisfy a peer's pod selector: those with one of the values of an `In` requirement. */
  private candidates(peer: CompiledPeer, namespace: string): Iterable<PodClass> {
    const requirement =
      peer.kind === 'selector' ? peer.podSelector?.requirements.find((r) => r.operator === 'In') : undefined;
    if (!requirement) return this.classes.inNamespace(namespace);
    const index = this.indexOf(namespace);
    const lists = [...requirement.values].map((value) => index.get(`${requirement.key}=${value}`) ?? []);
    return lists.length === 1 ? lists[0]! : lists.flat();
  }

  private indexOf(namespace: string): Map<string, PodClass[]> {
    let index = this.labelIndex.get(namespace);
    if (index) return index;
    index = new Map();
    for (const podClass of this.classes.inNamespace(namespace)) {
      for (const [key, value] of Object.entries(podClass.labels)) {
        const entry = `${key}=${value}`;
        const list = index.get(entry);
        if (list) list.push(podClass);
        else index.set(entry, [podClass]);
      }
    }
    this.labelIndex.set(namespace, index);
    return index;
  }
}

const NONE: ReadonlySet<PodClass> = new Set();

/** Peers with equal keys select the same pods. */
function peerKey(peer: CompiledPeer, policy: CompiledPolicy): string {
  if (peer.kind === 'ipBlock')
    return `ip ${peer.cidr.text} except ${peer.except.map((e) => e.text).join(',')}`;
  const namespaces = peer.namespaceSelector ? `ns ${peer.namespaceSelector.key}` : `in ${policy.namespace}`;
  return `${namespaces} pods ${peer.podSelector ? peer.podSelector.key : '*'}`;
}
