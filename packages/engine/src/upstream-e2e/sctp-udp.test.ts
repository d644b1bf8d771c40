// Upstream netpol e2e cases (network_policy.go) run over UDP and over SCTP; see e2e-cluster.ts.
import { evaluateCluster } from '@netmap/engine';
import { describe, it } from 'vitest';
import {
  buildCluster,
  buildPolicy,
  denyIngress,
  expectTable,
  namespaceName,
  podLabel,
  Reachability,
} from './e2e-cluster.ts';

for (const protocol of ['UDP', 'SCTP'] as const) {
  describe(`NetworkPolicy between server and client using ${protocol}`, () => {
    it("should support a 'default-deny-ingress' policy", () => {
      const evaluation = evaluateCluster(buildCluster([denyIngress('x', 'deny-all')]));
      expectTable(
        evaluation.matrix(80, protocol),
        new Reachability(true).expectPeer({}, { namespace: 'x' }, false),
      );
    });

    it('should enforce policy based on Ports', () => {
      const policy = buildPolicy('x', 'allow-ingress-on-port-81-ns-x', podLabel('a'), {
        ingress: [{ from: [{ namespaceSelector: namespaceName('y') }], ports: [{ port: 81, protocol }] }],
      });
      const expected = new Reachability(true)
        .expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false)
        .expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false);
      expectTable(evaluateCluster(buildCluster([policy])).matrix(81, protocol), expected);
    });

    it('should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector', () => {
      const policy = buildPolicy('x', 'allow-ns-y-pod-a-via-namespace-pod-selector', podLabel('a'), {
        ingress: [{ from: [{ namespaceSelector: namespaceName('y'), podSelector: podLabel('a') }] }],
      });
      const expected = new Reachability(true).expectAllIngress('x/a', false).expect('y/a', 'x/a', true);
      expectTable(evaluateCluster(buildCluster([policy])).matrix(80, protocol), expected);
    });
  });
}
