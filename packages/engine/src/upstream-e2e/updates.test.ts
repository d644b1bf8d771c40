// Upstream netpol e2e cases (network_policy.go) that change the cluster between checks: a policy
// updated or deleted, labels added to a namespace or a pod. Each step is a fresh cluster; see
// e2e-cluster.ts.
import { evaluateCluster } from '@netmap/engine';
import { describe, it } from 'vitest';
import {
  ALL,
  buildCluster,
  buildPolicy,
  denyAll,
  denyIngress,
  expectTable,
  podLabel,
  Reachability,
} from './e2e-cluster.ts';

describe('NetworkPolicy between server and client', () => {
  it('should enforce updated policy', () => {
    // Step 1: allow all ingress into x.
    const allowAll = buildPolicy('x', 'allow-all-mutate-to-deny-all', ALL, { ingress: [{}] });
    expectTable(evaluateCluster(buildCluster([allowAll])).matrix(81, 'TCP'), new Reachability(true));

    // Step 2: the same policy, updated to have no ingress rules.
    const denyAllIngress = buildPolicy('x', 'allow-all-mutate-to-deny-all', ALL, { ingress: [] });
    const expected = new Reachability(true).expectPeer({}, { namespace: 'x' }, false);
    expectTable(evaluateCluster(buildCluster([denyAllIngress])).matrix(81, 'TCP'), expected);
  });

  it('should allow ingress access from updated namespace', () => {
    const policy = buildPolicy('x', 'allow-client-a-via-ns-selector', podLabel('a'), {
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns2: 'updated' } } }] }],
    });
    // Step 1: no namespace carries ns2=updated yet.
    const step1 = evaluateCluster(buildCluster([policy]));
    expectTable(step1.matrix(80, 'TCP'), new Reachability(true).expectAllIngress('x/a', false));

    // Step 2: namespace y is labelled ns2=updated.
    const step2 = evaluateCluster(buildCluster([policy], { namespaces: { y: { ns2: 'updated' } } }));
    const expected = new Reachability(true)
      .expectAllIngress('x/a', false)
      .expectPeer({ namespace: 'y' }, {}, true);
    expectTable(step2.matrix(80, 'TCP'), expected);
  });

  it('should allow ingress access from updated pod', () => {
    const policy = buildPolicy('x', 'allow-client-a-via-pod-selector', podLabel('a'), {
      ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b', pod2: 'updated' } } }] }],
    });
    // Step 1: no pod carries pod2=updated yet.
    const step1 = evaluateCluster(buildCluster([policy]));
    expectTable(step1.matrix(80, 'TCP'), new Reachability(true).expectAllIngress('x/a', false));

    // Step 2: x/b is labelled pod2=updated.
    const step2 = evaluateCluster(buildCluster([policy], { pods: { 'x/b': { pod2: 'updated' } } }));
    const expected = new Reachability(true).expectAllIngress('x/a', false).expect('x/b', 'x/a', true);
    expectTable(step2.matrix(80, 'TCP'), expected);
  });

  it('should deny ingress access to updated pod', () => {
    const policy = denyIngress('x', 'deny-ingress-via-label-selector', {
      matchLabels: { target: 'isolated' },
    });
    // Step 1: the policy selects no pod.
    expectTable(evaluateCluster(buildCluster([policy])).matrix(80, 'TCP'), new Reachability(true));

    // Step 2: x/a is labelled target=isolated and so becomes isolated.
    const step2 = evaluateCluster(buildCluster([policy], { pods: { 'x/a': { target: 'isolated' } } }));
    expectTable(step2.matrix(80, 'TCP'), new Reachability(true).expectAllIngress('x/a', false));
  });

  it('should stop enforcing policies after they are deleted', () => {
    // Step 1: deny all traffic into and out of x.
    const step1 = evaluateCluster(buildCluster([denyAll('x', 'deny-all')]));
    const expected = new Reachability(true)
      .expectPeer({ namespace: 'x' }, {}, false)
      .expectPeer({}, { namespace: 'x' }, false);
    expectTable(step1.matrix(80, 'TCP'), expected);

    // Step 2: every policy is deleted.
    expectTable(evaluateCluster(buildCluster([])).matrix(80, 'TCP'), new Reachability(true));
  });
});
