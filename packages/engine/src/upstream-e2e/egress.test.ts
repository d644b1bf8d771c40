// Upstream netpol e2e cases (network_policy.go) about egress, alone or with ingress; see
// e2e-cluster.ts.
import { evaluateCluster } from '@netmap/engine';
import { describe, it } from 'vitest';
import {
  allowEgress,
  buildCluster,
  buildPolicy,
  denyEgress,
  denyIngress,
  expectTable,
  namespaceName,
  podLabel,
  Reachability,
} from './e2e-cluster.ts';

describe('NetworkPolicy between server and client', () => {
  it('should deny egress from pods based on PodSelector', () => {
    const evaluation = evaluateCluster(buildCluster([denyEgress('x', 'deny-egress-pod-a', podLabel('a'))]));
    expectTable(evaluation.matrix(80, 'TCP'), new Reachability(true).expectAllEgress('x/a', false));
  });

  it('should deny egress from all pods in a namespace', () => {
    const evaluation = evaluateCluster(buildCluster([denyEgress('x', 'deny-egress-ns-x')]));
    expectTable(
      evaluation.matrix(80, 'TCP'),
      new Reachability(true).expectPeer({ namespace: 'x' }, {}, false),
    );
  });

  it('should work with Ingress, Egress specified together', () => {
    const policy = buildPolicy('x', 'allow-client-a-via-pod-selector', podLabel('a'), {
      ingress: [{ from: [{ podSelector: podLabel('b') }] }],
      egress: [{ ports: [{ port: 80 }] }],
    });
    const evaluation = evaluateCluster(buildCluster([policy]));
    const port80 = new Reachability(true).expectAllIngress('x/a', false).expect('x/b', 'x/a', true);
    expectTable(evaluation.matrix(80, 'TCP'), port80);
    // Egress is open on port 80 only.
    const port81 = new Reachability(true)
      .expectAllIngress('x/a', false)
      .expectAllEgress('x/a', false)
      .expect('x/b', 'x/a', true);
    expectTable(evaluation.matrix(81, 'TCP'), port81);
  });

  it('should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)', () => {
    // x/a may egress to y/a only; y/a and y/b both admit x/a only.
    const fromXA = [{ namespaceSelector: namespaceName('x'), podSelector: podLabel('a') }];
    const policies = [
      buildPolicy('x', 'allow-to-ns-y-pod-a', podLabel('a'), {
        egress: [{ to: [{ namespaceSelector: namespaceName('y'), podSelector: podLabel('a') }] }],
      }),
      buildPolicy('y', 'allow-from-xa-on-ya-match-selector', podLabel('a'), { ingress: [{ from: fromXA }] }),
      buildPolicy('y', 'allow-from-xa-on-yb-match-selector', podLabel('b'), { ingress: [{ from: fromXA }] }),
    ];
    const expected = new Reachability(true)
      .expectPeer({ namespace: 'x', pod: 'a' }, {}, false)
      .expectPeer({}, { namespace: 'y', pod: 'a' }, false)
      .expectPeer({ namespace: 'x', pod: 'a' }, { namespace: 'y', pod: 'a' }, true)
      .expectPeer({}, { namespace: 'y', pod: 'b' }, false);
    expectTable(evaluateCluster(buildCluster(policies)).matrix(80, 'TCP'), expected);
  });

  it('should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector', () => {
    const policy = buildPolicy('x', 'allow-to-ns-y-pod-a', podLabel('a'), {
      egress: [{ to: [{ namespaceSelector: namespaceName('y'), podSelector: podLabel('a') }] }],
    });
    const expected = new Reachability(true).expectAllEgress('x/a', false).expect('x/a', 'y/a', true);
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), expected);
  });

  it('should enforce multiple egress policies with egress allow-all policy taking precedence', () => {
    const onlyPort80 = buildPolicy(
      'x',
      'allow-egress-port-80',
      { matchLabels: {} },
      {
        egress: [{ ports: [{ port: 80 }] }],
      },
    );
    // Step 1: egress from x is open on port 80 only.
    const step1 = evaluateCluster(buildCluster([onlyPort80]));
    expectTable(step1.matrix(81, 'TCP'), new Reachability(true).expectPeer({ namespace: 'x' }, {}, false));

    // Step 2: an allow-all egress policy is added.
    const step2 = evaluateCluster(
      buildCluster([onlyPort80, allowEgress('x', 'allow-egress', { matchLabels: {} })]),
    );
    expectTable(step2.matrix(81, 'TCP'), new Reachability(true));
  });

  it('should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector', () => {
    // Step 1: x/a gets an allow-all egress policy; nothing changes.
    const allowEgressForA = allowEgress('x', 'allow-egress-for-target', podLabel('a'));
    const step1 = evaluateCluster(buildCluster([allowEgressForA]));
    expectTable(step1.matrix(80, 'TCP'), new Reachability(true));

    // Step 2: a second policy isolates x/a for ingress; its egress stays open.
    const denyIngressToA = denyIngress('x', 'deny-ingress-via-label-selector', podLabel('a'));
    const step2 = evaluateCluster(buildCluster([allowEgressForA, denyIngressToA]));
    expectTable(step2.matrix(80, 'TCP'), new Reachability(true).expectAllIngress('x/a', false));
  });
});
