// Upstream netpol e2e cases (network_policy.go) about ipBlock peers naming pod IPs. Upstream relies
// on the CNI matching pod traffic against ipBlock, hence `ipBlockMatchesPods`; see e2e-cluster.ts.
import { evaluateCluster, type Evaluation } from '@netmap/engine';
import type { KubeObject, NetworkPolicy } from '@netmap/model';
import { describe, it } from 'vitest';
import {
  buildCluster,
  buildPolicy,
  expectTable,
  LARGE_CIDR,
  podIP,
  podLabel,
  Reachability,
} from './e2e-cluster.ts';

function evaluate(objects: KubeObject[]): Evaluation {
  return evaluateCluster(objects, { ipBlockMatchesPods: true });
}

/** x/a may egress only to the ipBlock given. */
function allowEgressFromXATo(cidr: string, except?: string[]): NetworkPolicy {
  return buildPolicy('x', 'allow-client-a-via-cidr-egress-rule', podLabel('a'), {
    egress: [{ to: [{ ipBlock: except ? { cidr, except } : { cidr } }] }],
  });
}

describe('NetworkPolicy between server and client', () => {
  it('should allow egress access to server in CIDR block', () => {
    const evaluation = evaluate(buildCluster([allowEgressFromXATo(`${podIP('y/b')}/32`)]));
    const expected = new Reachability(true).expectAllEgress('x/a', false).expect('x/a', 'y/b', true);
    expectTable(evaluation.matrix(80, 'TCP'), expected);
  });

  it('should enforce except clause while egress access to server in CIDR block', () => {
    const evaluation = evaluate(buildCluster([allowEgressFromXATo(LARGE_CIDR, [`${podIP('x/b')}/32`])]));
    expectTable(evaluation.matrix(80, 'TCP'), new Reachability(true).expect('x/a', 'x/b', false));
  });

  it('should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed', () => {
    // Step 1: a large block around every pod, except x/b.
    const step1 = evaluate(buildCluster([allowEgressFromXATo(LARGE_CIDR, [`${podIP('x/b')}/32`])]));
    expectTable(step1.matrix(80, 'TCP'), new Reachability(true).expect('x/a', 'x/b', false));

    // Step 2: the policy is updated to allow x/b's IP alone.
    const step2 = evaluate(buildCluster([allowEgressFromXATo(`${podIP('x/b')}/32`)]));
    const expected = new Reachability(true).expectAllEgress('x/a', false).expect('x/a', 'x/b', true);
    expectTable(step2.matrix(80, 'TCP'), expected);
  });
});
