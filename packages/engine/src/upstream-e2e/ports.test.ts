// Upstream netpol e2e cases (network_policy.go) about ports: numbers, names, protocols, and rules
// on one protocol that must not open another; see e2e-cluster.ts.
import { evaluateCluster } from '@netmap/engine';
import type { NetworkPolicy } from '@netmap/model';
import { describe, it } from 'vitest';
import {
  ALL,
  buildCluster,
  buildPolicy,
  denyIngress,
  expectTable,
  namespaceName,
  podLabel,
  Reachability,
} from './e2e-cluster.ts';

/** x/a admits namespace y on one port; x and z may not reach x/a there. */
function allowYToXAOn(name: string, port: number | string): NetworkPolicy {
  return buildPolicy('x', name, podLabel('a'), {
    ingress: [{ from: [{ namespaceSelector: namespaceName('y') }], ports: [{ port, protocol: 'TCP' }] }],
  });
}

const onlyYToXA = (): Reachability =>
  new Reachability(true)
    .expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false)
    .expectPeer({ namespace: 'y' }, { namespace: 'x', pod: 'a' }, true)
    .expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false);

/** x/a admits ingress only on one port of one protocol. */
function allowOnlyProtocolToXA(name: string, port: number, protocol: 'UDP' | 'SCTP'): NetworkPolicy {
  return buildPolicy('x', name, podLabel('a'), { ingress: [{ ports: [{ port, protocol }] }] });
}

describe('NetworkPolicy between server and client', () => {
  it('should enforce policy based on Ports', () => {
    const evaluation = evaluateCluster(buildCluster([allowYToXAOn('allow-client-a-via-ns-selector', 81)]));
    expectTable(evaluation.matrix(81, 'TCP'), onlyYToXA());
  });

  it('should enforce multiple, stacked policies with overlapping podSelectors', () => {
    const port81 = allowYToXAOn('allow-client-a-via-ns-selector', 81);
    const step1 = evaluateCluster(buildCluster([port81]));
    expectTable(step1.matrix(81, 'TCP'), onlyYToXA());
    expectTable(step1.matrix(80, 'TCP'), new Reachability(true).expectAllIngress('x/a', false));

    // A second policy selecting the same pod unblocks port 80 for y.
    const step2 = evaluateCluster(
      buildCluster([port81, allowYToXAOn('allow-client-a-via-ns-selector-80', 80)]),
    );
    expectTable(step2.matrix(80, 'TCP'), onlyYToXA());
  });

  it('should allow ingress access on one named port', () => {
    const policy = buildPolicy(
      'x',
      'allow-all',
      { matchLabels: {} },
      { ingress: [{ ports: [{ port: 'serve-81-tcp' }] }] },
    );
    const evaluation = evaluateCluster(buildCluster([policy]));
    expectTable(evaluation.matrix(81, 'TCP'), new Reachability(true));
    expectTable(
      evaluation.matrix(80, 'TCP'),
      new Reachability(true).expectPeer({}, { namespace: 'x' }, false),
    );
  });

  it('should allow ingress access from namespace on one named port', () => {
    const evaluation = evaluateCluster(
      buildCluster([allowYToXAOn('allow-client-a-via-ns-selector-80', 'serve-80-tcp')]),
    );
    expectTable(evaluation.matrix(80, 'TCP'), onlyYToXA());
    expectTable(evaluation.matrix(81, 'TCP'), new Reachability(true).expectAllIngress('x/a', false));
  });

  it('should allow egress access on one named port', () => {
    // An egress named port is resolved against the destination pod's container ports.
    const policy = buildPolicy(
      'x',
      'allow-egress',
      { matchLabels: {} },
      { egress: [{ ports: [{ port: 'serve-80-tcp' }] }] },
    );
    const evaluation = evaluateCluster(buildCluster([policy]));
    expectTable(evaluation.matrix(80, 'TCP'), new Reachability(true));
    expectTable(
      evaluation.matrix(81, 'TCP'),
      new Reachability(true).expectPeer({ namespace: 'x' }, {}, false),
    );
  });

  it('should enforce ingress policy allowing any port traffic to a server on a specific protocol', () => {
    const policy = buildPolicy('x', 'allow-ingress-by-proto', podLabel('a'), {
      ingress: [{ ports: [{ protocol: 'TCP' }] }],
    });
    const evaluation = evaluateCluster(buildCluster([policy]));
    expectTable(evaluation.matrix(80, 'TCP'), new Reachability(true));
    expectTable(
      evaluation.matrix(80, 'UDP'),
      new Reachability(true).expectPeer({}, { namespace: 'x', pod: 'a' }, false),
    );
  });

  it("should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the plugin doesn't support SCTP", () => {
    const policies = [
      denyIngress('x', 'deny-ingress', ALL),
      allowOnlyProtocolToXA('allow-only-sctp-ingress-on-port-81', 81, 'SCTP'),
    ];
    const evaluation = evaluateCluster(buildCluster(policies));
    expectTable(
      evaluation.matrix(81, 'TCP'),
      new Reachability(true).expectPeer({}, { namespace: 'x' }, false),
    );
  });

  it("should properly isolate pods that are selected by a policy allowing SCTP, even if the plugin doesn't support SCTP", () => {
    const evaluation = evaluateCluster(
      buildCluster([allowOnlyProtocolToXA('allow-only-sctp-ingress-on-port-80', 80, 'SCTP')]),
    );
    expectTable(evaluation.matrix(81, 'TCP'), new Reachability(true).expectAllIngress('x/a', false));
  });

  it('should not allow access by TCP when a policy specifies only UDP', () => {
    const evaluation = evaluateCluster(
      buildCluster([allowOnlyProtocolToXA('allow-only-udp-ingress-on-port-81', 81, 'UDP')]),
    );
    expectTable(evaluation.matrix(81, 'TCP'), new Reachability(true).expectAllIngress('x/a', false));
  });

  // An earlier upstream title, since replaced by the two SCTP cases above; its policy differs from both.
  it('should not allow access by TCP when a policy specifies only SCTP', () => {
    const evaluation = evaluateCluster(
      buildCluster([allowOnlyProtocolToXA('allow-only-sctp-ingress-on-port-81', 81, 'SCTP')]),
    );
    expectTable(evaluation.matrix(81, 'TCP'), new Reachability(true).expectAllIngress('x/a', false));
  });
});
