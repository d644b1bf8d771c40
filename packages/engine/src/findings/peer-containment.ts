import type { Protocol } from '@netmap/model';
import type { CompiledPeer, CompiledPort, CompiledRule } from '../compile-policy.ts';
import type { NamespaceFacts } from '../namespace-facts.ts';
import { PortSet } from '../port-set.ts';
import { selectorImplies } from './selector-implication.ts';

type IpBlockPeer = Extract<CompiledPeer, { kind: 'ipBlock' }>;
type SelectorPeer = Extract<CompiledPeer, { kind: 'selector' }>;

/**
 * Whether every party `inner` matches is matched by `outer` (undefined: a rule without peers, which
 * matches everyone), for two peers of policies of `namespace`. Sound, not complete: false when not
 * provable from the selectors and blocks themselves (and, for a peer without namespaceSelector, from
 * the labels `namespace` has now).
 */
export function isPeerWithin(
  inner: CompiledPeer | undefined,
  outer: CompiledPeer | undefined,
  namespace: string,
  namespaces: NamespaceFacts,
): boolean {
  if (!outer) return true;
  if (!inner) return false;
  if (inner.kind === 'ipBlock' && outer.kind === 'ipBlock') return isBlockWithin(inner, outer);
  if (inner.kind === 'selector' && outer.kind === 'selector')
    return isSelectorWithin(inner, outer, namespace, namespaces);
  return false;
}

function isSelectorWithin(
  inner: SelectorPeer,
  outer: SelectorPeer,
  namespace: string,
  namespaces: NamespaceFacts,
): boolean {
  const outerNs = outer.namespaceSelector;
  const innerNs = inner.namespaceSelector;
  // No namespaceSelector: the policy's own namespace.
  const namespacesWithin = !outerNs
    ? !innerNs
    : innerNs
      ? selectorImplies(innerNs, outerNs)
      : outerNs.isEmpty || namespaces.matches(outerNs, namespace) === 'match';
  if (!namespacesWithin) return false;
  const outerPods = outer.podSelector;
  if (!outerPods || outerPods.isEmpty) return true;
  return inner.podSelector !== undefined && selectorImplies(inner.podSelector, outerPods);
}

/** The addresses of an ipBlock: its cidr without its excepts, as sorted disjoint ranges. */
function blockRanges(peer: IpBlockPeer): [bigint, bigint][] {
  const ranges: [bigint, bigint][] = [];
  let next = peer.cidr.first;
  const excepts = [...peer.except].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  for (const block of excepts) {
    if (block.first > next) ranges.push([next, block.first - 1n]);
    if (block.last >= next) next = block.last + 1n;
  }
  if (next <= peer.cidr.last) ranges.push([next, peer.cidr.last]);
  return ranges;
}

function isBlockWithin(inner: IpBlockPeer, outer: IpBlockPeer): boolean {
  if (inner.cidr.family !== outer.cidr.family) return false;
  const outerRanges = blockRanges(outer);
  // Outer ranges are separated by excepts, so each inner range must fall in a single one.
  return blockRanges(inner).every(([first, last]) =>
    outerRanges.some(([from, to]) => from <= first && last <= to),
  );
}

/** Ports that some rules admit, by kind of entry: every port of a protocol, named ports, numbers. */
export class PortCoverage {
  private numbers = PortSet.EMPTY;
  private readonly wholeProtocols = new Set<Protocol>();
  private readonly names = new Set<string>();

  /** Adds what a rule admits (no `ports`: everything). */
  add(rule: CompiledRule): void {
    if (!rule.ports) {
      this.numbers = PortSet.ALL;
      for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) this.wholeProtocols.add(protocol);
      return;
    }
    for (const entry of rule.ports) {
      if (entry.port === undefined) {
        this.wholeProtocols.add(entry.protocol);
        this.numbers = this.numbers.union(PortSet.allOf(entry.protocol));
      } else if (typeof entry.port === 'number') {
        this.numbers = this.numbers.union(
          PortSet.of(entry.protocol, entry.port, entry.endPort ?? entry.port),
        );
      } else this.names.add(`${entry.port}/${entry.protocol}`);
    }
  }

  /** Whether a `ports` entry (undefined: a rule without `ports`) admits nothing beyond what was added. */
  covers(entry: CompiledPort | undefined): boolean {
    if (!entry) return PortSet.ALL.subtract(this.numbers).isEmpty();
    if (this.wholeProtocols.has(entry.protocol)) return true;
    if (typeof entry.port === 'string') return this.names.has(`${entry.port}/${entry.protocol}`);
    const wanted =
      entry.port === undefined
        ? PortSet.allOf(entry.protocol)
        : PortSet.of(entry.protocol, entry.port, entry.endPort ?? entry.port);
    return wanted.subtract(this.numbers).isEmpty();
  }
}
