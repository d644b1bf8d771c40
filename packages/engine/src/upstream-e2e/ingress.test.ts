// Upstream netpol e2e cases (network_policy.go) about ingress isolation and allow rules; see
// e2e-cluster.ts for what is mirrored and what is not.
import { evaluateCluster } from '@netmap/engine';
import { describe, it } from 'vitest';
import {
  ALL,
  allowIngress,
  buildCluster,
  buildPolicy,
  denyAll,
  denyIngress,
  expectTable,
  podLabel,
  Reachability,
} from './e2e-cluster.ts';

describe('NetworkPolicy between server and client', () => {
  it("should support a 'default-deny-ingress' policy", () => {
    const evaluation = evaluateCluster(buildCluster([denyIngress('x', 'deny-ingress')]));
    const expected = new Reachability(true).expectPeer({}, { namespace: 'x' }, false);
    expectTable(evaluation.matrix(80, 'TCP'), expected);
  });

  it("should support a 'default-deny-all' policy", () => {
    const evaluation = evaluateCluster(buildCluster([denyAll('x', 'deny-all')]));
    const expected = new Reachability(true)
      .expectPeer({}, { namespace: 'x' }, false)
      .expectPeer({ namespace: 'x' }, {}, false);
    expectTable(evaluation.matrix(80, 'TCP'), expected);
  });

  it('should enforce policy to allow traffic from pods within server namespace based on PodSelector', () => {
    const policy = buildPolicy('x', 'x-a-allows-x-b', podLabel('a'), {
      ingress: [{ from: [{ podSelector: podLabel('b') }] }],
    });
    const expected = new Reachability(true).expectAllIngress('x/a', false).expect('x/b', 'x/a', true);
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), expected);
  });

  it('should enforce policy to allow ingress traffic for a target', () => {
    // Any pod in any namespace may reach x/a; the rest of x stays default-deny.
    const allowToA = buildPolicy('x', 'allow-all-to-a', podLabel('a'), {
      ingress: [{ from: [{ podSelector: ALL, namespaceSelector: ALL }] }],
    });
    const evaluation = evaluateCluster(buildCluster([denyIngress('x', 'deny-all'), allowToA]));
    const expected = new Reachability(true)
      .expectAllIngress('x/a', true)
      .expectAllIngress('x/b', false)
      .expectAllIngress('x/c', false);
    expectTable(evaluation.matrix(80, 'TCP'), expected);
  });

  it('should enforce policy to allow ingress traffic from pods in all namespaces', () => {
    const policy = buildPolicy('x', 'allow-from-another-ns', podLabel('a'), {
      ingress: [{ from: [{ namespaceSelector: { matchLabels: {} } }] }],
    });
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), new Reachability(true));
  });

  it('should enforce policy based on any PodSelectors', () => {
    const policy = buildPolicy('x', 'allow-ns-x-pod-b-c', podLabel('a'), {
      ingress: [{ from: [{ podSelector: podLabel('b') }, { podSelector: podLabel('c') }] }],
    });
    const expected = new Reachability(true)
      .expectAllIngress('x/a', false)
      .expect('x/b', 'x/a', true)
      .expect('x/c', 'x/a', true);
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), expected);
  });

  it('should support allow-all policy', () => {
    const evaluation = evaluateCluster(buildCluster([allowIngress('x', 'allow-all', { matchLabels: {} })]));
    expectTable(evaluation.matrix(80, 'TCP'), new Reachability(true));
    expectTable(evaluation.matrix(81, 'TCP'), new Reachability(true));
  });

  it('should deny ingress from pods on other namespaces', () => {
    // An empty podSelector peer without namespaceSelector means every pod of the policy's namespace.
    const policy = buildPolicy('x', 'deny-empty-policy', ALL, {
      ingress: [{ from: [{ podSelector: { matchLabels: {} } }] }],
    });
    const expected = new Reachability(true)
      .expectPeer({ namespace: 'y' }, { namespace: 'x' }, false)
      .expectPeer({ namespace: 'z' }, { namespace: 'x' }, false);
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), expected);
  });

  it('should enforce multiple ingress policies with ingress allow-all policy taking precedence', () => {
    const onlyPort80 = buildPolicy(
      'x',
      'allow-ingress-port-80',
      { matchLabels: {} },
      {
        ingress: [{ ports: [{ port: 80 }] }],
      },
    );
    // Step 1: only port 80 is open, so port 81 into x is blocked.
    const step1 = evaluateCluster(buildCluster([onlyPort80]));
    expectTable(step1.matrix(81, 'TCP'), new Reachability(true).expectPeer({}, { namespace: 'x' }, false));

    // Step 2: an allow-all policy is added; policies are additive, so every port opens.
    const step2 = evaluateCluster(
      buildCluster([onlyPort80, allowIngress('x', 'allow-ingress', { matchLabels: {} })]),
    );
    expectTable(step2.matrix(81, 'TCP'), new Reachability(true));
  });
});
