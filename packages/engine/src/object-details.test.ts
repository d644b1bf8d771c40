import { describe, expect, it } from 'vitest';
import { deriveTopology } from './derive-topology.ts';
import { evaluateCluster } from './evaluation.ts';
import { describeObject } from './object-details.ts';
import {
  ADMIN_FINDING,
  SECRET,
  details,
  detailsCluster,
  detailsEvaluation,
} from './test-support/details-cluster.ts';

const BROKEN_FINDING = 'invalid-object:NetworkPolicy:shop/broken';
const findingIds = (id: string) => details(id)?.findings.map((finding) => finding.id);

describe('describeObject', () => {
  it('describes a namespace: labels, what runs there, its policies and their findings', () => {
    const shop = details('namespace:shop');
    expect(shop).toMatchObject({
      labels: { team: 'web', 'kubernetes.io/metadata.name': 'shop' },
      workloads: 4,
      pods: 4,
      policies: ['shop/deny-egress', 'shop/web'],
    });
    expect(findingIds('namespace:shop')?.sort()).toEqual([
      BROKEN_FINDING,
      'no-default-deny:ingress:shop',
      ADMIN_FINDING,
    ]);
  });

  it('describes the outside that flows name', () => {
    expect(details('external:{ingress-controller}')).toMatchObject({
      kind: 'external',
      name: '{ingress-controller}',
    });
    expect(details('external:0.0.0.0-255.255.255.255[External]')).toMatchObject({
      range: { first: '0.0.0.0', last: '255.255.255.255' },
      description: expect.stringContaining('0.0.0.0 to 255.255.255.255'),
    });
    expect(details('external:::-ffff::[External]')).toMatchObject({ range: { first: '::', last: 'ffff::' } });
  });

  it('knows no ingress controller where no Ingress routes anything', () => {
    const withoutIngresses = evaluateCluster(detailsCluster.filter((object) => object.kind !== 'Ingress'));
    expect(describeObject(withoutIngresses, 'external:{ingress-controller}')).toBeUndefined();
  });

  it.each([
    'namespace:nowhere',
    'workload:shop/none[Deployment]',
    'workload:shop/web',
    'pod:shop/none',
    'pod:shop/api[Deployment]',
    'service:shop/none',
    'ingress:shop/none',
    'external:10.0.0.9-10.0.0.1[External]',
    'external:10.0.0.1-::ffff[External]',
    'external:10.0.0.01-10.0.0.9[External]',
    'external:0:0::-::ffff[External]',
    'external:10.0.0.1',
    'thing:shop/web',
    'shop/web',
  ])('knows no %s', (id) => {
    expect(details(id)).toBeUndefined();
  });

  it('describes every node of the topology, as the same kind, and sends no env, args, volumes or annotations', () => {
    const nodes = Object.values(deriveTopology(detailsEvaluation).nodes);
    expect(nodes.length).toBeGreaterThan(10);
    for (const node of nodes) {
      const described = details(node.id);
      expect(described, node.id).toMatchObject({ kind: node.kind, id: node.id });
      expect(JSON.stringify(described)).not.toContain(SECRET);
    }
  });
});
