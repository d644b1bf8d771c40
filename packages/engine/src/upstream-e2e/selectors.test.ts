// Upstream netpol e2e cases (network_policy.go) about podSelector and namespaceSelector peers,
// alone, combined in one peer (AND) or listed as two peers (OR); see e2e-cluster.ts.
import { evaluateCluster } from '@netmap/engine';
import type { LabelSelector } from '@netmap/model';
import { describe, it } from 'vitest';
import {
  buildCluster,
  buildPolicy,
  expectTable,
  NAMESPACE_NAME_LABEL,
  namespaceName,
  podLabel,
  Reachability,
} from './e2e-cluster.ts';

/** Namespaces whose name is not `name`. */
function namespaceNotNamed(name: string): LabelSelector {
  return { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'NotIn', values: [name] }] };
}

/** Only y may reach x/a: x and z may not. */
const onlyYToXA = (): Reachability =>
  new Reachability(true)
    .expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false)
    .expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false);

describe('NetworkPolicy between server and client', () => {
  it('should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector', () => {
    const policy = buildPolicy('x', 'allow-client-a-via-ns-selector', podLabel('a'), {
      ingress: [{ from: [{ namespaceSelector: namespaceName('y') }] }],
    });
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), onlyYToXA());
  });

  it('should enforce policy based on PodSelector with MatchExpressions', () => {
    const podSelector = { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b'] }] };
    const policy = buildPolicy('x', 'x-a-allows-x-b', podLabel('a'), {
      ingress: [{ from: [{ podSelector }] }],
    });
    const expected = new Reachability(true).expectAllIngress('x/a', false).expect('x/b', 'x/a', true);
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), expected);
  });

  it('should enforce policy based on NamespaceSelector with MatchExpressions', () => {
    const namespaceSelector = {
      matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'In', values: ['y'] }],
    };
    const policy = buildPolicy('x', 'allow-ns-y-match-selector', podLabel('a'), {
      ingress: [{ from: [{ namespaceSelector }] }],
    });
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), onlyYToXA());
  });

  it('should enforce policy based on PodSelector or NamespaceSelector', () => {
    // Two peers: any pod outside x, or x/b.
    const policy = buildPolicy('x', 'allow-ns-y-match-selector', podLabel('a'), {
      ingress: [{ from: [{ namespaceSelector: namespaceNotNamed('x') }, { podSelector: podLabel('b') }] }],
    });
    // Upstream denies x/a → x/a too; it ignores loopback, which netmap always allows.
    const expected = new Reachability(true).expect('x/a', 'x/a', false).expect('x/c', 'x/a', false);
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), expected);
  });

  it('should enforce policy based on PodSelector and NamespaceSelector', () => {
    // One peer with both selectors: pods b outside x.
    const policy = buildPolicy('x', 'allow-ns-y-podselector-and-nsselector', podLabel('a'), {
      ingress: [{ from: [{ namespaceSelector: namespaceNotNamed('x'), podSelector: podLabel('b') }] }],
    });
    const expected = new Reachability(true)
      .expectAllIngress('x/a', false)
      .expect('y/b', 'x/a', true)
      .expect('z/b', 'x/a', true);
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), expected);
  });

  it('should enforce policy based on Multiple PodSelectors and NamespaceSelectors', () => {
    const podSelector = { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b', 'c'] }] };
    const policy = buildPolicy('x', 'allow-ns-y-z-pod-b-c', podLabel('a'), {
      ingress: [{ from: [{ namespaceSelector: namespaceNotNamed('x'), podSelector }] }],
    });
    const expected = new Reachability(true)
      .expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false)
      .expect('y/a', 'x/a', false)
      .expect('z/a', 'x/a', false);
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), expected);
  });

  it('should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector', () => {
    const policy = buildPolicy('x', 'allow-ns-y-pod-a-via-namespace-pod-selector', podLabel('a'), {
      ingress: [{ from: [{ namespaceSelector: namespaceName('y'), podSelector: podLabel('a') }] }],
    });
    const expected = new Reachability(true).expectAllIngress('x/a', false).expect('y/a', 'x/a', true);
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), expected);
  });

  it('should enforce policy to allow traffic based on NamespaceSelector with MatchLabels using default ns label', () => {
    const policy = buildPolicy('x', 'allow-client-a-via-ns-selector-for-immutable-ns-label', podLabel('a'), {
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'y' } } }] }],
    });
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), onlyYToXA());
  });

  it('should enforce policy based on NamespaceSelector with MatchExpressions using default ns label', () => {
    // Egress from x/a to every namespace but y.
    const policy = buildPolicy('x', 'allow-ns-y-match-selector-for-immutable-ns-label', podLabel('a'), {
      egress: [{ to: [{ namespaceSelector: namespaceNotNamed('y') }] }],
    });
    const expected = new Reachability(true).expectPeer(
      { namespace: 'x', pod: 'a' },
      { namespace: 'y' },
      false,
    );
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), expected);
  });
});
