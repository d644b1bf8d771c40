import type { CompiledPeer, CompiledPolicy, CompiledRule } from './compile-policy.ts';
import type { PodClass, PodClassIndex } from './pod-classes.ts';
import { matchPeer, type MatchContext } from './rule-match.ts';

/** What is kept of one namespace: its classes by label, and which of them each rule and peer may select. */
interface NamespaceEntry {
  byRule: Map<CompiledRule, readonly PodClass[]>;
  setsByRule: Map<CompiledRule, ReadonlySet<PodClass>>;
  byPeer: Map<string, readonly PodClass[]>;
  labelIndex?: Map<string, PodClass[]>;
}

const NONE: ReadonlySet<PodClass> = new Set();

/**
 * The classes of one namespace that a rule's peers select or may select (`matchRulePeers` is not
 * `no-match`), found without testing every class: selector peers look up their `In` requirements
 * in an index of the namespace's labels, and peers that many policies share (the same selectors,
 * the same ipBlock) are matched once. What is found for a namespace holds until `forget` is told
 * that its classes or its labels changed.
 */
export class PeerClasses {
  private readonly byNamespace = new Map<string, NamespaceEntry>();

  constructor(
    private readonly classes: PodClassIndex,
    private readonly context: MatchContext,
  ) {}

  /** Drops what was found in these namespaces. */
  forget(namespaces: Iterable<string>): void {
    for (const namespace of namespaces) this.byNamespace.delete(namespace);
  }

  /** Drops everything (after a namespace's labels changed: namespace selectors may select anew). */
  forgetAll(): void {
    this.byNamespace.clear();
  }

  /** Classes of `namespace` that some peer of `rule` (of `policy`) may select; all of them for a rule without peers. */
  ofRule(rule: CompiledRule, policy: CompiledPolicy, namespace: string): readonly PodClass[] {
    const entry = this.entryOf(namespace);
    let found = entry.byRule.get(rule);
    if (!found) {
      found = rule.peers
        ? this.ofPeers(rule.peers, policy, namespace, entry)
        : [...this.classes.inNamespace(namespace)];
      entry.byRule.set(rule, found);
    }
    return found;
  }

  /** {@link ofRule} as a set. */
  setOfRule(rule: CompiledRule, policy: CompiledPolicy, namespace: string): ReadonlySet<PodClass> {
    const entry = this.entryOf(namespace);
    let found = entry.setsByRule.get(rule);
    if (!found) {
      const list = this.ofRule(rule, policy, namespace);
      found = list.length === 0 ? NONE : new Set(list);
      entry.setsByRule.set(rule, found);
    }
    return found;
  }

  private entryOf(namespace: string): NamespaceEntry {
    let entry = this.byNamespace.get(namespace);
    if (!entry) {
      entry = { byRule: new Map(), setsByRule: new Map(), byPeer: new Map() };
      this.byNamespace.set(namespace, entry);
    }
    return entry;
  }

  private ofPeers(
    peers: readonly CompiledPeer[],
    policy: CompiledPolicy,
    namespace: string,
    entry: NamespaceEntry,
  ): readonly PodClass[] {
    const lists = peers
      .map((peer) => this.ofPeer(peer, policy, namespace, entry))
      .filter((list) => list.length > 0);
    if (lists.length <= 1) return lists[0] ?? [];
    return [...new Set(lists.flat())];
  }

  private ofPeer(
    peer: CompiledPeer,
    policy: CompiledPolicy,
    namespace: string,
    entry: NamespaceEntry,
  ): readonly PodClass[] {
    if (peer.kind === 'selector' && !this.mayMatchNamespace(peer, policy, namespace)) return [];
    const key = peerKey(peer, policy);
    let found = entry.byPeer.get(key);
    if (!found) {
      found = [...this.candidates(peer, namespace, entry)].filter(
        (podClass) => matchPeer(peer, policy, { kind: 'pod', podClass }, this.context) !== 'no-match',
      );
      entry.byPeer.set(key, found);
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
  private candidates(peer: CompiledPeer, namespace: string, entry: NamespaceEntry): Iterable<PodClass> {
    const requirement =
      peer.kind === 'selector' ? peer.podSelector?.requirements.find((r) => r.operator === 'In') : undefined;
    if (!requirement) return this.classes.inNamespace(namespace);
    const index = (entry.labelIndex ??= this.labelIndexOf(namespace));
    const lists = [...requirement.values].map((value) => index.get(`${requirement.key}=${value}`) ?? []);
    return lists.length === 1 ? lists[0]! : lists.flat();
  }

  private labelIndexOf(namespace: string): Map<string, PodClass[]> {
    const index = new Map<string, PodClass[]>();
    for (const podClass of this.classes.inNamespace(namespace)) {
      for (const [key, value] of Object.entries(podClass.labels)) {
        const entry = `${key}=${value}`;
        const list = index.get(entry);
        if (list) list.push(podClass);
        else index.set(entry, [podClass]);
      }
    }
    return index;
  }
}

/** Peers with equal keys select the same pods. */
function peerKey(peer: CompiledPeer, policy: CompiledPolicy): string {
  if (peer.kind === 'ipBlock')
    return `ip ${peer.cidr.text} except ${peer.except.map((e) => e.text).join(',')}`;
  const namespaces = peer.namespaceSelector ? `ns ${peer.namespaceSelector.key}` : `in ${policy.namespace}`;
  return `${namespaces} pods ${peer.podSelector ? peer.podSelector.key : '*'}`;
}
